package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.WithdrawalFixtures.allMaterials;
import static cn.example.servicehall.support.WithdrawalFixtures.application;
import static cn.example.servicehall.support.WithdrawalFixtures.key;
import static cn.example.servicehall.support.WithdrawalFixtures.depositor;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * Every statutory type, at the counter and from the online hall, to the end: the rules decide the ones the systems'
 * data lets them decide and the case is paid with no clerk; the others are reviewed (and approved by a second person
 * above the city's amount) and paid. Each ends completed with one booking in the ledger and one transfer, and a
 * closing type leaves the account 提取销户.
 */
@ServiceHallIntegrationTest
class EveryWithdrawalTypeIT {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	/** The types the rules decide alone when the systems' data is there: no clerk's step at all. */
	private static final List<WithdrawalType> DECIDED_BY_THE_RULES = List.of(WithdrawalType.RETIREMENT,
			WithdrawalType.PURCHASE_NEW_HOME, WithdrawalType.PURCHASE_RESALE_HOME, WithdrawalType.LOAN_REPAYMENT,
			WithdrawalType.LOAN_REPAYMENT_MONTHLY, WithdrawalType.RENT);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void onAMondayMorning() {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	static Stream<Arguments> typesAndChannels() {
		List<Arguments> all = new ArrayList<>();
		for (WithdrawalType type : WithdrawalType.values()) {
			if (type.onlyInBundle()) {
				continue; // a loan's payoff is paid only within 退休一件事 (RetirementBundleWithLoanIT)
			}
			all.add(Arguments.of(type, "WINDOW"));
			all.add(Arguments.of(type, "ONLINE"));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("typesAndChannels")
	void isCompletedAndPaidOnce(WithdrawalType type, String channel) {
		Depositor who = eligibleFor(type);
		Map<String, Object> application = application(type.name(), who, claimFor(type, who));
		Api submitter = "WINDOW".equals(channel) ? Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
				: Api.as(this.http, TestTokens.user("service-account-online-hall-system", Groups.ONLINE_HALL));
		Map<String, Object> assessment = submitter.post("/api/withdrawals/assessment", application).getBody();
		assertThat(assessment.get("eligible")).as(String.valueOf(assessment)).isEqualTo(true);
		if (DECIDED_BY_THE_RULES.contains(type)) {
			assertThat(assessment.get("route")).as(String.valueOf(assessment)).isEqualTo("PAY_AUTOMATICALLY");
		}
		if ("WINDOW".equals(channel)) {
			application.put("materials", allMaterials(assessment));
		}
		ResponseEntity<Map<String, Object>> created = submitter.post("/api/withdrawals", application, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		runJobs(this.engine, caseNo);

		if (!DECIDED_BY_THE_RULES.contains(type)) {
			Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER));
			assertThat(reviewer.post("/api/withdrawals/" + caseNo + "/review",
					Map.of("outcome", "APPROVE", "opinion", "材料经核验属实")).getStatusCode().value()).isEqualTo(200);
			if (assessment.get("fourEyes") != null) {
				Api approver = Api.as(this.http, TestTokens.user("approver1", Groups.HPF_APPROVER));
				assertThat(approver.post("/api/withdrawals/" + caseNo + "/approval",
						Map.of("outcome", "APPROVE", "opinion", "同意")).getStatusCode().value()).isEqualTo(200);
			}
			runJobs(this.engine, caseNo);
		}
		else {
			assertThat(this.jdbc.sql("select count(*) from withdrawal_review where case_no = ?").param(caseNo)
				.query(Integer.class).single()).isZero();
		}

		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("COMPLETED");
		assertThat(this.jdbc.sql("select channel from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo(channel);
		if (type == WithdrawalType.LOAN_REPAYMENT_MONTHLY) {
			// a standing agreement: nothing paid today, the months are paid on the loan's due days
			assertThat(this.jdbc.sql("select status from withdrawal_offset_agreement where case_no = ?").param(caseNo)
				.query(String.class).single()).isEqualTo("ACTIVE");
			assertThat(this.jdbc.sql("select count(*) from fake_bank_payment where case_no = ?").param(caseNo)
				.query(Integer.class).single()).isZero();
			assertThat(this.jdbc.sql("select kind from documents_document where case_no = ?").param(caseNo)
				.query(String.class).list()).containsExactly("OFFSET_AGREEMENT");
			return;
		}
		BigDecimal booked = this.jdbc.sql("""
				select coalesce(sum(-amount), 0) from fake_fund_movement
				 where case_no = ? and kind in ('WITHDRAWAL')""").param(caseNo).query(BigDecimal.class).single();
		BigDecimal paid = this.jdbc.sql("select amount from fake_bank_payment where case_no = ?").param(caseNo)
			.query(BigDecimal.class).single();
		if (type.closing()) {
			assertThat(this.jdbc.sql("select status from fake_fund_account where id_no = ?").param(who.id())
				.query(String.class).single()).isEqualTo("CLOSED_BY_WITHDRAWAL");
		}
		else {
			assertThat(paid).isEqualByComparingTo(booked).isPositive();
		}
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ?").param(caseNo)
			.query(String.class).list()).contains("WITHDRAWAL_RECEIPT");
	}

	/** A depositor the rules find eligible for the type, with what the systems should say of them. */
	private Depositor eligibleFor(WithdrawalType type) {
		boolean old = type == WithdrawalType.RETIREMENT;
		Depositor who = depositor(this.jdbc, "测试" + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰".charAt(type.ordinal()), old ? LocalDate.of(1960, 3, 3) : LocalDate.of(1986, 6, 6),
				true, "100000.00", type == WithdrawalType.LEAVING_CITY || old ? "SEALED" : "NORMAL");
		if (old) {
			this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
				.params(who.id(), LocalDate.of(2020, 3, 3), "TX" + who.id())
				.update();
		}
		return who;
	}

	/** What the type's claim needs. */
	private Map<String, Object> claimFor(WithdrawalType type, Depositor who) {
		return switch (type) {
			case RETIREMENT -> Map.of();
			case LOSS_OF_WORKING_ABILITY -> papers("workingAbilityLost", "employmentEnded");
			case SETTLING_ABROAD -> papers("settledAbroad");
			case DEATH -> papers("deceased", "heirsNamed");
			case LEAVING_CITY -> papers("householdMovedOut", "employmentEnded");
			case PURCHASE_NEW_HOME, PURCHASE_RESALE_HOME -> Map.of("home",
					Map.of("certificateNo", WithdrawalFixtures.home(this.jdbc, who, LocalDate.of(2026, 9, 1)),
							"purchasedOn", "2026-08-20", "price", "600000.00", "loanAmount", "400000.00"));
			case BUILD_OR_OVERHAUL -> Map.of("buildCost", "50000.00", "papers", Map.of("buildPermitted", true));
			case LOAN_REPAYMENT, LOAN_REPAYMENT_MONTHLY, LOAN_PAYOFF -> Map.of("loanNo", WithdrawalFixtures.fundLoan(this.jdbc, who));
			case RENT -> Map.of("lease", Map.of("monthlyRent", "1500.00", "startsOn", "2026-06-01", "filed", true));
			case SERIOUS_ILLNESS -> Map.of("invoices", List.of(Map.of("amount", "30000.00", "reimbursed", "10000.00")),
					"papers", Map.of("illnessListed", true));
			case ELEVATOR_INSTALLATION -> {
				WithdrawalFixtures.home(this.jdbc, who, LocalDate.of(2015, 5, 5));
				yield Map.of("elevatorCostShare", "20000.00", "papers", Map.of("elevatorAgreement", true));
			}
		};
	}

	private static Map<String, Object> papers(String... which) {
		Map<String, Object> papers = new java.util.HashMap<>();
		for (String paper : which) {
			papers.put(paper, true);
		}
		return Map.of("papers", papers);
	}

}
