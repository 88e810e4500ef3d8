package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;
import cn.example.servicehall.intake.BankCard;
import cn.example.servicehall.intake.ResidentId;

/**
 * A withdrawal as a clerk enters it at the counter or the online hall's system sends it ({@code POST
 * /api/withdrawals}): who, which type, the card to pay, and what the type needs that the systems cannot tell
 * (the home bought, the lease, the invoices, the papers seen). The same record is the page's form and the API's
 * body, so each field is checked once, here. Amounts are yuan with at most two decimals (fen).
 *
 * @param type 提取类型
 * @param applicant the depositor (for a death, the deceased depositor; the heirs are on the papers)
 * @param spouseIdNumber the spouse's ID number, for the family's homes and its purchase limit
 * @param bankCard the applicant's own Class-I card the money goes to
 * @param claim what the type needs beyond the systems' data
 * @param materials the counter's checklist, material code to whether it was shown; empty online
 */
public record WithdrawalApplication(@NotNull(message = "{withdrawal.type.required}") WithdrawalType type,
		@NotNull(message = "{withdrawal.applicant.required}") @Valid Applicant applicant,
		@ResidentId String spouseIdNumber,
		@NotNull(message = "{withdrawal.card.required}") @Valid Card bankCard,
		@Valid Claim claim, Map<String, Boolean> materials) {

	public WithdrawalApplication {
		claim = claim == null ? Claim.NONE : claim;
		materials = materials == null ? Map.of() : Map.copyOf(materials);
	}

	/**
	 * The depositor.
	 *
	 * @param name as on the ID card
	 * @param idNumber resident ID number (GB 11643)
	 * @param phone mobile phone for the SMS when paid
	 * @param femaleCadre for a woman: on the cadre (55) rather than the worker (50) retirement track
	 */
	@Schema(name = "WithdrawalApplicant")
	public record Applicant(
			@NotBlank(message = "{intake.applicant.name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
			@Pattern(regexp = "[\\p{IsHan}\\p{IsLatin}·．. '-]+", message = "{intake.applicant.name.characters}")
			@Printable(message = "{withdrawal.name.unprintable}") String name,
			@NotBlank(message = "{intake.id-number.required}") @ResidentId String idNumber,
			@Pattern(regexp = "1\\d{10}", message = "{withdrawal.phone.format}") String phone, boolean femaleCadre) {
	}

	/**
	 * The card the money is transferred to: the applicant's own Class-I account (一类户).
	 *
	 * @param cardNo 16–19 digits, Luhn-checked
	 * @param bankName its bank, e.g. 中国建设银行焦作分行
	 */
	public record Card(@NotBlank(message = "{withdrawal.card.required}") @BankCard String cardNo,
			@NotBlank(message = "{withdrawal.bank.required}") @Size(max = 60, message = "{withdrawal.bank.length}")
			@Printable(message = "{withdrawal.bank.unprintable}") String bankName) {
	}

	/**
	 * What the type needs beyond what the systems say; each part only where its type asks for it.
	 *
	 * @param requestedAmount what the applicant asks for, if less than the rules allow
	 * @param home the home bought (purchase types)
	 * @param buildCost the cost of building or overhaul
	 * @param loanNo the housing loan whose repayments are withdrawn (repayment types)
	 * @param lease the lease (rent)
	 * @param invoices the medical invoices (serious illness)
	 * @param elevatorCostShare the applicant's share of the elevator's cost
	 * @param papers the papers the counter saw
	 */
	public record Claim(@Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal requestedAmount,
			@Valid Home home,
			@Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal buildCost,
			@Size(max = 60, message = "{withdrawal.loan-no.length}") String loanNo, @Valid Lease lease,
			@Size(max = 50, message = "{withdrawal.invoices.count}") List<@Valid @NotNull Invoice> invoices,
			@Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal elevatorCostShare,
			Papers papers) {

		static final Claim NONE = new Claim(null, null, null, null, null, List.of(), null, null);

		public Claim {
			invoices = invoices == null ? List.of() : invoices;
			papers = papers == null ? new Papers(false, false, false, false, false, false, false, false, false, false)
					: papers;
		}

	}

	/**
	 * A home bought.
	 *
	 * @param certificateNo 不动产权证书号 (or the filed contract's number for a new home not yet registered)
	 * @param purchasedOn the day of the contract
	 * @param price the price
	 * @param loanAmount the loan taken for it, 0 if none
	 */
	public record Home(@NotBlank(message = "{withdrawal.home.certificate.required}")
			@Size(max = 60, message = "{withdrawal.home.certificate.length}") String certificateNo,
			@NotNull(message = "{withdrawal.home.purchased-on.required}")
			@PastOrPresent(message = "{withdrawal.home.purchased-on.future}") LocalDate purchasedOn,
			@NotNull(message = "{withdrawal.home.price.required}") @Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal price,
			@PositiveOrZero(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal loanAmount) {
	}

	/**
	 * A lease.
	 *
	 * @param monthlyRent the rent a month
	 * @param startsOn its first day
	 * @param filed whether it is filed with the housing authority (备案)
	 */
	public record Lease(@NotNull(message = "{withdrawal.lease.rent.required}") @Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 9, fraction = 2, message = "{withdrawal.money.digits}")
			@DecimalMax(value = "1000000.00", message = "{withdrawal.lease.rent.max}") BigDecimal monthlyRent,
			@NotNull(message = "{withdrawal.lease.starts-on.required}") LocalDate startsOn, boolean filed) {
	}

	/**
	 * A medical invoice.
	 *
	 * @param amount its total
	 * @param reimbursed what insurance paid back
	 */
	public record Invoice(@NotNull(message = "{withdrawal.invoice.amount.required}")
			@Positive(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal amount,
			@PositiveOrZero(message = "{withdrawal.amount.positive}")
			@Digits(integer = 12, fraction = 2, message = "{withdrawal.money.digits}") BigDecimal reimbursed) {
	}

	/**
	 * The papers seen at the counter (or, online, what the online hall's own checks confirmed).
	 *
	 * @param retirementProof 退休证 or approval
	 * @param workingAbilityLost 劳动能力鉴定 (complete loss)
	 * @param employmentEnded proof the labour relationship ended
	 * @param settledAbroad proof of settlement abroad
	 * @param deceased death certificate or declaration
	 * @param heirsNamed inheritance notarisation or court document
	 * @param householdMovedOut 户口迁出 proof
	 * @param buildPermitted the planning or land authority's approval
	 * @param illnessListed a diagnosis of a listed serious illness
	 * @param elevatorAgreement the owners' elevator agreement
	 */
	public record Papers(boolean retirementProof, boolean workingAbilityLost, boolean employmentEnded,
			boolean settledAbroad, boolean deceased, boolean heirsNamed, boolean householdMovedOut,
			boolean buildPermitted, boolean illnessListed, boolean elevatorAgreement) {

		WithdrawalFacts.Papers facts() {
			return new WithdrawalFacts.Papers(this.retirementProof, this.workingAbilityLost, this.employmentEnded,
					this.settledAbroad, this.deceased, this.heirsNamed, this.householdMovedOut, this.buildPermitted,
					this.illnessListed, this.elevatorAgreement);
		}

	}

	/** The claim as the rules read it, with what the registry said of the home. */
	WithdrawalFacts.Claim factsClaim(Optional<Boolean> homeOnRecord) {
		Claim c = this.claim;
		return new WithdrawalFacts.Claim(Optional.ofNullable(c.requestedAmount()),
				Optional.ofNullable(c.home())
					.map(h -> new WithdrawalFacts.Home(h.certificateNo().strip(), h.purchasedOn(), h.price(),
							h.loanAmount(), homeOnRecord)),
				Optional.ofNullable(c.buildCost()), Optional.ofNullable(c.loanNo()).map(String::strip).filter(s -> !s.isEmpty()),
				Optional.ofNullable(c.lease())
					.map(l -> new WithdrawalFacts.Lease(l.monthlyRent(), l.startsOn(), l.filed())),
				c.invoices().stream().map(i -> new WithdrawalFacts.MedicalInvoice(i.amount(), i.reimbursed())).toList(),
				Optional.ofNullable(c.elevatorCostShare()), c.papers().facts());
	}

}
