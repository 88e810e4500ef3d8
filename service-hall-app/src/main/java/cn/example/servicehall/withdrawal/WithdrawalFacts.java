package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import cn.example.servicehall.intake.RetirementAge;

/**
 * Everything the withdrawal rules decide on, gathered by the caller from the agencies' systems (fund account,
 * registry, social security, loan servicing) and from the application; the rules ask no system themselves. Amounts
 * are yuan in whole fen.
 *
 * @param acceptedOn the day of acceptance: the city policy in force that day applies, and months are counted to it
 * @param applicant who applies (for a death: the deceased depositor, whose account it is)
 * @param account the depositor's fund account
 * @param homesOwnedInCity homes the applicant and the spouse own in the city as the registry reports them; empty when
 * the registry was not asked or could not answer
 * @param earlierWithdrawals the family's (applicant's and spouse's) earlier withdrawals, any order
 * @param loans the applicant's and the spouse's housing loans, fund and commercial
 * @param claim what the application claims
 */
public record WithdrawalFacts(LocalDate acceptedOn, Applicant applicant, Account account,
		Optional<Integer> homesOwnedInCity, List<EarlierWithdrawal> earlierWithdrawals, List<Loan> loans, Claim claim) {

	public WithdrawalFacts {
		Objects.requireNonNull(acceptedOn, "acceptedOn");
		Objects.requireNonNull(applicant, "applicant");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(claim, "claim");
		homesOwnedInCity = (homesOwnedInCity != null) ? homesOwnedInCity : Optional.empty();
		earlierWithdrawals = (earlierWithdrawals != null) ? List.copyOf(earlierWithdrawals) : List.of();
		loans = (loans != null) ? List.copyOf(loans) : List.of();
	}

	/** Whole months from {@code day} to the day of acceptance (a month is reached on the same day of the month). */
	int monthsSince(LocalDate day) {
		return (int) java.time.temporal.ChronoUnit.MONTHS.between(day, this.acceptedOn);
	}

	/** The day of the applicant's own latest withdrawal of {@code type}, if any. */
	Optional<LocalDate> lastOwn(WithdrawalType type) {
		return this.earlierWithdrawals.stream()
			.filter(w -> w.type() == type && w.accountNo().equals(this.account.accountNo()))
			.map(EarlierWithdrawal::paidOn)
			.max(LocalDate::compareTo);
	}

	/** The family's earlier purchase withdrawals for the home of {@code homeKey}, oldest first. */
	List<EarlierWithdrawal> purchasesFor(String homeKey) {
		return this.earlierWithdrawals.stream()
			.filter(w -> w.type().purchase() && w.homeKey().filter(homeKey::equals).isPresent())
			.sorted(java.util.Comparator.comparing(EarlierWithdrawal::paidOn))
			.toList();
	}

	/** The family's earlier repayment withdrawals (yearly and monthly) for loan {@code loanNo}. */
	List<EarlierWithdrawal> repaymentsFor(String loanNo) {
		return this.earlierWithdrawals.stream()
			.filter(w -> w.type().repayment() && w.loanNo().filter(loanNo::equals).isPresent())
			.toList();
	}

	/** The loan a repayment withdrawal repays: the one the claim names, else the family's only one. */
	Optional<Loan> repaidLoan() {
		if (this.claim.loanNo().isPresent()) {
			return this.loans.stream().filter(l -> l.loanNo().equals(this.claim.loanNo().get())).findFirst();
		}
		return (this.loans.size() == 1) ? Optional.of(this.loans.get(0)) : Optional.empty();
	}

	/**
	 * The depositor.
	 *
	 * @param birthDate from the ID number
	 * @param retirementKind the original statutory age (men 60, women workers 50, women cadres 55): sex and post
	 * @param retiredOnRecord the social-security system records the person as retired
	 */
	public record Applicant(LocalDate birthDate, RetirementAge.Kind retirementKind, boolean retiredOnRecord) {

		public Applicant {
			Objects.requireNonNull(birthDate, "birthDate");
			Objects.requireNonNull(retirementKind, "retirementKind");
		}

	}

	/**
	 * 个人账户 as the account system reports it.
	 *
	 * @param accountNo 个人账号
	 * @param status 个人账户状态
	 * @param balance 个人账户余额
	 * @param interestToDate interest accrued from the last settlement (June 30) to the day, as the account system
	 * computes it (销户提取发生利息额, domain.md §10), possibly to more places than the fen
	 * @param continuousMonths 连续正常缴存月数
	 * @param sealedSince since when the account is sealed (封存), empty when it is not
	 */
	public record Account(String accountNo, AccountState status, BigDecimal balance, BigDecimal interestToDate,
			int continuousMonths, Optional<LocalDate> sealedSince) {

		public Account {
			Objects.requireNonNull(accountNo, "accountNo");
			Objects.requireNonNull(status, "status");
			balance = Fen.of(balance, "balance");
			interestToDate = (interestToDate != null) ? interestToDate : BigDecimal.ZERO;
			if (balance.signum() < 0 || interestToDate.signum() < 0) {
				throw new IllegalArgumentException("A fund account's balance and interest are never negative: " + balance
						+ ", " + interestToDate);
			}
			sealedSince = (sealedSince != null) ? sealedSince : Optional.empty();
		}

	}

	/** 个人账户状态 (JGJ/T 320 appendix A.6, domain.md §7.2), as far as withdrawals tell them apart. */
	public enum AccountState {

		/** 01 正常. */
		NORMAL,
		/** 02 封存. */
		SEALED,
		/** 06 冻结. */
		FROZEN,
		/** 03 合并销户, 04 外部转出销户, 05 提取销户. */
		CLOSED,
		/** 99 其他, or a code the hall does not know. */
		OTHER

	}

	/**
	 * A withdrawal paid earlier from the family's accounts.
	 *
	 * @param paidOn when
	 * @param type its type
	 * @param amount how much
	 * @param accountNo from whose account
	 * @param homeKey the home it was for (purchase, build), as {@link Home#key()} writes it
	 * @param loanNo the loan it repaid (repayment types)
	 */
	public record EarlierWithdrawal(LocalDate paidOn, WithdrawalType type, BigDecimal amount, String accountNo,
			Optional<String> homeKey, Optional<String> loanNo) {

		public EarlierWithdrawal {
			Objects.requireNonNull(paidOn, "paidOn");
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(accountNo, "accountNo");
			amount = Fen.of(amount, "amount");
			homeKey = (homeKey != null) ? homeKey.map(Home::key) : Optional.empty();
			loanNo = (loanNo != null) ? loanNo : Optional.empty();
		}

	}

	/**
	 * A housing loan of the applicant or the spouse.
	 *
	 * @param loanNo 贷款账号 or the bank's contract number
	 * @param fundLoan a housing provident fund loan of the centre (else a commercial loan the centre cannot see)
	 * @param amount the amount lent
	 * @param repaid principal and interest repaid to the day
	 * @param monthlyInstalment this month's instalment (the monthly offset pays it)
	 * @param overdue an instalment is overdue (逾期)
	 * @param outstandingPrincipal 贷款余额 on the day (what a payoff pays)
	 */
	public record Loan(String loanNo, boolean fundLoan, BigDecimal amount, BigDecimal repaid, BigDecimal monthlyInstalment,
			boolean overdue, BigDecimal outstandingPrincipal) {

		public Loan {
			Objects.requireNonNull(loanNo, "loanNo");
			amount = Fen.of(amount, "amount");
			repaid = Fen.of(repaid, "repaid");
			monthlyInstalment = Fen.of(monthlyInstalment == null ? BigDecimal.ZERO : monthlyInstalment,
					"monthlyInstalment");
			outstandingPrincipal = Fen.of(outstandingPrincipal == null ? BigDecimal.ZERO : outstandingPrincipal,
					"outstandingPrincipal");
		}

		/** A loan whose outstanding principal is not known (nothing to pay off). */
		public Loan(String loanNo, boolean fundLoan, BigDecimal amount, BigDecimal repaid, BigDecimal monthlyInstalment,
				boolean overdue) {
			this(loanNo, fundLoan, amount, repaid, monthlyInstalment, overdue, BigDecimal.ZERO);
		}

	}

	/**
	 * What the application claims; what a type does not use stays empty.
	 *
	 * @param requestedAmount the amount asked for; empty asks for what the rules allow
	 * @param home the home bought (purchase) or built
	 * @param buildCost 建造、翻建、大修 cost on the budget or invoices
	 * @param loanNo which loan a repayment withdrawal repays; empty when the family has only one
	 * @param lease the lease, for rent
	 * @param invoices medical invoices, for serious illness
	 * @param elevatorCostShare the household's share of an elevator's cost
	 * @param papers what the materials presented show
	 */
	public record Claim(Optional<BigDecimal> requestedAmount, Optional<Home> home, Optional<BigDecimal> buildCost,
			Optional<String> loanNo, Optional<Lease> lease, List<MedicalInvoice> invoices,
			Optional<BigDecimal> elevatorCostShare, Papers papers) {

		public Claim {
			requestedAmount = (requestedAmount != null) ? requestedAmount.map(a -> Fen.of(a, "requestedAmount"))
					: Optional.empty();
			home = (home != null) ? home : Optional.empty();
			buildCost = (buildCost != null) ? buildCost.map(a -> Fen.of(a, "buildCost")) : Optional.empty();
			loanNo = (loanNo != null) ? loanNo : Optional.empty();
			lease = (lease != null) ? lease : Optional.empty();
			invoices = (invoices != null) ? List.copyOf(invoices) : List.of();
			elevatorCostShare = (elevatorCostShare != null)
					? elevatorCostShare.map(a -> Fen.of(a, "elevatorCostShare")) : Optional.empty();
			papers = (papers != null) ? papers : Papers.NONE;
		}

		/** A claim of nothing but the papers: the closing types. */
		public static Claim of(Papers papers) {
			return new Claim(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
					List.of(), Optional.empty(), papers);
		}

	}

	/**
	 * A home bought or built.
	 *
	 * @param certificateNo 不动产权证书号 or the online-signed contract's number (网签备案号)
	 * @param purchasedOn the contract's or the registration's day
	 * @param price the price on the contract
	 * @param loanAmount the loans taken for it (fund and commercial)
	 * @param onRecord the registry names the applicant or the spouse as buyer or owner; empty when it cannot say
	 */
	public record Home(String certificateNo, LocalDate purchasedOn, BigDecimal price, BigDecimal loanAmount,
			Optional<Boolean> onRecord) {

		public Home {
			Objects.requireNonNull(certificateNo, "certificateNo");
			Objects.requireNonNull(purchasedOn, "purchasedOn");
			price = Fen.of(price, "price");
			loanAmount = Fen.of(loanAmount == null ? BigDecimal.ZERO : loanAmount, "loanAmount");
			onRecord = (onRecord != null) ? onRecord : Optional.empty();
		}

		/** The home's key: its number whatever the width of its characters and its spaces (豫(2025)焦作市 = 豫（2025）焦作市). */
		public String key() {
			return key(this.certificateNo);
		}

		static String key(String certificateNo) {
			return Normalizer.normalize(certificateNo, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		}

	}

	/**
	 * 房屋租赁合同.
	 *
	 * @param monthlyRent the rent a month
	 * @param startsOn the first day rented
	 * @param filed filed with the housing authority (备案), so the systems see it
	 */
	public record Lease(BigDecimal monthlyRent, LocalDate startsOn, boolean filed) {

		public Lease {
			monthlyRent = Fen.of(monthlyRent, "monthlyRent");
			Objects.requireNonNull(startsOn, "startsOn");
		}

	}

	/**
	 * A medical invoice.
	 *
	 * @param amount its total
	 * @param reimbursed what medical insurance paid of it (医保结算)
	 */
	public record MedicalInvoice(BigDecimal amount, BigDecimal reimbursed) {

		public MedicalInvoice {
			amount = Fen.of(amount, "amount");
			reimbursed = Fen.of(reimbursed == null ? BigDecimal.ZERO : reimbursed, "reimbursed");
		}

		/** What the family paid itself. */
		public BigDecimal outOfPocket() {
			return this.amount.subtract(this.reimbursed).max(BigDecimal.ZERO);
		}

	}

	/**
	 * What the materials presented show, as the clerk (or the online upload) records it; a person checks them.
	 *
	 * @param retirementProof 退休证 or 退休审批表
	 * @param workingAbilityLost a 完全丧失劳动能力 appraisal
	 * @param employmentEnded proof the labour relationship ended
	 * @param settledAbroad 户口注销证明 or settlement proof
	 * @param deceased death certificate or declaration
	 * @param heirsNamed inheritance notarisation or a court's document
	 * @param householdMovedOut 户口迁出本市的证明
	 * @param buildPermitted the planning or land authority's approval
	 * @param illnessListed a diagnosis of a serious illness on the city's list
	 * @param elevatorAgreement the owners' elevator agreement with its approval
	 */
	public record Papers(boolean retirementProof, boolean workingAbilityLost, boolean employmentEnded,
			boolean settledAbroad, boolean deceased, boolean heirsNamed, boolean householdMovedOut, boolean buildPermitted,
			boolean illnessListed, boolean elevatorAgreement) {

		/** No papers beyond the common ones. */
		public static final Papers NONE = new Papers(false, false, false, false, false, false, false, false, false,
				false);

	}

	/** Amount checks: whole fen, at scale 2. */
	static final class Fen {

		private Fen() {
		}

		static BigDecimal of(BigDecimal amount, String name) {
			if (amount == null) {
				throw new IllegalArgumentException(name + " is required");
			}
			if (amount.stripTrailingZeros().scale() > 2) {
				throw new IllegalArgumentException(name + " must be in whole fen (分), was " + amount.toPlainString());
			}
			return amount.setScale(2);
		}

	}

}
