package cn.example.servicehall.bundle;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * The citizen's text messages of a bundle (短信告知): one when the bundle is completed, one when it is cancelled,
 * sent to the mobile given at the counter, and none from the parts inside it, which would otherwise each send their
 * own.
 */
@ServiceHallIntegrationTest
class BundleTextMessagesIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	private Api clerk;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant()));
		this.clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aCompletedBundleSendsOneMessageSayingHowItEndedAndThePartSendsNone() {
		String caseNo = submit(WithdrawalFixtures.retired(this.jdbc, "短信办结"));

		assertThat(messages(caseNo)).singleElement()
			.satisfies(text -> assertThat(text).startsWith("【住房公积金】")
				.contains("退休一件事已办结，各事项均已办结", caseNo, "办结回执"));
		assertThat(this.jdbc.sql("select phone_no from fake_sms_message where case_no = ?").param(caseNo)
			.query(String.class).single()).as("the mobile given at the counter").isEqualTo("13912346688");
	}

	@Test
	void aCancelledBundleSendsOneMessageThatSaysSo() {
		Depositor retired = WithdrawalFixtures.depositor(this.jdbc, "短信撤销", LocalDate.of(1960, 4, 4), true,
				"250000.00", "SEALED");
		this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 4, 4), "TX" + retired.id())
			.update();
		String caseNo = submit(retired);
		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER));
		assertThat(reviewer.post("/api/withdrawals/" + caseNo + "/review",
				Map.of("outcome", "REJECT", "opinion", "退休证明与社保记录不符")).getStatusCode().is2xxSuccessful()).isTrue();
		runJobs(this.engine, caseNo);
		assertThat(messages(caseNo)).as("the refused part sends nothing of its own").isEmpty();

		ResponseEntity<String> cancelled = this.clerk.raw(HttpMethod.POST,
				"/api/bundles/cases/" + caseNo + "/after-refusal", Map.of("decision", "CANCEL"));
		assertThat(cancelled.getStatusCode().is2xxSuccessful()).as(cancelled.getBody()).isTrue();
		runJobs(this.engine, caseNo);

		assertThat(messages(caseNo)).singleElement()
			.satisfies(text -> assertThat(text).contains("退休一件事", caseNo, "已按您的选择撤销", "申请人选择撤销一件事"));
	}

	private String submit(Depositor who) {
		return BundleFixtures.submitRetirement(this.clerk, this.engine, who, "13912346688");
	}

	private List<String> messages(String caseNo) {
		return this.jdbc.sql("select text from fake_sms_message where case_no = ? order by sent_at").param(caseNo)
			.query(String.class).list();
	}

}
