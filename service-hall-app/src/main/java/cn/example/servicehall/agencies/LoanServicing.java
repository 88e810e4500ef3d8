package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The loan servicing systems (贷款核算: the fund centre's for fund loans, the banks' for commercial ones, through the
 * credit data shared with the centre): a person's housing loans, what was repaid in a period and whether anything is
 * overdue now, for repayment withdrawals and the fraud rules. The hall's own loan cases are not read through this.
 */
public interface LoanServicing {

	/**
	 * The housing loans the person is borrower or co-borrower of, oldest first, with what was repaid on each between
	 * {@code from} and {@code to} (both included) and whether anything is overdue on the hall's date.
	 */
	List<HousingLoan> loansOf(String residentIdNumber, LocalDate from, LocalDate to);

	/**
	 * 以住房公积金余额提前结清 (a payoff from the fund account, 退休一件事): {@code amount} paid to the fund loan
	 * {@code contractNo} out of the fund account's withdrawal, on the hall's date. Idempotent by the request key: the
	 * same key again answers what was done the first time (and does nothing); one key, one repayment.
	 * @throws AgencyRefused in words when the loan is unknown or not a fund loan ({@code LOAN_UNKNOWN}), already
	 * settled ({@code LOAN_SETTLED}), the amount is not the outstanding principal ({@code AMOUNT_DIFFERS}: this port
	 * settles a loan whole), or the key was used for another loan or amount ({@code KEY_ALREADY_USED})
	 * @throws AgencyUnavailable while the system cannot be reached (worth a retry)
	 */
	Repayment repayFromFund(FundRepayment order);

	/**
	 * A payoff from the fund account.
	 *
	 * @param requestKey the hall's key of the request: the withdrawal's part ({@code YS…-2}); one key, one repayment
	 * @param contractNo 借款合同编号 of the fund loan
	 * @param residentIdNumber the borrower (or co-borrower) whose fund account pays
	 * @param amount yuan, positive, at most fen: the outstanding principal
	 */
	record FundRepayment(String requestKey, String contractNo, String residentIdNumber, BigDecimal amount) {
	}

	/**
	 * A repayment made.
	 *
	 * @param requestKey the hall's key
	 * @param contractNo the loan repaid
	 * @param reference the loan servicing system's 还款流水号
	 * @param amount yuan paid
	 * @param outstandingAfter the principal left after it (0: settled, 已结清)
	 * @param repaidOn 还款日期
	 */
	record Repayment(String requestKey, String contractNo, String reference, BigDecimal amount,
			BigDecimal outstandingAfter, LocalDate repaidOn) {

		/** Whether the loan is settled (已结清). */
		public boolean settled() {
			return this.outstandingAfter.signum() == 0;
		}

	}

	/** Fund loan (公积金贷款) or commercial loan (商业贷款); a combination loan is one of each. */
	enum LoanKind {

		FUND, COMMERCIAL

	}

	/**
	 * A housing loan.
	 *
	 * @param contractNo 借款合同编号
	 * @param kind fund or commercial
	 * @param lender the lender
	 * @param borrower whether the person is the borrower (else a co-borrower)
	 * @param homeRef the home's certificate number, if known
	 * @param principal 贷款发放额, yuan
	 * @param monthlyInstalment the monthly instalment, yuan (等额本息)
	 * @param firstDue the first instalment's due day
	 * @param lastDue the last instalment's due day
	 * @param outstandingPrincipal 贷款余额 on the hall's date, yuan
	 * @param repaidInPeriod principal and interest repaid in the period asked for, yuan
	 * @param overdueInstalments instalments past due and unpaid on the hall's date
	 * @param overdueAmount their sum, yuan
	 * @param overdueSince the first unpaid due day, if any is overdue
	 */
	record HousingLoan(String contractNo, LoanKind kind, String lender, boolean borrower, String homeRef,
			BigDecimal principal, BigDecimal monthlyInstalment, LocalDate firstDue, LocalDate lastDue,
			BigDecimal outstandingPrincipal, BigDecimal repaidInPeriod, int overdueInstalments, BigDecimal overdueAmount,
			LocalDate overdueSince) {

		/** Whether anything is overdue now. */
		public boolean overdue() {
			return this.overdueInstalments > 0;
		}

	}

}
