package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.WithdrawalFixtures.allMaterials;
import static cn.example.servicehall.support.WithdrawalFixtures.application;
import static cn.example.servicehall.support.WithdrawalFixtures.key;
import static cn.example.servicehall.support.WithdrawalFixtures.depositor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * Withdrawals through the API as each post would, with the fund ledger, the bank's transfers, the documents and the
 * messages checked in the database: decided by the rules and paid in seconds (at the counter and online), held back
 * for a person when a fraud rule finds something, a second approver above the city's amount, the bank down during
 * the payment, the same request retried and sent twice at once, and bad input refused with nothing written.
 */
@ServiceHallIntegrationTest
class WithdrawalsIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	private Api clerk;

	private Api online;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		this.clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		this.online = Api.as(this.http, TestTokens.user("service-account-online-hall-system", Groups.ONLINE_HALL));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		for (FakeSystem system : FakeSystem.values()) {
			this.outages.up(system);
		}
	}

	@Test
	void aRetirementAtTheCounterIsPaidClosedAndCertifiedWithNoClerkStep() {
		Depositor retired = depositor(this.jdbc, "孙退休", LocalDate.of(1960, 5, 10), true, "128600.00", "SEALED");
		this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 5, 10), "TX" + retired.id())
			.update();
		Map<String, Object> application = application("RETIREMENT", retired, Map.of());
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", application).getBody();
		assertThat(assessment).containsEntry("route", "PAY_AUTOMATICALLY").containsEntry("eligible", true);
		application.put("materials", allMaterials(assessment));

		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/withdrawals", application, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = caseNo(created);
		runJobs(this.engine, caseNo);

		assertThat(lifecycle(caseNo)).isEqualTo("COMPLETED");
		assertThat(this.jdbc.sql("select channel from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("WINDOW");
		Map<String, Object> account = this.jdbc.sql("select status, balance from fake_fund_account where id_no = ?")
			.param(retired.id()).query().singleRow();
		assertThat(account.get("status")).isEqualTo("CLOSED_BY_WITHDRAWAL");
		assertThat((BigDecimal) account.get("balance")).isZero();
		BigDecimal paid = this.jdbc.sql("select amount from fake_bank_payment where case_no = ?").param(caseNo)
			.query(BigDecimal.class).single();
		// balance and the interest to date, as the ledger booked the closing
		BigDecimal interest = this.jdbc.sql(
				"select amount from fake_fund_movement where case_no = ? and kind = 'INTEREST'").param(caseNo)
			.query(BigDecimal.class).single();
		assertThat(paid).isEqualByComparingTo(new BigDecimal("128600.00").add(interest));
		assertThat(interest).isPositive();
		assertThat(documentKinds(caseNo)).containsExactlyInAnyOrder("WITHDRAWAL_RECEIPT", "ACCOUNT_CLOSING_CERTIFICATE");
		assertThat(messages(caseNo)).singleElement().asString().contains(caseNo, "已转入");
		assertThat(tasks(caseNo)).isZero();
		// on the spot (30 working minutes) and within Art. 25's 3 days, both met
		assertThat(clocks(caseNo)).containsEntry("withdrawal-on-the-spot", "MET").containsEntry("withdrawal-decision", "MET");
	}

	@Test
	void theLiveAssessmentKeepsNothingWhileTheProcesssDecisionIsKept() {
		Depositor renter = depositor(this.jdbc, "吴看看", LocalDate.of(1993, 2, 2), false, "12000.00", "NORMAL");
		Map<String, Object> application = application("RENT", renter,
				Map.of("lease", Map.of("monthlyRent", "1500.00", "startsOn", "2026-06-01", "filed", true)));
		long before = decisionsKept();
		for (int keystroke = 0; keystroke < 5; keystroke++) {
			assertThat(this.online.post("/api/withdrawals/assessment", application).getBody()).containsEntry("eligible", true);
		}
		assertThat(decisionsKept()).isEqualTo(before);
		String caseNo = caseNo(this.online.post("/api/withdrawals", application, key()));
		assertThat(decisionsKept()).isEqualTo(before);
		runJobs(this.engine, caseNo);
		// the process's decision: the account's table and the type's
		assertThat(decisionsKept()).isEqualTo(before + 2);
	}

	@Test
	void aRentWithdrawalFromTheOnlineHallIsPaidWithoutAClerkAndCountsAsOnline() {
		Depositor renter = depositor(this.jdbc, "钱租房", LocalDate.of(1992, 3, 3), false, "30000.00", "NORMAL");
		Map<String, Object> application = application("RENT", renter,
				Map.of("lease", Map.of("monthlyRent", "1500.00", "startsOn", "2026-06-01", "filed", true)));
		ResponseEntity<Map<String, Object>> created = this.online.post("/api/withdrawals", application, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = caseNo(created);
		runJobs(this.engine, caseNo);

		assertThat(lifecycle(caseNo)).isEqualTo("COMPLETED");
		assertThat(this.jdbc.sql("select channel from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("ONLINE");
		BigDecimal debited = this.jdbc.sql(
				"select -amount from fake_fund_movement where case_no = ? and kind = 'WITHDRAWAL'").param(caseNo)
			.query(BigDecimal.class).single();
		BigDecimal paid = this.jdbc.sql("select amount from fake_bank_payment where case_no = ?").param(caseNo)
			.query(BigDecimal.class).single();
		assertThat(paid).isEqualByComparingTo(debited).isPositive();
		assertThat(this.jdbc.sql("select balance from fake_fund_account where id_no = ?").param(renter.id())
			.query(BigDecimal.class).single()).isEqualByComparingTo(new BigDecimal("30000.00").subtract(debited));
		// the online hall sees its own case, a clerk's other cases not
		assertThat(this.online.get("/api/withdrawals/" + caseNo).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void rentWhileOwningAHomeInTheCityIsHeldForAReviewerWhoRefusesAndNothingIsPaid() {
		Depositor owner = depositor(this.jdbc, "赵有房", LocalDate.of(1988, 8, 8), true, "40000.00", "NORMAL");
		WithdrawalFixtures.home(this.jdbc, owner, LocalDate.of(2021, 1, 5));
		Map<String, Object> application = application("RENT", owner,
				Map.of("lease", Map.of("monthlyRent", "1500.00", "startsOn", "2026-06-01", "filed", true)));
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", application).getBody();
		assertThat(assessment.get("route")).isEqualTo("REVIEW");
		assertThat((List<?>) assessment.get("flags")).singleElement().asString().contains("RENT_WHILE_OWNING_HOME");
		application.put("materials", allMaterials(assessment));
		String caseNo = caseNo(this.clerk.post("/api/withdrawals", application, key()));
		runJobs(this.engine, caseNo);

		assertThat(tasks(caseNo)).isEqualTo(1);
		assertThat(debits(caseNo)).isZero();
		// a case for a person is not on the spot: it runs on the 3-day limit, and the reviewer's step on its own
		assertThat(clocks(caseNo)).containsEntry("withdrawal-on-the-spot", "CANCELLED")
			.containsEntry("withdrawal-decision", "RUNNING").containsEntry("step:Task_ReviewWithdrawal", "RUNNING");
		assertThat(this.jdbc.sql("select count(*) from withdrawal_flag where case_no = ? and rule = 'RENT_WHILE_OWNING_HOME'")
			.param(caseNo).query(Integer.class).single()).isEqualTo(1);

		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER));
		ResponseEntity<Map<String, Object>> refused = reviewer.post("/api/withdrawals/" + caseNo + "/review",
				Map.of("outcome", "REJECT", "opinion", "申请人在本市有自有住房，不符合租房提取条件"));
		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(200);
		runJobs(this.engine, caseNo);
		assertThat(lifecycle(caseNo)).isEqualTo("REJECTED");
		assertThat(debits(caseNo)).isZero();
		assertThat(transfers(caseNo)).isZero();
		assertThat(messages(caseNo)).singleElement().asString().contains("未获批准", "自有住房");
	}

	@Test
	void aboveTheCitysAmountASecondPersonApprovesAndTheReviewerCannot() {
		Depositor buyer = depositor(this.jdbc, "李买房", LocalDate.of(1985, 2, 2), true, "260000.00", "NORMAL");
		String home = WithdrawalFixtures.home(this.jdbc, buyer, LocalDate.of(2026, 9, 1));
		Map<String, Object> application = application("PURCHASE_RESALE_HOME", buyer, Map.of("home",
				Map.of("certificateNo", home, "purchasedOn", "2026-08-20", "price", "900000.00", "loanAmount", "0")));
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", application).getBody();
		assertThat(assessment).as(String.valueOf(assessment)).containsEntry("route", "REVIEW");
		assertThat(assessment.get("fourEyes")).isNotNull();
		application.put("materials", allMaterials(assessment));
		String caseNo = caseNo(this.clerk.post("/api/withdrawals", application, key()));
		runJobs(this.engine, caseNo);

		Api reviewer = Api.as(this.http, TestTokens.user("boss1", Groups.HPF_FIRST_REVIEWER, Groups.HPF_APPROVER));
		assertThat(reviewer.post("/api/withdrawals/" + caseNo + "/review",
				Map.of("outcome", "APPROVE", "opinion", "购房合同、发票与不动产登记一致")).getStatusCode().value()).isEqualTo(200);
		assertThat(debits(caseNo)).isZero();
		ResponseEntity<Map<String, Object>> ownApproval = reviewer.post("/api/withdrawals/" + caseNo + "/approval",
				Map.of("outcome", "APPROVE", "opinion", "同意"));
		assertThat(ownApproval.getStatusCode().value()).isEqualTo(403);
		assertThat(String.valueOf(ownApproval.getBody().get("detail"))).contains("四眼");

		Api approver = Api.as(this.http, TestTokens.user("approver1", Groups.HPF_APPROVER));
		assertThat(approver.post("/api/withdrawals/" + caseNo + "/approval", Map.of("outcome", "APPROVE", "opinion", "同意"))
			.getStatusCode().value()).isEqualTo(200);
		runJobs(this.engine, caseNo);
		assertThat(lifecycle(caseNo)).isEqualTo("COMPLETED");
		assertThat(debits(caseNo)).isEqualTo(1);
		assertThat(transfers(caseNo)).isEqualTo(1);
	}

	@Test
	void theBankDownDuringThePaymentIsRetriedAndPaysExactlyOnce() {
		Depositor renter = depositor(this.jdbc, "孙等款", LocalDate.of(1991, 4, 4), false, "20000.00", "NORMAL");
		Map<String, Object> application = application("RENT", renter,
				Map.of("lease", Map.of("monthlyRent", "1200.00", "startsOn", "2026-05-01", "filed", true)));
		String caseNo = caseNo(this.online.post("/api/withdrawals", application, key()));
		this.outages.down(FakeSystem.BANK_CORE);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("BANK_CORE");
		assertThat(debits(caseNo)).isEqualTo(1);
		assertThat(transfers(caseNo)).isZero();
		// the answer is lost once after the bank has paid: the retry finds the transfer made
		this.outages.up(FakeSystem.BANK_CORE);
		this.outages.loseNextAnswers(FakeSystem.BANK_CORE, 1);
		String instance = this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
		Job transfer = this.engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(transfer.getId()));
		assertThat(transfers(caseNo)).isEqualTo(1);
		// the retry (its time has not come on the test's clock: run as the operator's "retry" does)
		this.engine.getManagementService().executeJob(transfer.getId());
		runJobs(this.engine, caseNo);
		assertThat(lifecycle(caseNo)).isEqualTo("COMPLETED");
		assertThat(debits(caseNo)).isEqualTo(1);
		assertThat(transfers(caseNo)).isEqualTo(1);
	}

	@Test
	void theSameRequestRetriedOrSentTwiceAtOnceOpensOneCase() throws Exception {
		Depositor renter = depositor(this.jdbc, "周重试", LocalDate.of(1993, 9, 9), true, "15000.00", "NORMAL");
		Map<String, Object> application = application("RENT", renter,
				Map.of("lease", Map.of("monthlyRent", "1000.00", "startsOn", "2026-06-01", "filed", true)));
		String key = key();
		String first = caseNo(this.online.post("/api/withdrawals", application, key));
		assertThat(caseNo(this.online.post("/api/withdrawals", application, key))).isEqualTo(first);

		Depositor other = depositor(this.jdbc, "吴并发", LocalDate.of(1994, 10, 10), true, "15000.00", "NORMAL");
		Map<String, Object> twice = application("RENT", other,
				Map.of("lease", Map.of("monthlyRent", "1000.00", "startsOn", "2026-06-01", "filed", true)));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> both = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				both.add(() -> this.online.post("/api/withdrawals", twice, key()).getStatusCode().value());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(both)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select count(*) from intake_case where applicant_id_no = ?").param(other.id())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedInWordsAndNothingIsWritten() {
		Depositor someone = depositor(this.jdbc, "郑输错", LocalDate.of(1990, 1, 1), true, "10000.00", "NORMAL");
		int before = cases();
		Map<String, Object> badCard = application("RENT", someone,
				Map.of("lease", Map.of("monthlyRent", "1000.00", "startsOn", "2026-06-01", "filed", true)));
		badCard.put("bankCard", Map.of("cardNo", "6212345678901234567", "bankName", "中国建设银行焦作分行"));
		ResponseEntity<Map<String, Object>> refused = this.online.post("/api/withdrawals", badCard, key());
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(String.valueOf(refused.getBody())).contains("银行卡号校验位");

		Map<String, Object> aboveBalance = application("RENT", someone, Map.of("requestedAmount", "10000.01", "lease",
				Map.of("monthlyRent", "1000.00", "startsOn", "2026-06-01", "filed", true)));
		ResponseEntity<Map<String, Object>> tooMuch = this.online.post("/api/withdrawals", aboveBalance, key());
		assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
		assertThat(String.valueOf(tooMuch.getBody().get("detail"))).contains("超过住房公积金账户余额");

		Depositor young = depositor(this.jdbc, "冯未退", LocalDate.of(1980, 6, 6), true, "50000.00", "NORMAL");
		ResponseEntity<Map<String, Object>> notRetired = this.online.post("/api/withdrawals",
				application("RETIREMENT", young, Map.of()), key());
		assertThat(notRetired.getStatusCode().value()).isEqualTo(422);
		assertThat(String.valueOf(notRetired.getBody().get("detail"))).contains("不符合");
		assertThat(cases()).isEqualTo(before);
	}





	@SuppressWarnings("unchecked")
	private static String caseNo(ResponseEntity<Map<String, Object>> created) {
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isIn(200, 201);
		return (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
	}

	private String lifecycle(String caseNo) {
		return this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

	private List<String> documentKinds(String caseNo) {
		return this.jdbc.sql("select kind from documents_document where case_no = ?").param(caseNo).query(String.class).list();
	}

	private List<String> messages(String caseNo) {
		return this.jdbc.sql("select text from fake_sms_message where case_no = ?").param(caseNo).query(String.class).list();
	}

	private int debits(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_fund_movement where case_no = ? and kind in ('WITHDRAWAL', 'CLOSING')")
			.param(caseNo).query(Integer.class).single();
	}

	private int transfers(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_bank_payment where case_no = ?").param(caseNo)
			.query(Integer.class).single();
	}

	private long tasks(String caseNo) {
		return this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count();
	}

	/** The case's clocks by definition: MET, BREACHED, CANCELLED or RUNNING. */
	private Map<String, String> clocks(String caseNo) {
		Map<String, String> clocks = new java.util.HashMap<>();
		this.jdbc.sql("select definition_id, coalesce(outcome, 'RUNNING') from sla_clock where case_no = ?").param(caseNo)
			.query((rs, row) -> clocks.put(rs.getString(1), rs.getString(2)))
			.list();
		return clocks;
	}

	private long decisionsKept() {
		return this.engine.getHistoryService().createHistoricDecisionInstanceQuery().count();
	}

	private int cases() {
		return this.jdbc.sql("select count(*) from intake_case").query(Integer.class).single();
	}



}
