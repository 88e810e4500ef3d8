package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.documents.AmountInWords;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 委托按月提取还贷: a monthly repayment withdrawal, once approved, is a standing agreement. Each month on the fund
 * loan's due day ({@link #RUN_AT} hall time) the month's instalment is paid from the fund account to the loan (冲还贷),
 * booked once per agreement and month whatever is retried; a balance short of the instalment pays what it holds and
 * the citizen is told to pay the rest. It ends when the citizen asks (at the counter or online), after the loan's last
 * month or when the loan is repaid early, and when the account is closed ({@link #endAllOf}: a closing withdrawal, as
 * 退休一件事 makes). {@code RepaymentOffsetProcess} keeps the months' timer.
 */
@Service
public class OffsetAgreements {

	/** When on the due day the month is paid: before the loan's own collection runs. */
	static final java.time.LocalTime RUN_AT = java.time.LocalTime.of(2, 0);

	private final JdbcClient jdbc;

	private final CaseFiles cases;

	private final WithdrawalRecords records;

	private final FundAccountSystem accounts;

	private final LoanServicing loans;

	private final NotificationGateway sms;

	private final RuntimeService runtime;

	private final Clock clock;

	OffsetAgreements(JdbcClient jdbc, CaseFiles cases, WithdrawalRecords records, FundAccountSystem accounts,
			LoanServicing loans, NotificationGateway sms, RuntimeService runtime, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.records = records;
		this.accounts = accounts;
		this.loans = loans;
		this.sms = sms;
		this.runtime = runtime;
		this.clock = clock;
	}

	/**
	 * {@code Task_SignOffsetAgreement}: the agreement recorded for the approved case's fund loan, its first month the
	 * first due day still ahead, and its months' process started. Done once: a retried step finds it signed.
	 */
	@Transactional
	public Agreement sign(CaseNo caseNo) {
		Optional<Agreement> signed = agreement(caseNo);
		if (signed.isPresent()) {
			return signed.get();
		}
		CaseFile file = this.cases.get(caseNo);
		WithdrawalRecords.Kept kept = this.records.application(this.records.first(caseNo)).orElseThrow();
		String applicant = file.applicantIdNumber().value();
		LoanServicing.HousingLoan loan = fundLoanOf(applicant, Optional.ofNullable(kept.claim().loanNo()))
			.orElseThrow(() -> new IllegalStateException("No fund loan to repay for " + caseNo.value()));
		ZonedDateTime now = ZonedDateTime.now(this.clock);
		int dueDay = loan.firstDue().getDayOfMonth();
		YearMonth first = YearMonth.from(now);
		if (!runAt(first, dueDay).isAfter(now)) {
			first = first.plusMonths(1);
		}
		if (first.isBefore(YearMonth.from(loan.firstDue()))) {
			first = YearMonth.from(loan.firstDue());
		}
		YearMonth last = YearMonth.from(loan.lastDue());
		this.jdbc.sql("""
				insert into withdrawal_offset_agreement (case_no, applicant_id_no, loan_contract_no, lender, due_day,
				    instalment, first_period, last_period, next_period, status, signed_at)
				values (:case, :applicant, :loan, :lender, :day, :instalment, :first, :last, :first, 'ACTIVE', :at)""")
			.param("case", caseNo.value())
			.param("applicant", applicant)
			.param("loan", loan.contractNo())
			.param("lender", loan.lender())
			.param("day", dueDay)
			.param("instalment", loan.monthlyInstalment())
			.param("first", first.toString())
			.param("last", last.toString())
			.param("at", now.toOffsetDateTime())
			.update();
		this.cases.recordStep(caseNo, WithdrawalStage.AGREED, "OFFSET_AGREEMENT_SIGNED", null,
				cn.example.servicehall.intake.Agency.HPF, HallMessages.text("withdrawal.step.offset-signed",
						loan.contractNo(), Printed.money(loan.monthlyInstalment()), dueDay, month(first)));
		this.runtime.startProcessInstanceByKey(RepaymentOffsetProcess.KEY, caseNo.value(),
				Map.of(RepaymentOffsetProcess.CASE_NO, caseNo.value(), RepaymentOffsetProcess.NEXT_OFFSET_AT,
						Date.from(runAt(first, dueDay).toInstant())));
		return agreement(caseNo).orElseThrow();
	}

	/**
	 * {@code Task_OffsetInstalment}: the agreement's next month paid, and whether it goes on (with its next due day).
	 * Safe to run again: the month is booked once, and a month already recorded is not recorded twice.
	 */
	@Transactional
	public Run payMonth(CaseNo caseNo) {
		Agreement agreement = this.jdbc.sql("select * from withdrawal_offset_agreement where case_no = ? for update")
			.param(caseNo.value())
			.query(OffsetAgreements::agreementRow)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No repayment-offset agreement " + caseNo.value()));
		if (agreement.nextPeriod().isEmpty()) {
			return Run.ENDED;
		}
		YearMonth period = agreement.nextPeriod().get();
		LocalDate today = LocalDate.now(this.clock);
		Optional<LoanServicing.HousingLoan> loan = fundLoanOf(agreement.applicantIdNumber(),
				Optional.of(agreement.loanContractNo()))
			.filter(l -> l.outstandingPrincipal().signum() > 0 || !YearMonth.from(l.lastDue()).isBefore(period));
		if (loan.isEmpty() || period.isAfter(agreement.lastPeriod())) {
			end(caseNo, EndReason.LOAN_REPAID, null, null);
			return Run.ENDED;
		}
		Optional<FundAccountSystem.AccountStatement> account = this.accounts.statementOf(agreement.applicantIdNumber());
		if (account.isEmpty() || account.get().status().isClosed()) {
			end(caseNo, EndReason.ACCOUNT_NOT_OPEN, null, null);
			return Run.ENDED;
		}
		BigDecimal instalment = loan.get().monthlyInstalment();
		BigDecimal payable = account.get().status() == FundAccountSystem.AccountStatus.FROZEN ? BigDecimal.ZERO
				: instalment.min(account.get().balance());
		BigDecimal paid = BigDecimal.ZERO.setScale(2);
		BigDecimal balanceAfter = account.get().balance();
		if (payable.signum() > 0) {
			try {
				FundAccountSystem.Offset offset = this.accounts.offset(new FundAccountSystem.OffsetOrder(caseNo.value(),
						period, agreement.applicantIdNumber(), agreement.loanContractNo(), payable));
				paid = offset.amount();
				balanceAfter = offset.balanceAfter();
			}
			catch (AgencyRefused ex) {
				// the balance moved between the statement and the booking, or the account was frozen: nothing paid
				if (ex.reason() != AgencyRefused.Reason.ABOVE_BALANCE
						&& ex.reason() != AgencyRefused.Reason.ACCOUNT_NOT_OPEN) {
					throw ex;
				}
			}
		}
		String outcome = paid.compareTo(instalment) >= 0 ? "PAID" : paid.signum() > 0 ? "PARTLY_PAID" : "NOT_PAID";
		int recorded = this.jdbc.sql("""
				insert into withdrawal_offset (case_no, period, outcome, instalment, amount, balance_after, booked_on)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(caseNo.value(), period.toString(), outcome, instalment, paid, balanceAfter, today)
			.update();
		if (recorded > 0) {
			tell(caseNo, "OFFSET:" + period, outcome.equals("PAID")
					? HallMessages.text("withdrawal.sms.offset-paid", month(period), Printed.money(paid),
							agreement.loanContractNo(), Printed.money(balanceAfter))
					: HallMessages.text("withdrawal.sms.offset-short", month(period), Printed.money(paid),
							Printed.money(instalment.subtract(paid)), agreement.loanContractNo()));
		}
		if (!period.isBefore(agreement.lastPeriod())) {
			end(caseNo, EndReason.LOAN_REPAID, null, null);
			return Run.ENDED;
		}
		YearMonth next = period.plusMonths(1);
		this.jdbc.sql("update withdrawal_offset_agreement set next_period = ? where case_no = ?")
			.params(next.toString(), caseNo.value())
			.update();
		return new Run(true, Optional.of(runAt(next, agreement.dueDay()).toOffsetDateTime()));
	}

	/**
	 * 终止协议 at the citizen's request, at the counter or from the online hall; no month is paid after it.
	 * @throws ProblemException 404 if the case has no agreement the officer may see, 409 if it has ended already
	 */
	@Transactional
	public Agreement endOnRequest(CaseNo caseNo, CurrentOfficer officer, String note) {
		this.cases.getVisible(caseNo, officer);
		Agreement agreement = agreement(caseNo).orElseThrow(
				() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "no-offset-agreement",
						"problem.withdrawal.no-offset-agreement", caseNo.value()));
		if (!end(caseNo, EndReason.REQUESTED, officer.id(), note)) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "offset-agreement-ended",
					"problem.withdrawal.offset-agreement-ended", caseNo.value(),
					agreement.endedAt().map(Printed::date).orElse(""));
		}
		return agreement(caseNo).orElseThrow();
	}

	/**
	 * Ends every standing agreement of the depositor, because their account was closed (提取销户 by {@code closingCase}).
	 * @return the agreements ended
	 */
	@Transactional
	public List<CaseNo> endAllOf(String residentIdNumber, CaseNo closingCase) {
		List<CaseNo> active = this.jdbc.sql("""
				select case_no from withdrawal_offset_agreement where applicant_id_no = ? and status = 'ACTIVE'""")
			.param(residentIdNumber)
			.query((rs, row) -> new CaseNo(rs.getString(1)))
			.list();
		active.forEach(caseNo -> end(caseNo, EndReason.ACCOUNT_CLOSED, null, closingCase.value()));
		return active;
	}

	/**
	 * Ends the standing agreement on a fund loan the fund account has just paid off (提前结清, by the withdrawal part
	 * {@code payoff}, e.g. {@code YS…-2}): no month is left to offset, even if the account stays open.
	 * @return the agreement ended, if one was active
	 */
	@Transactional
	public Optional<CaseNo> endOnPayoff(String residentIdNumber, String loanContractNo, String payoff) {
		Optional<CaseNo> active = activeFor(residentIdNumber, Optional.of(loanContractNo));
		active.ifPresent(caseNo -> end(caseNo, EndReason.LOAN_REPAID, null, payoff));
		return active;
	}

	/** The standing agreement on a loan of the depositor, if one is active ({@code loanNo} empty: on any loan). */
	@Transactional(readOnly = true)
	public Optional<CaseNo> activeFor(String residentIdNumber, Optional<String> loanNo) {
		return this.jdbc.sql("""
				select case_no from withdrawal_offset_agreement
				 where applicant_id_no = :id and status = 'ACTIVE' and (:loan::text is null or loan_contract_no = :loan)
				 order by signed_at limit 1""")
			.param("id", residentIdNumber)
			.param("loan", loanNo.orElse(null))
			.query((rs, row) -> new CaseNo(rs.getString(1)))
			.optional();
	}

	/** The case's agreement with every month it ran, if the case signed one. */
	@Transactional(readOnly = true)
	public Optional<Agreement> agreement(CaseNo caseNo) {
		return this.jdbc.sql("select * from withdrawal_offset_agreement where case_no = ?")
			.param(caseNo.value())
			.query(OffsetAgreements::agreementRow)
			.optional()
			.map(a -> a.withMonths(months(caseNo)));
	}

	/** A month as documents and messages print it: {@code 2027年1月}. */
	static String month(YearMonth month) {
		return month.getYear() + "年" + month.getMonthValue() + "月";
	}

	private List<Month> months(CaseNo caseNo) {
		return this.jdbc.sql("select * from withdrawal_offset where case_no = ? order by period")
			.param(caseNo.value())
			.query((rs, row) -> new Month(YearMonth.parse(rs.getString("period")), rs.getString("outcome"),
					rs.getBigDecimal("instalment"), rs.getBigDecimal("amount"), rs.getBigDecimal("balance_after"),
					rs.getObject("booked_on", LocalDate.class)))
			.list();
	}

	/** Marks the agreement ended and stops its months' process; false if it had ended before. */
	private boolean end(CaseNo caseNo, EndReason reason, String by, String note) {
		int ended = this.jdbc.sql("""
				update withdrawal_offset_agreement
				   set status = 'ENDED', next_period = null, ended_at = :at, end_reason = :reason, ended_by = :by,
				       ended_note = :note
				 where case_no = :case and status = 'ACTIVE'""")
			.param("at", OffsetDateTime.now(this.clock))
			.param("reason", reason.name())
			.param("by", by)
			.param("note", note)
			.param("case", caseNo.value())
			.update();
		if (ended == 0) {
			return false;
		}
		// waiting for a due day: the process ends now; in the middle of a month's step, that step sees it ended
		this.runtime.createMessageCorrelation(RepaymentOffsetProcess.MESSAGE_ENDED)
			.processInstanceBusinessKey(caseNo.value())
			.correlateAllWithResult();
		tell(caseNo, "OFFSET-ENDED", HallMessages.text("withdrawal.sms.offset-ended." + reason.name(), caseNo.value()));
		return true;
	}

	private void tell(CaseNo caseNo, String what, String text) {
		this.records.application(this.records.first(caseNo))
			.map(WithdrawalRecords.Kept::phone)
			.filter(phone -> !phone.isBlank())
			.ifPresent(phone -> this.sms.send(new NotificationGateway.Message(caseNo.value() + ":" + what,
					caseNo.value(), phone, text)));
	}

	/** The person's fund loan: the one named, or their only fund loan. */
	private Optional<LoanServicing.HousingLoan> fundLoanOf(String residentIdNumber, Optional<String> loanNo) {
		LocalDate today = LocalDate.now(this.clock);
		List<LoanServicing.HousingLoan> fundLoans = this.loans.loansOf(residentIdNumber, today, today)
			.stream()
			.filter(loan -> loan.kind() == LoanServicing.LoanKind.FUND)
			.filter(loan -> loanNo.isEmpty() || loan.contractNo().equals(loanNo.get()))
			.toList();
		return fundLoans.size() == 1 ? Optional.of(fundLoans.get(0)) : Optional.empty();
	}

	private ZonedDateTime runAt(YearMonth month, int dueDay) {
		return month.atDay(Math.min(dueDay, month.lengthOfMonth())).atTime(RUN_AT).atZone(this.clock.getZone());
	}

	private static Agreement agreementRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String next = rs.getString("next_period");
		return new Agreement(new CaseNo(rs.getString("case_no")), rs.getString("applicant_id_no"),
				rs.getString("loan_contract_no"), rs.getString("lender"), rs.getInt("due_day"),
				rs.getBigDecimal("instalment"), YearMonth.parse(rs.getString("first_period")),
				YearMonth.parse(rs.getString("last_period")), Optional.ofNullable(next).map(YearMonth::parse),
				rs.getString("status").equals("ACTIVE"), rs.getObject("signed_at", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)),
				Optional.ofNullable(rs.getString("end_reason")).map(EndReason::valueOf),
				Optional.ofNullable(rs.getString("ended_by")), List.of());
	}

	/** Why an agreement ended. */
	public enum EndReason {

		/** 本人申请终止. */
		REQUESTED,
		/** 贷款已还清: the last month paid, or the loan repaid early. */
		LOAN_REPAID,
		/** 账户已销户: a closing withdrawal closed the account. */
		ACCOUNT_CLOSED,
		/** 账户不可用: the account is closed otherwise (transferred out, merged). */
		ACCOUNT_NOT_OPEN

	}

	/**
	 * A standing agreement.
	 * @param caseNo the case that signed it
	 * @param applicantIdNumber the depositor
	 * @param loanContractNo the fund loan it repays
	 * @param lender who lent it
	 * @param dueDay the loan's due day of the month
	 * @param instalment the instalment when it was signed
	 * @param firstPeriod the first month paid
	 * @param lastPeriod the loan's last month
	 * @param nextPeriod the month the next due day pays; empty once ended
	 * @param active whether it stands
	 * @param signedAt when
	 * @param endedAt when it ended
	 * @param endReason why
	 * @param endedBy who ended it, for one ended on request
	 * @param months the months it ran, oldest first
	 */
	public record Agreement(CaseNo caseNo, String applicantIdNumber, String loanContractNo, String lender, int dueDay,
			BigDecimal instalment, YearMonth firstPeriod, YearMonth lastPeriod, Optional<YearMonth> nextPeriod,
			boolean active, OffsetDateTime signedAt, Optional<OffsetDateTime> endedAt, Optional<EndReason> endReason,
			Optional<String> endedBy, List<Month> months) {

		Agreement withMonths(List<Month> ran) {
			return new Agreement(this.caseNo, this.applicantIdNumber, this.loanContractNo, this.lender, this.dueDay,
					this.instalment, this.firstPeriod, this.lastPeriod, this.nextPeriod, this.active, this.signedAt,
					this.endedAt, this.endReason, this.endedBy, ran);
		}

		/** Everything the fund account paid to the loan under it. */
		public BigDecimal paidInAll() {
			return this.months.stream().map(Month::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		}

	}

	/**
	 * A month of an agreement.
	 * @param period the month
	 * @param outcome PAID, PARTLY_PAID (the balance was short) or NOT_PAID
	 * @param instalment what was due
	 * @param amount what the fund account paid
	 * @param balanceAfter the account's balance after it
	 * @param bookedOn the day
	 */
	public record Month(YearMonth period, String outcome, BigDecimal instalment, BigDecimal amount,
			BigDecimal balanceAfter, LocalDate bookedOn) {
	}

	/**
	 * What a month's step tells the process.
	 * @param continues whether the agreement goes on
	 * @param nextRunAt the next due day's moment, if it does
	 */
	public record Run(boolean continues, Optional<OffsetDateTime> nextRunAt) {

		static final Run ENDED = new Run(false, Optional.empty());

	}

}
