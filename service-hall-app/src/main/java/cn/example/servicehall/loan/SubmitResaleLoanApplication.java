package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;
import cn.example.servicehall.intake.ResidentId;
import cn.example.servicehall.loan.calculation.RepaymentMethod;

/**
 * A resale-loan application as entered at the window: the borrower, the spouse as co-borrower when married, the
 * property bought and its seller, and the loan asked for. The property's address, area and year of construction come
 * from the registry by its certificate number. Every text a document prints must be printable ({@link Printable}).
 *
 * @param borrower 借款申请人
 * @param coBorrower 共同借款人 (the spouse), required for a married borrower
 * @param property the house bought
 * @param loan the loan asked for
 */
public record SubmitResaleLoanApplication(@NotNull(message = "{loan.borrower.required}") @Valid Applicant borrower,
		@Valid Applicant coBorrower, @NotNull(message = "{loan.property.required}") @Valid Property property,
		@NotNull(message = "{loan.loan.required}") @Valid LoanRequest loan) {

	/**
	 * An applicant.
	 *
	 * @param name as on the ID card
	 * @param idNumber resident ID number (GB 11643)
	 * @param maritalStatus 婚姻状况
	 * @param monthlyIncome 月收入, yuan
	 * @param phone mobile phone
	 * @param femaleCadre for a woman: on the cadre (55) rather than the worker (50) retirement track
	 */
	public record Applicant(
			@NotBlank(message = "{intake.applicant.name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
			@Pattern(regexp = "[\\p{IsHan}\\p{IsLatin}·．. '-]+", message = "{intake.applicant.name.characters}")
			@Printable(message = "{loan.name.unprintable}") String name,
			@NotBlank(message = "{intake.id-number.required}") @ResidentId String idNumber,
			@NotNull(message = "{loan.marital-status.required}") MaritalStatus maritalStatus,
			@NotNull(message = "{loan.income.required}") @PositiveOrZero(message = "{loan.income.positive}")
			@Digits(integer = 9, fraction = 2, message = "{loan.money.digits}")
			@DecimalMax(value = "10000000.00", message = "{loan.income.max}") BigDecimal monthlyIncome,
			@Pattern(regexp = "1\\d{10}", message = "{loan.phone.format}") String phone, boolean femaleCadre) {
	}

	/**
	 * The house bought.
	 *
	 * @param certificateNo 不动产权证书号 of the seller's title
	 * @param contractPrice 网签合同价, yuan
	 * @param assessedPrice 评估价 (or 计税价), yuan
	 * @param firstHome 首套住房
	 * @param seller the seller and the account the loan is paid into (受托支付)
	 */
	public record Property(@NotBlank(message = "{loan.certificate.required}") @Size(max = 60, message = "{loan.certificate.length}")
			@Printable(message = "{loan.certificate.unprintable}") String certificateNo,
			@NotNull(message = "{loan.price.required}") @Positive(message = "{loan.price.positive}")
			@Digits(integer = 10, fraction = 2, message = "{loan.money.digits}")
			@DecimalMax(value = "100000000.00", message = "{loan.price.max}") BigDecimal contractPrice,
			@NotNull(message = "{loan.price.required}") @Positive(message = "{loan.price.positive}")
			@Digits(integer = 10, fraction = 2, message = "{loan.money.digits}")
			@DecimalMax(value = "100000000.00", message = "{loan.price.max}") BigDecimal assessedPrice,
			@NotNull(message = "{loan.first-home.required}") Boolean firstHome,
			@NotNull(message = "{loan.seller.required}") @Valid Seller seller) {
	}

	/**
	 * The seller and their account.
	 *
	 * @param name the seller's name
	 * @param idNumber the seller's resident ID number
	 * @param bank the account's bank (开户行)
	 * @param accountNo the account number
	 * @param accountName the account holder, who must be the seller
	 */
	public record Seller(
			@NotBlank(message = "{loan.seller.name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
			@Printable(message = "{loan.seller.name.unprintable}") String name,
			@NotBlank(message = "{intake.id-number.required}") @ResidentId String idNumber,
			@NotBlank(message = "{loan.seller.bank.required}") @Size(max = 60, message = "{loan.seller.bank.length}")
			@Printable(message = "{loan.seller.bank.unprintable}") String bank,
			@NotBlank(message = "{loan.seller.account.required}") @Pattern(regexp = "\\d{8,30}", message = "{loan.seller.account.format}") String accountNo,
			@NotBlank(message = "{loan.seller.account-name.required}")
			@Printable(message = "{loan.seller.account-name.unprintable}") String accountName) {
	}

	/**
	 * The loan asked for.
	 *
	 * @param requestedAmount yuan, at most two decimals
	 * @param termMonths the term
	 * @param repaymentMethod 等额本息 or 等额本金
	 * @param repaymentAccount 还款账户, the borrower's own account the bank debits each month; may be named later
	 */
	public record LoanRequest(
			@NotNull(message = "{loan.requested-amount.required}") @Positive(message = "{loan.requested-amount.positive}")
			@Digits(integer = 10, fraction = 2, message = "{loan.requested-amount.digits}")
			@DecimalMax(value = "10000000.00", message = "{loan.requested-amount.max}") BigDecimal requestedAmount,
			@NotNull(message = "{loan.term.required}") @Min(value = 12, message = "{loan.term.range}")
			@Max(value = 360, message = "{loan.term.range}") Integer termMonths,
			@NotNull(message = "{loan.repayment-method.required}") RepaymentMethod repaymentMethod,
			@Valid RepaymentAccount repaymentAccount) {
	}

	/**
	 * 还款账户.
	 *
	 * @param bank the bank and branch
	 * @param accountNo the account number, digits only
	 */
	public record RepaymentAccount(
			@NotBlank(message = "{loan.repayment-account.bank.required}") @Size(max = 60, message = "{loan.seller.bank.length}")
			@Printable(message = "{loan.repayment-account.bank.unprintable}") String bank,
			@NotBlank(message = "{loan.repayment-account.number.required}") @Pattern(regexp = "\\d{8,30}", message = "{loan.repayment-account.number.format}") String accountNo) {
	}

	/** A married borrower applies with the spouse; a co-borrower is the spouse of a married borrower. */
	@JsonIgnore
	@AssertTrue(message = "{loan.co-borrower.spouse}")
	public boolean isSpouseTheCoBorrower() {
		if (this.borrower == null || this.borrower.maritalStatus() == null) {
			return true;
		}
		boolean married = this.borrower.maritalStatus() == MaritalStatus.MARRIED;
		if (this.coBorrower == null) {
			return !married;
		}
		return married && this.coBorrower.maritalStatus() == MaritalStatus.MARRIED
				&& !Objects.equals(normalised(this.coBorrower.idNumber()), normalised(this.borrower.idNumber()));
	}

	/** The loan is paid into the seller's own account, and the seller is not buying from themselves. */
	@JsonIgnore
	@AssertTrue(message = "{loan.seller.account-holder}")
	public boolean isPaidToTheSeller() {
		if (this.property == null || this.property.seller() == null || this.property.seller().name() == null) {
			return true;
		}
		Seller seller = this.property.seller();
		boolean ownAccount = seller.name().strip().equals(seller.accountName() == null ? null : seller.accountName().strip());
		boolean notTheBuyer = this.borrower == null
				|| !Objects.equals(normalised(seller.idNumber()), normalised(this.borrower.idNumber()))
						&& (this.coBorrower == null
								|| !Objects.equals(normalised(seller.idNumber()), normalised(this.coBorrower.idNumber())));
		return ownAccount && notTheBuyer;
	}

	/** No loan above the lower of the contract and the assessed price. */
	@JsonIgnore
	@AssertTrue(message = "{loan.requested-amount.above-price}")
	public boolean isWithinThePrice() {
		if (this.loan == null || this.loan.requestedAmount() == null || this.property == null
				|| this.property.contractPrice() == null || this.property.assessedPrice() == null) {
			return true;
		}
		return this.loan.requestedAmount().compareTo(this.property.contractPrice().min(this.property.assessedPrice())) <= 0;
	}

	private static String normalised(String idNumber) {
		return idNumber == null ? null : idNumber.strip().toUpperCase();
	}

}
