package cn.example.servicehall.loan;

import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;

/**
 * When a system that is not the hall's is down, its step is retried and, in the end, shows as an incident in
 * Cockpit; once the system is back and the step retried, the case carries on, with exactly one payment.
 */
@ServiceHallIntegrationTest
class AgencyOutageIT {

	/** The models' retry cycle: R5/PT5M. */
	private static final int RETRIES = 5;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	@AfterEach
	void everythingBackUp() {
		for (FakeSystem system : FakeSystem.values()) {
			this.outages.up(system);
		}
	}

	@Test
	void aBankOutageBecomesAnIncidentAndTheCaseCompletesAfterItWithExactlyOnePayment() {
		String caseNo = atDisbursement();
		this.outages.down(FakeSystem.BANK_CORE);

		Job job = disbursementJob(caseNo);
		for (int attempt = 1; attempt <= RETRIES; attempt++) {
			assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId()))
				.hasMessageContaining("BANK_CORE is unavailable");
		}
		Incident incident = this.engine.getRuntimeService().createIncidentQuery()
			.processInstanceId(job.getProcessInstanceId())
			.singleResult();
		assertThat(incident).isNotNull();
		assertThat(incident.getActivityId()).isEqualTo("Task_DisburseLoan");
		assertThat(incident.getIncidentMessage()).contains("BANK_CORE is unavailable");
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");
		assertThat(payments(caseNo)).isZero();

		// the bank is back; the operator retries the step (as Cockpit's "retry" does)
		this.outages.up(FakeSystem.BANK_CORE);
		this.engine.getManagementService().setJobRetries(job.getId(), 1);
		this.engine.getManagementService().executeJob(job.getId());
		assertThat(status(caseNo)).isEqualTo("DISBURSED");
		runJobs(this.engine, caseNo); // the IOU, the notice, completion and its receipt

		assertThat(status(caseNo)).isEqualTo("COMPLETED");
		assertThat(payments(caseNo)).isEqualTo(1);
		assertThat(this.engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId())
			.count()).isZero();
		assertThat(this.jdbc.sql("select count(*) from loan_disbursement where case_no = ?").param(caseNo)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aPaymentWhoseAnswerWasLostIsNotPaidTwiceOnRetry() {
		String caseNo = atDisbursement();
		this.outages.loseNextAnswers(FakeSystem.BANK_CORE, 1);

		Job job = disbursementJob(caseNo);
		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId()))
			.hasMessageContaining("read timed out");
		assertThat(payments(caseNo)).as("the bank executed the order").isEqualTo(1);
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");

		this.engine.getManagementService().executeJob(job.getId());
		assertThat(status(caseNo)).isEqualTo("DISBURSED");
		runJobs(this.engine, caseNo); // the IOU, the notice, completion and its receipt

		assertThat(status(caseNo)).isEqualTo("COMPLETED");
		assertThat(payments(caseNo)).isEqualTo(1);
		assertThat(this.jdbc.sql("select amount from fake_bank_payment where order_id = ?").param("FK" + caseNo)
			.query(String.class).single()).isEqualTo("600000.00");
	}

	@Test
	void aRegistryOutageAtSubmissionSavesNothingAndSaysSo() {
		int cases = this.jdbc.sql("select count(*) from intake_case").query(Integer.class).single();
		this.outages.down(FakeSystem.REGISTRY);

		var refused = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", resaleApplication(FLAT_2008), java.util.UUID.randomUUID().toString());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getBody()).containsEntry("type", "/problems/registry-unavailable");
		assertThat(this.jdbc.sql("select count(*) from intake_case").query(Integer.class).single()).isEqualTo(cases);
	}

	@Test
	void aFundAccountSystemOutageHoldsTheAssessmentUntilItIsBack() {
		String caseNo = afterAgencyReviews();
		this.outages.down(FakeSystem.FUND_ACCOUNTS);

		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("FUND_ACCOUNTS is unavailable");
		assertThat(status(caseNo)).isEqualTo("ACCEPTED");
		assertThat(this.jdbc.sql("select count(*) from loan_decision where case_no = ?").param(caseNo)
			.query(Integer.class).single()).isZero();

		this.outages.up(FakeSystem.FUND_ACCOUNTS);
		Job job = this.engine.getManagementService().createJobQuery()
			.processInstanceId(processInstance(caseNo))
			.singleResult();
		this.engine.getManagementService().executeJob(job.getId());
		assertThat(status(caseNo)).isEqualTo("ASSESSED");
	}

	private String afterAgencyReviews() {
		return LoanFixtures.afterAgencyReviews(this.http, this.engine, LoanFixtures.newResaleApplication());
	}

	private String atDisbursement() {
		String caseNo = LoanFixtures.atDisbursement(this.http, this.engine, LoanFixtures.newResaleApplication());
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");
		return caseNo;
	}

	private Job disbursementJob(String caseNo) {
		Job job = this.engine.getManagementService().createJobQuery()
			.processInstanceId(processInstance(caseNo))
			.activityId("Task_DisburseLoan")
			.singleResult();
		assertThat(job).isNotNull();
		return job;
	}

	private String processInstance(String caseNo) {
		return this.jdbc.sql("select process_instance_id from intake_case_part where case_no = ? and part_no = 1").param(caseNo)
			.query(String.class).single();
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

	private int payments(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_bank_payment where order_id = ?").param("FK" + caseNo)
			.query(Integer.class).single();
	}

}
