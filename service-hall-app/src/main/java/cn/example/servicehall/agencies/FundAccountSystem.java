package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fund centre's account system (归集系统): depositors' accounts, kept as a ledger (分户账) in which every movement
 * (deposit, interest, withdrawal, closing) is a row and the balance is their sum, never below zero.
 * <p>
 * What a withdrawal asks of it, in order:
 * <ol>
 * <li>{@link #statementOf}: the account's state (JGJ/T 320 A.6), balance and interest to date, on the hall's
 * date;</li>
 * <li>{@link #withdrawalsOf} / {@link #withdrawalsForHome}: earlier withdrawals, for intervals, limits and fraud
 * rules;</li>
 * <li>a partial withdrawal: {@link #debit}; an account-closing one: {@link #close}, which settles the interest to
 * date, debits everything and closes the account (提取销户) in one booking. Both are tied to the case number: asking
 * again for the same case, after a lost answer or at the same moment, books nothing more and answers with the first
 * booking.</li>
 * </ol>
 * Refusals are {@link AgencyRefused} (with {@link AccountAlreadyClosed} for a second closing); an account system that
 * does not answer is {@link AgencyUnavailable}.
 */
public interface FundAccountSystem {

	/** The depositor's account, if they have one (what the loan reads). */
	Optional<FundAccount> accountOf(String residentIdNumber);

	/** The depositor's account with its interest to date, on the hall's date, if they have one. */
	Optional<AccountStatement> statementOf(String residentIdNumber);

	/** The depositor's earlier withdrawals, oldest first (closing withdrawals included). */
	List<PastWithdrawal> withdrawalsOf(String residentIdNumber);

	/**
	 * Every withdrawal made for a home, by anyone, oldest first. The home is found by its certificate or contract number
	 * whatever the width of its characters and its spaces.
	 */
	List<PastWithdrawal> withdrawalsForHome(String homeRef);

	/**
	 * Debits a partial withdrawal (部分提取) from the account, once per case. Asking again for the same case with the
	 * same account and amount answers with the first debit and books nothing.
	 * @throws AgencyRefused {@code NO_ACCOUNT}; {@code ACCOUNT_NOT_OPEN} (frozen or closed); {@code ABOVE_BALANCE};
	 * {@code CASE_ALREADY_BOOKED} (the case has another debit or a closing); nothing is booked
	 * @throws IllegalArgumentException for a closing reason (use {@link #close}) or an amount that is not positive fen
	 */
	Debit debit(DebitOrder order);

	/**
	 * Closes the account by an account-closing withdrawal (销户提取), once per case: the interest to date is credited,
	 * the whole balance debited and the status becomes {@link AccountStatus#CLOSED_BY_WITHDRAWAL} (05), in one booking.
	 * Asking again for the same case answers with the first closing.
	 * @throws AccountAlreadyClosed the account was closed before, by another case or otherwise
	 * @throws AgencyRefused {@code NO_ACCOUNT}; {@code ACCOUNT_NOT_OPEN} (frozen); {@code CASE_ALREADY_BOOKED} (the case
	 * debited a partial withdrawal)
	 * @throws IllegalArgumentException for a reason that does not close an account
	 */
	Closing close(ClosingOrder order);

	/**
	 * 委托按月提取还贷 (冲还贷): one month's instalment of the depositor's fund loan debited from the fund account and
	 * paid to the loan, once per agreement and month. Asking again for the same agreement and month answers with the
	 * first booking and books nothing; it is a partial withdrawal for the reason {@link WithdrawalReason#LOAN_REPAYMENT}
	 * and is among {@link #withdrawalsOf} afterwards.
	 * @throws AgencyRefused {@code NO_ACCOUNT}; {@code ACCOUNT_NOT_OPEN} (frozen or closed); {@code ABOVE_BALANCE};
	 * {@code CASE_ALREADY_BOOKED} (that month was booked with another amount or loan); nothing is booked
	 * @throws IllegalArgumentException for an amount that is not positive fen
	 */
	Offset offset(OffsetOrder order);

	/**
	 * A depositor's account as the account system reports it.
	 *
	 * @param accountNo 个人账号
	 * @param holderName the holder's name
	 * @param status 个人账户状态
	 * @param balance 个人账户余额
	 * @param continuousMonths 连续正常缴存月数
	 * @param monthlyDeposit 月缴存额 (employer and employee)
	 * @param outstandingLoan whether a housing provident fund loan is still being repaid
	 */
	record FundAccount(String accountNo, String holderName, AccountStatus status, BigDecimal balance,
			int continuousMonths, BigDecimal monthlyDeposit, boolean outstandingLoan) {
	}

	/**
	 * The account with its interest to date (domain.md §10): the balance earns the deposit rate by the daily-product
	 * method from the day after the last settlement (06-30) until, not including, {@code asOf}; settled when the
	 * account is closed (销户提取发生利息额) or at the next 06-30.
	 *
	 * @param accountNo 个人账号
	 * @param holderName the holder's name
	 * @param status 个人账户状态 (A.6 code: {@code status().code()})
	 * @param balance 个人账户余额, yuan
	 * @param interestToDate interest accrued and not yet credited, yuan, rounded half-up to fen
	 * @param interestFrom the first day it accrues for
	 * @param asOf the hall's date it was computed on (that day not counted)
	 * @param annualRate the deposit rate, e.g. 0.015
	 * @param continuousMonths 连续正常缴存月数
	 * @param monthlyDeposit 月缴存额 (employer and employee)
	 * @param lastDepositOn the last deposit (汇缴 or 补缴) the ledger shows, if any
	 * @param outstandingLoan whether a fund loan is still being repaid
	 * @param closedOn when it was closed, if it is
	 * @param closingCaseNo the case that closed it, if a withdrawal did
	 */
	record AccountStatement(String accountNo, String holderName, AccountStatus status, BigDecimal balance,
			BigDecimal interestToDate, LocalDate interestFrom, LocalDate asOf, BigDecimal annualRate,
			int continuousMonths, BigDecimal monthlyDeposit, Optional<LocalDate> lastDepositOn, boolean outstandingLoan,
			Optional<LocalDate> closedOn, Optional<String> closingCaseNo) {

		/** What an account-closing withdrawal would pay today: the balance and the interest to date. */
		public BigDecimal payableOnClosing() {
			return this.balance.add(this.interestToDate);
		}

	}

	/**
	 * A partial withdrawal to debit.
	 *
	 * @param caseNo the hall's case: one debit per case
	 * @param residentIdNumber whose account
	 * @param reason 提取原因 (A.7); not a closing one
	 * @param typeCode the hall's own withdrawal type, kept with the debit as given (e.g. {@code RENT}), may be null
	 * @param amount yuan, positive, at most fen
	 * @param homeRef the home it is for (certificate or contract number), null if none
	 */
	record DebitOrder(String caseNo, String residentIdNumber, WithdrawalReason reason, String typeCode,
			BigDecimal amount, String homeRef) {
	}

	/**
	 * A debit booked.
	 *
	 * @param caseNo the case
	 * @param accountNo the account debited
	 * @param amount yuan, positive
	 * @param balanceAfter the balance after it
	 * @param bookedOn 记账日期
	 */
	record Debit(String caseNo, String accountNo, BigDecimal amount, BigDecimal balanceAfter, LocalDate bookedOn) {
	}

	/**
	 * One month of a repayment-offset agreement to book.
	 *
	 * @param agreementCaseNo the case that signed the agreement: with the month, the booking's key
	 * @param period the month whose instalment is paid
	 * @param residentIdNumber whose fund account
	 * @param loanContractNo the fund loan repaid (借款合同编号)
	 * @param amount yuan, positive, at most fen: the instalment, or less when the balance is short
	 */
	record OffsetOrder(String agreementCaseNo, YearMonth period, String residentIdNumber, String loanContractNo,
			BigDecimal amount) {
	}

	/**
	 * A month booked.
	 *
	 * @param agreementCaseNo the agreement's case
	 * @param period the month
	 * @param accountNo the account debited
	 * @param amount yuan, paid to the loan
	 * @param balanceAfter the account's balance after it
	 * @param bookedOn 记账日期
	 */
	record Offset(String agreementCaseNo, YearMonth period, String accountNo, BigDecimal amount,
			BigDecimal balanceAfter, LocalDate bookedOn) {
	}

	/**
	 * An account-closing withdrawal.
	 *
	 * @param caseNo the hall's case: one closing per case
	 * @param residentIdNumber whose account
	 * @param reason 提取原因 (A.7), one that closes the account
	 * @param typeCode the hall's own withdrawal type, kept as given, may be null
	 */
	record ClosingOrder(String caseNo, String residentIdNumber, WithdrawalReason reason, String typeCode) {
	}

	/**
	 * A closing booked.
	 *
	 * @param caseNo the case
	 * @param accountNo the account closed
	 * @param balance the balance before the interest was credited
	 * @param interest the interest to date credited at closing
	 * @param total what was debited and is to be paid: balance and interest
	 * @param closedOn 记账日期 of the closing
	 */
	record Closing(String caseNo, String accountNo, BigDecimal balance, BigDecimal interest, BigDecimal total,
			LocalDate closedOn) {
	}

	/**
	 * An earlier withdrawal.
	 *
	 * @param residentIdNumber whose account it was debited from
	 * @param bookedOn 记账日期
	 * @param reason 提取原因 (A.7)
	 * @param typeCode the hall's own type as it was given, if any
	 * @param amount yuan, positive
	 * @param caseNo the case it was made for
	 * @param homeRef the home it was for (certificate or contract number), if any
	 * @param closedAccount whether it closed the account
	 */
	record PastWithdrawal(String residentIdNumber, LocalDate bookedOn, WithdrawalReason reason,
			Optional<String> typeCode, BigDecimal amount, String caseNo, Optional<String> homeRef,
			boolean closedAccount) {
	}

	/** 个人账户状态, JGJ/T 320 A.6 (domain.md §7.2). */
	enum AccountStatus {

		/** 01 正常. */
		NORMAL("01", "正常"),
		/** 02 封存: deposits stopped (e.g. after leaving a job or retiring). */
		SEALED("02", "封存"),
		/** 03 合并销户. */
		MERGED("03", "合并销户"),
		/** 04 外部转出销户: transferred to another city's centre. */
		TRANSFERRED_OUT("04", "外部转出销户"),
		/** 05 提取销户: closed by an account-closing withdrawal. */
		CLOSED_BY_WITHDRAWAL("05", "提取销户"),
		/** 06 冻结. */
		FROZEN("06", "冻结"),
		/** 99 其他. */
		OTHER("99", "其他");

		private final String code;

		private final String label;

		AccountStatus(String code, String label) {
			this.code = code;
			this.label = label;
		}

		/** The A.6 code, e.g. {@code 05}. */
		public String code() {
			return this.code;
		}

		/** The Chinese name, e.g. 提取销户. */
		public String label() {
			return this.label;
		}

		/** 销户: merged, transferred out or closed by a withdrawal. */
		public boolean isClosed() {
			return this == MERGED || this == TRANSFERRED_OUT || this == CLOSED_BY_WITHDRAWAL;
		}

		public static AccountStatus ofCode(String code) {
			return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no account status with code " + code));
		}

	}

	/** 提取原因, JGJ/T 320 A.7 (domain.md §7.2): the statutory ground of a withdrawal. */
	enum WithdrawalReason {

		/** 01 购买住房. */
		PURCHASE("01", "购买住房", false),
		/** 02 建造、翻建、大修住房. */
		BUILD_OR_OVERHAUL("02", "建造、翻建、大修住房", false),
		/** 03 离休、退休. */
		RETIREMENT("03", "离休、退休", true),
		/** 04 完全丧失劳动能力，并与单位终止劳动关系. */
		LOSS_OF_WORKING_ABILITY("04", "完全丧失劳动能力，并与单位终止劳动关系", true),
		/** 05 户口迁出所在市、县或出境定居. */
		LEAVING_THE_CITY_OR_SETTLING_ABROAD("05", "户口迁出所在市、县或出境定居", true),
		/** 06 偿还购房贷款本息. */
		LOAN_REPAYMENT("06", "偿还购房贷款本息", false),
		/** 07 房租超出家庭工资收入的规定比例. */
		RENT("07", "房租超出家庭工资收入的规定比例", false),
		/** 08 死亡. */
		DEATH("08", "死亡", true),
		/** 09 大病医疗. */
		SERIOUS_ILLNESS("09", "大病医疗", false),
		/** 99 其他 (e.g. elevator installation, hardship): partial. */
		OTHER("99", "其他", false);

		private final String code;

		private final String label;

		private final boolean closesAccount;

		WithdrawalReason(String code, String label, boolean closesAccount) {
			this.code = code;
			this.label = label;
			this.closesAccount = closesAccount;
		}

		/** The A.7 code, e.g. {@code 03}. */
		public String code() {
			return this.code;
		}

		/** The Chinese name. */
		public String label() {
			return this.label;
		}

		/** Whether a withdrawal on this ground closes the account (Art. 24: items 2–4, and death). */
		public boolean closesAccount() {
			return this.closesAccount;
		}

		public static WithdrawalReason ofCode(String code) {
			return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no withdrawal reason with code " + code));
		}

	}

}
