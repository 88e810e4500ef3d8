package cn.example.servicehall.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;

import cn.example.servicehall.loan.MaritalStatus;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.withdrawal.WithdrawalApplication;

/**
 * The one form of a bundle at the counter (一件事一次办): the depositor, their own bank card, the merged checklist as
 * the clerk checked it, and, for a bundle with a loan part (购房一件事), the loan's section. Each part's own
 * application is made from it.
 *
 * @param applicant the depositor, as on the ID card (the borrower, in a bundle with a loan; the buyer in a purchase)
 * @param bankCard the applicant's own Class-I card the money goes to, for a bundle with a withdrawal
 * @param materials the merged checklist, material code to whether it was shown
 * @param loan the loan part's fields; required by a bundle with a loan part, ignored otherwise
 * @param sale what a second-hand sale needs beyond the loan's section (二手房买卖+公积金贷款: the flat's address and
 *     area, the family's homes for the deed tax)
 */
public record BundleApplication(@NotNull(message = "{withdrawal.applicant.required}") @Valid WithdrawalApplication.Applicant applicant,
		@Valid WithdrawalApplication.Card bankCard, Map<String, Boolean> materials, @Valid Loan loan,
		@Valid ResaleSale sale) {

	public BundleApplication {
		materials = materials == null ? Map.of() : Map.copyOf(materials);
	}

	/**
	 * The loan part's section of the one form: what the resale-loan form asks beyond the applicant (the borrower) and
	 * the card. The loan checks the whole application as its own form would (the price, the seller's account, the
	 * spouse) when the bundle gives the part its record; the withdrawal for the down payment is made from the same
	 * flat, price and loan asked for.
	 *
	 * @param maritalStatus the borrower's 婚姻状况
	 * @param monthlyIncome the borrower's 月收入, yuan
	 * @param coBorrower 共同借款人 (the spouse), for a married borrower
	 * @param property the flat bought, its prices and its seller with the account the loan is paid into
	 * @param request the loan asked for: amount, term, repayment method, the repayment card
	 * @param contractSignedOn the day the sale contract was signed (the withdrawal's purchase date)
	 * @param withdrawalAmount what the buyer asks to withdraw for the down payment, if less than the rules allow
	 */
	public record Loan(@NotNull(message = "{loan.marital-status.required}") MaritalStatus maritalStatus,
			@NotNull(message = "{loan.income.required}") BigDecimal monthlyIncome,
			@Valid SubmitResaleLoanApplication.Applicant coBorrower,
			@NotNull(message = "{loan.property.required}") @Valid SubmitResaleLoanApplication.Property property,
			@NotNull(message = "{loan.loan.required}") @Valid SubmitResaleLoanApplication.LoanRequest request,
			@NotNull(message = "{withdrawal.home.purchased-on.required}")
			@PastOrPresent(message = "{withdrawal.home.purchased-on.future}") LocalDate contractSignedOn,
			@Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal withdrawalAmount) {

		/** The loan's own application: the applicant as the borrower, the section's flat and loan. */
		SubmitResaleLoanApplication application(WithdrawalApplication.Applicant applicant) {
			return new SubmitResaleLoanApplication(new SubmitResaleLoanApplication.Applicant(applicant.name(),
					applicant.idNumber(), this.maritalStatus, this.monthlyIncome, applicant.phone(),
					applicant.femaleCadre()), this.coBorrower, this.property, this.request);
		}

		/** The home the withdrawal pays the down payment of: the flat, the contract's day and price, the loan asked. */
		WithdrawalApplication.Home home() {
			return new WithdrawalApplication.Home(this.property.certificateNo(), this.contractSignedOn,
					this.property.contractPrice(), this.request.requestedAmount());
		}

	}

}
