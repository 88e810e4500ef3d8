package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.WithdrawalFixtures.allMaterials;
import static cn.example.servicehall.support.WithdrawalFixtures.application;
import static cn.example.servicehall.support.WithdrawalFixtures.depositor;
import static cn.example.servicehall.support.WithdrawalFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 委托按月提取还贷 as a standing agreement, through the API and the engine's timers under a controlled clock: signed by
 * the rules in seconds with its confirmation and no payment that day; each month on the loan's due day the instalment
 * is paid from the fund account to the loan once, whatever is retried; a short balance pays what it holds; and the
 * agreement ends when the citizen asks, after the loan's last month, and when the account is closed by a retirement
 * withdrawal.
 */
@ServiceHallIntegrationTest
class RepaymentOffsetAgreementIT {

	/** A Monday in office hours, Beijing time; the fixtures' fund loans fall due on the 15th. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private FundAccountSystem accounts;

	private Api clerk;

	@BeforeEach
	void atTheCounter() {
		at(NOW);
		this.clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		for (FakeSystem system : FakeSystem.values()) {
			this.outages.up(system);
		}
	}

	@Test
	void theAgreementPaysTheLoanOnEachDueDayOnceAndEndsWhenTheCitizenAsks() {
		Depositor borrower = depositor(this.jdbc, "钱按月", LocalDate.of(1986, 6, 6), true, "150000.00");
		String loan = WithdrawalFixtures.fundLoan(this.jdbc, borrower);
		String caseNo = submitMonthly(borrower, loan);

		// signed by the rules, nothing paid today: a confirmation, not a receipt; the first month is this December
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(row("select status || '/' || first_period || '/' || last_period || '/' || due_day || '/' || instalment "
				+ "from withdrawal_offset_agreement where case_no = ?", caseNo))
			.isEqualTo("ACTIVE/2026-12/2042-12/15/1681.02");
		assertThat(count("select count(*) from fake_fund_movement where case_no = ?", caseNo)).isZero();
		assertThat(count("select count(*) from fake_bank_payment where case_no = ?", caseNo)).isZero();
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ?").param(caseNo)
			.query(String.class).list()).containsExactly("OFFSET_AGREEMENT");
		assertThat(nextDueDay(caseNo)).isEqualTo(OffsetDateTime.parse("2026-12-15T02:00:00+08:00"));
		assertThat(sms(caseNo)).singleElement().asString().contains("已生效").contains(loan).contains("每月15日");

		// the 15th: paid once, though the account system's first answer is lost and the step retried
		at(OffsetDateTime.parse("2026-12-15T02:00:01+08:00"));
		this.outages.loseNextAnswers(FakeSystem.FUND_ACCOUNTS, 1);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo))
			.hasMessageContaining("FUND_ACCOUNTS");
		Job failed = this.engine.getManagementService().createJobQuery().processInstanceId(offsetProcess(caseNo))
			.withException().singleResult();
		assertThat(failed).as("the month's step, retried after the lost answer").isNotNull();
		this.engine.getManagementService().executeJob(failed.getId());
		assertThat(this.jdbc.sql("""
				select period || '/' || (-amount) || '/' || home_ref || '/' || withdrawal_reason from fake_fund_movement
				 where case_no = ? order by id""").param(caseNo).query(String.class).list())
			.containsExactly("2026-12/1681.02/" + loan + "/06");
		assertThat(row("select outcome || '/' || amount || '/' || balance_after from withdrawal_offset "
				+ "where case_no = ? and period = '2026-12'", caseNo)).isEqualTo("PAID/1681.02/148318.98");
		assertThat(balance(borrower)).isEqualByComparingTo("148318.98");
		assertThat(nextDueDay(caseNo)).isEqualTo(OffsetDateTime.parse("2027-01-15T02:00:00+08:00"));

		// asked again for the same month, the account system books nothing more
		FundAccountSystem.Offset again = this.accounts.offset(new FundAccountSystem.OffsetOrder(caseNo,
				java.time.YearMonth.of(2026, 12), borrower.id(), loan, new BigDecimal("1681.02")));
		assertThat(again.balanceAfter()).isEqualByComparingTo("148318.98");
		assertThat(count("select count(*) from fake_fund_movement where case_no = ?", caseNo)).isEqualTo(1);

		// January's too
		at(OffsetDateTime.parse("2027-01-15T02:00:01+08:00"));
		runJobs(this.engine, caseNo);
		assertThat(balance(borrower)).isEqualByComparingTo("146637.96");
		assertThat(this.jdbc.sql("select period from withdrawal_offset where case_no = ? order by period").param(caseNo)
			.query(String.class).list()).containsExactly("2026-12", "2027-01");

		// neither a yearly repayment withdrawal nor a second agreement for the same loan while it stands
		for (String type : List.of("LOAN_REPAYMENT", "LOAN_REPAYMENT_MONTHLY")) {
			Map<String, Object> other = application(type, borrower, Map.of("loanNo", loan));
			other.put("materials", allMaterials(this.clerk.post("/api/withdrawals/assessment", other).getBody()));
			ResponseEntity<Map<String, Object>> refused = this.clerk.post("/api/withdrawals", other, key());
			assertThat(refused.getStatusCode().value()).as(type).isEqualTo(409);
			assertThat(refused.getBody()).containsEntry("type", "/problems/offset-agreement-active");
			assertThat(String.valueOf(refused.getBody().get("detail"))).contains(caseNo);
		}

		// the citizen ends it at the counter: the months' process ends, nothing more is paid
		ResponseEntity<Map<String, Object>> ended = this.clerk.post(
				"/api/withdrawals/" + caseNo + "/offset-agreement/termination", Map.of("note", "本人申请，改为自行还款"));
		assertThat(ended.getStatusCode().value()).as(String.valueOf(ended.getBody())).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> agreement = (Map<String, Object>) ((Map<String, Object>) ended.getBody().get("withdrawal"))
			.get("offsetAgreement");
		assertThat(agreement).containsEntry("active", false).containsEntry("endReason", "REQUESTED")
			.containsEntry("endedBy", "clerk1");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
		at(OffsetDateTime.parse("2027-02-15T02:00:01+08:00"));
		runJobs(this.engine, caseNo);
		assertThat(count("select count(*) from fake_fund_movement where case_no = ?", caseNo)).isEqualTo(2);
		assertThat(sms(caseNo)).last().asString().contains("已按您的申请终止");
		assertThat(this.clerk.post("/api/withdrawals/" + caseNo + "/offset-agreement/termination", null)
			.getStatusCode().value()).as("ended already").isEqualTo(409);

		// what the agreement paid counts as withdrawn for the loan: each month once, not the agreement once
		Map<String, Object> yearly = application("LOAN_REPAYMENT", borrower, Map.of("loanNo", loan));
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", yearly).getBody();
		assertThat(assessment).containsEntry("amount", 80688.96);
		assertThat(String.valueOf(assessment.get("amountBasis"))).contains("已还本息 84,051.00 元")
			.contains("减去本家庭已为其提取的 3,362.04 元");
	}

	@Test
	void aShortBalancePaysWhatItHoldsAndTheAgreementEndsAfterTheLoansLastMonth() {
		Depositor borrower = depositor(this.jdbc, "李余额", LocalDate.of(1985, 5, 5), true, "1500.00");
		String loan = "JKS" + borrower.id().substring(6);
		// a loan whose last instalment falls due on 2027-01-15
		this.jdbc.sql("""
				insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, principal, annual_rate, term_months,
				                               first_due, monthly_instalment)
				values (?, 'FUND', '焦作市住房公积金管理中心', ?, 100000.00, 0.03100, 120, date '2017-02-15', 970.66)""")
			.params(loan, borrower.id())
			.update();
		String caseNo = submitMonthly(borrower, loan);
		assertThat(row("select first_period || '/' || last_period from withdrawal_offset_agreement where case_no = ?",
				caseNo)).isEqualTo("2026-12/2027-01");

		at(OffsetDateTime.parse("2026-12-15T02:00:01+08:00"));
		runJobs(this.engine, caseNo);
		at(OffsetDateTime.parse("2027-01-15T02:00:01+08:00"));
		runJobs(this.engine, caseNo);
		assertThat(this.jdbc.sql("select period || '/' || outcome || '/' || amount from withdrawal_offset "
				+ "where case_no = ? order by period").param(caseNo).query(String.class).list())
			.containsExactly("2026-12/PAID/970.66", "2027-01/PARTLY_PAID/529.34");
		assertThat(balance(borrower)).isZero();
		assertThat(sms(caseNo)).anySatisfy(text -> assertThat(text).contains("余额不足").contains("已冲还 529.34 元")
			.contains("尚需自行归还 441.32 元"));
		assertThat(row("select status || '/' || end_reason from withdrawal_offset_agreement where case_no = ?", caseNo))
			.isEqualTo("ENDED/LOAN_REPAID");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
	}

	@Test
	void closingTheAccountOnRetirementEndsTheAgreement() {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "周退休");
		String loan = WithdrawalFixtures.fundLoan(this.jdbc, retired);
		String agreementCase = submitMonthly(retired, loan);

		Map<String, Object> retirement = WithdrawalFixtures.retirement(retired);
		retirement.put("materials", allMaterials(this.clerk.post("/api/withdrawals/assessment", retirement).getBody()));
		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/withdrawals", retirement, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String closingCase = WithdrawalFixtures.caseNo(created.getBody());
		runJobs(this.engine, closingCase);

		assertThat(row("select status from fake_fund_account where id_no = ?", retired.id()))
			.isEqualTo("CLOSED_BY_WITHDRAWAL");
		assertThat(row("select status || '/' || end_reason || '/' || ended_note from withdrawal_offset_agreement "
				+ "where case_no = ?", agreementCase)).isEqualTo("ENDED/ACCOUNT_CLOSED/" + closingCase);
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(agreementCase).count()).isZero();
		assertThat(sms(agreementCase)).last().asString().contains("已销户");
	}

	@Test
	void endingTheAgreementOfACaseThatHasNoneIsRefusedInWords() {
		Depositor renter = WithdrawalFixtures.renter(this.jdbc, "吴租房");
		Map<String, Object> rent = WithdrawalFixtures.rent(renter);
		rent.put("materials", allMaterials(this.clerk.post("/api/withdrawals/assessment", rent).getBody()));
		String caseNo = WithdrawalFixtures.caseNo(this.clerk.post("/api/withdrawals", rent, key()).getBody());
		ResponseEntity<Map<String, Object>> refused = this.clerk
			.post("/api/withdrawals/" + caseNo + "/offset-agreement/termination", null);
		assertThat(refused.getStatusCode().value()).isEqualTo(404);
		assertThat(String.valueOf(refused.getBody().get("detail"))).contains("没有委托按月提取还贷协议");
		assertThat(Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER))
			.post("/api/withdrawals/" + caseNo + "/offset-agreement/termination", null)
			.getStatusCode()
			.value()).as("a reviewer does not end agreements").isEqualTo(403);
	}

	private String submitMonthly(Depositor who, String loan) {
		Map<String, Object> monthly = application("LOAN_REPAYMENT_MONTHLY", who, Map.of("loanNo", loan));
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", monthly).getBody();
		assertThat(assessment).as(String.valueOf(assessment)).containsEntry("route", "PAY_AUTOMATICALLY");
		monthly.put("materials", allMaterials(assessment));
		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/withdrawals", monthly, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = WithdrawalFixtures.caseNo(created.getBody());
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	private OffsetDateTime nextDueDay(String caseNo) {
		Job timer = this.engine.getManagementService().createJobQuery().processInstanceId(offsetProcess(caseNo)).timers()
			.singleResult();
		return timer.getDuedate().toInstant().atOffset(NOW.getOffset());
	}

	private String offsetProcess(String caseNo) {
		return this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.processDefinitionKey(RepaymentOffsetProcess.KEY).singleResult().getId();
	}

	private List<String> sms(String caseNo) {
		return this.jdbc.sql("select text from fake_sms_message where case_no = ? order by sent_at").param(caseNo)
			.query(String.class).list();
	}

	private BigDecimal balance(Depositor who) {
		return this.jdbc.sql("select balance from fake_fund_account where id_no = ?").param(who.id())
			.query(BigDecimal.class).single();
	}

	private String row(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(String.class).single();
	}

	private int count(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	private static void at(OffsetDateTime moment) {
		ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
	}

}
