package cn.example.servicehall.sla;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.calendar.TestCalendars;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * The SLA clocks of a resale-loan case under a clock the test moves (the engine's, which the hall's follows): working
 * time by the statutory calendar around the 2026 Spring Festival, a wait for the citizen not counted against the fund
 * centre, another agency's stretch not counted against the span, and escalation fired by the escalation timer's job:
 * yellow at 80 %, red past the limit, the bank's managers told in the hall and by e-mail (a real SMTP server).
 */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
		"servicehall.sla.mail.from=service-hall@gjj.test", "servicehall.sla.mail.to.BANK=loan-managers@bank.test" })
class SlaClocksIT {

	static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

	private static final Map<String, Object> AGREE = Map.of("outcome", "APPROVE", "opinion", "同意");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private WorkingCalendar calendar;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aWaitForTheCitizenDoesNotCountAgainstTheFundCentre() {
		at(2026, 2, 13, 9, 0); // Friday before the Spring Festival
		String caseNo = submit(this.http, newResaleApplication());
		Task acceptance = task(caseNo, "Task_AcceptApplication");
		// two working hours from 09:00: 11:00 the same morning
		assertThat(acceptance.getDueDate().toInstant()).isEqualTo(time(2026, 2, 13, 11, 0).toInstant());

		at(2026, 2, 13, 9, 30);
		ok(clerk().post(path(caseNo) + "/acceptance", withMissing("INCOME_PROOF")));
		runJobs(this.engine, caseNo);
		assertThat(clock(caseNo, "window-acceptance")).containsEntry("paused", true).containsEntry("colour", "SUSPENDED");

		// back after the holiday: 2026-02-14 (Saturday) was a make-up working day, 02-15…02-23 off
		at(2026, 2, 24, 10, 0);
		ok(clerk().post(path(caseNo) + "/materials-supplemented", Map.of("remark", "补齐收入证明")));
		at(2026, 2, 24, 10, 30);
		ok(clerk().post(path(caseNo) + "/acceptance", allMaterials(true)));

		// counted: 09:00–09:30 on 02-13 and 10:00–10:30 on 02-24; the wait in between (930 working minutes: 390 on
		// 02-13, 450 on the make-up Saturday, 90 on 02-24) is not
		Map<String, Object> window = clock(caseNo, "window-acceptance");
		assertThat(window).containsEntry("outcome", "MET").containsEntry("elapsedMinutes", 60);
		assertThat(row("select suspended_minutes from sla_clock where case_no = ? and definition_id = 'window-acceptance'",
				caseNo)).isEqualTo("930");
		assertThat(this.jdbc.sql("select e.kind from sla_event e join sla_clock c on c.id = e.clock_id "
				+ "where c.case_no = ? and c.definition_id = 'window-acceptance' order by e.id").param(caseNo)
			.query(String.class).list()).containsExactly("STARTED", "PAUSED", "RESUMED", "STOPPED");
		// each acceptance step is the clerk's own: 30 minutes each, both on time
		assertThat(this.jdbc.sql("select elapsed_minutes || '/' || outcome from sla_clock where case_no = ? "
				+ "and definition_id = 'step:Task_AcceptApplication' order by started_at").param(caseNo)
			.query(String.class).list()).containsExactly("30/MET", "30/MET");
	}

	@Test
	void aBanksStepTurnsYellowAtEightyPercentAndRedPastItsLimitAndItsManagersAreTold() throws Exception {
		at(2026, 2, 24, 10, 0);
		String caseNo = submit(this.http, newResaleApplication());
		at(2026, 2, 24, 10, 30);
		ok(clerk().post(path(caseNo) + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		Task review = task(caseNo, "Task_ReviewCredit");
		// one working day: to the close of office on the next working day
		assertThat(review.getDueDate().toInstant()).isEqualTo(time(2026, 2, 25, 17, 30).toInstant());
		assertThat(inboxLine("bank1", "bank-loan-officer", caseNo)).containsEntry("sla", "GREEN");

		// 780 working minutes allowed; 80 % (624) is reached at 14:54 on 02-25
		at(2026, 2, 25, 14, 50);
		escalate();
		assertThat(clock(caseNo, "step:Task_ReviewCredit")).containsEntry("colour", "GREEN");
		at(2026, 2, 25, 15, 0);
		escalate();
		assertThat(clock(caseNo, "step:Task_ReviewCredit")).containsEntry("colour", "YELLOW");
		assertThat(inboxLine("bank1", "bank-loan-officer", caseNo)).containsEntry("sla", "YELLOW");
		assertThat(notices(caseNo)).isEmpty();

		// the breach is found by the engine's own job executor, running the escalation timer on the engine's clock.
		// The timer's minute series began when the application deployed it, in real time, which is later than this
		// test's engine clock: its next tick is brought to the engine's "now", and the job executor does the rest.
		at(2026, 2, 26, 9, 0);
		this.engine.getManagementService().setJobDuedate(escalationTimer().getId(), ClockUtil.getCurrentTime());
		withJobExecutorRunning(() -> await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(row("select escalation from sla_clock where case_no = ? "
					+ "and definition_id = 'step:Task_ReviewCredit'", caseNo)).isEqualTo("RED")));
		assertThat(clock(caseNo, "step:Task_ReviewCredit")).containsEntry("colour", "RED");
		assertThat(inboxLine("bank1", "bank-loan-officer", caseNo)).containsEntry("sla", "RED");
		// the registry and the guarantor, working in parallel with the same limit, missed it too: each agency is told
		// of its own step only
		assertThat(notices(caseNo)).containsExactlyInAnyOrder(
				"BANK: 办件 " + caseNo + " 的时限「银行信贷审查」已超时（应于 2026-02-25 17:30 前办结），请督办。",
				"REGISTRY: 办件 " + caseNo + " 的时限「不动产权属审查」已超时（应于 2026-02-25 17:30 前办结），请督办。",
				"GUARANTOR: 办件 " + caseNo + " 的时限「担保评估」已超时（应于 2026-02-25 17:30 前办结），请督办。");
		escalate();
		assertThat(notices(caseNo)).as("a breach is told once").hasSize(3);
		assertThat(this.jdbc.sql("select e.kind from sla_event e join sla_clock c on c.id = e.clock_id "
				+ "where c.case_no = ? and c.definition_id = 'step:Task_ReviewCredit' order by e.id").param(caseNo)
			.query(String.class).list()).containsExactly("STARTED", "YELLOW", "RED");

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("loan-managers@bank.test");
		assertThat(mail.getSubject()).contains(caseNo);
		assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
		// the mail was handed over after commit through the event publication registry (on another thread): kept in
		// the database until it was done, so a hall that dies after the breach is committed mails it when it starts again
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(row("select mailed_to from sla_notification where case_no = ? and agency = 'BANK'", caseNo))
				.isEqualTo("loan-managers@bank.test");
			assertThat(this.jdbc.sql("select count(*) from event_publication where event_type like '%.DeadlineBreached' "
					+ "and serialized_event like ? and completion_date is not null").param("%" + caseNo + "%")
				.query(Long.class).single()).isEqualTo(3);
			assertThat(this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class).single()).isZero();
		});

		// the bank reviews late: the step is recorded as breached, 2 hours 30 minutes past its limit
		at(2026, 2, 26, 11, 0);
		ok(Api.as(this.http, TestTokens.user("bank1", "bank-loan-officer")).post(path(caseNo) + "/credit-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")));
		assertThat(clock(caseNo, "step:Task_ReviewCredit")).containsEntry("outcome", "BREACHED")
			.containsEntry("elapsedMinutes", 780 + 150);
	}

	@Test
	void approvalToDisbursementLeavesOutTheRegistrysMortgageRegistration() {
		at(2026, 3, 2, 9, 0); // a Monday
		String caseNo = submit(this.http, newResaleApplication());
		ok(clerk().post(path(caseNo) + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		agenciesAgree(caseNo);
		ok(as("reviewer1", "hpf-first-reviewer").post(path(caseNo) + "/first-review", AGREE));
		at(2026, 3, 2, 10, 0);
		ok(as("approver1", "hpf-approver").post(path(caseNo) + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		at(2026, 3, 2, 11, 0);
		ok(as("bank1", "bank-loan-officer").post(path(caseNo) + "/contract-signing/bank", null));
		ok(as("guarantor1", "guarantor-officer").post(path(caseNo) + "/contract-signing/guarantor", null));
		ok(clerk().post(path(caseNo) + "/contract-signing/fund-centre", null));
		runJobs(this.engine, caseNo);
		assertThat(clock(caseNo, "approval-to-disbursement")).containsEntry("excluded", true);

		// the registry takes three working days: not the fund centre's time
		at(2026, 3, 5, 14, 0);
		ok(as("registry1", "registry-clerk").post(path(caseNo) + "/mortgage-registration",
				Map.of("certificateNo", "豫(2026)焦作市不动产证明第" + caseNo.substring(caseNo.length() - 7) + "号")));
		at(2026, 3, 5, 15, 0);
		runJobs(this.engine, caseNo);

		// counted: 10:00–11:00 on 03-02 (approval to the contract) and 14:00–15:00 on 03-05 (registration to payment)
		assertThat(clock(caseNo, "approval-to-disbursement")).containsEntry("outcome", "MET")
			.containsEntry("elapsedMinutes", 120);
		assertThat(clock(caseNo, "registration-to-disbursement")).containsEntry("outcome", "MET")
			.containsEntry("elapsedMinutes", 60);
		// the statutory 15 days count calendar time, acceptance to approval: one hour
		assertThat(clock(caseNo, "statutory-decision")).containsEntry("basis", "CALENDAR")
			.containsEntry("outcome", "MET")
			.containsEntry("elapsedMinutes", 60);
		assertThat(row("select count(*) from sla_clock where case_no = ? and stopped_at is null", caseNo)).isEqualTo("0");
	}

	@Test
	void aLimitInDaysEndsAtTheEndOfItsLastDayWhicheverSecondItStarted() {
		at(2026, 3, 2, 9, 0);
		String caseNo = submit(this.http, newResaleApplication());
		ClockUtil.setCurrentTime(Date.from(time(2026, 3, 2, 10, 0).plusSeconds(26).toInstant()));
		ok(clerk().post(path(caseNo) + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);

		// 15 days from Monday 03-02: the whole of Tuesday 03-17, whatever second the case was accepted in
		assertThat(dueAt(clock(caseNo, "statutory-decision"))).isEqualTo(time(2026, 3, 17, 23, 59).plusSeconds(59));
		// one working day: to the close of office on Tuesday 03-03
		assertThat(task(caseNo, "Task_ReviewCredit").getDueDate().toInstant())
			.isEqualTo(time(2026, 3, 3, 17, 30).toInstant());

		// decided in the last minute of the 15th day: on time; the first minute of the 16th: late
		String late = submit(this.http, newResaleApplication());
		ok(clerk().post(path(late) + "/acceptance", allMaterials(true)));
		runJobs(this.engine, late);
		for (String each : List.of(caseNo, late)) {
			agenciesAgree(each);
			ok(as("reviewer1", "hpf-first-reviewer").post(path(each) + "/first-review", AGREE));
		}
		ClockUtil.setCurrentTime(Date.from(time(2026, 3, 17, 23, 59).plusSeconds(50).toInstant()));
		ok(as("approver1", "hpf-approver").post(path(caseNo) + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		at(2026, 3, 18, 0, 0);
		ok(as("approver1", "hpf-approver").post(path(late) + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		assertThat(clock(caseNo, "statutory-decision")).containsEntry("outcome", "MET");
		assertThat(clock(late, "statutory-decision")).containsEntry("outcome", "BREACHED");
	}

	@Test
	void anotherServicesStepOfTheSameIdTakesItsOwnLimitNotTheLoans() {
		// a second service's model with a step named like the loan's acceptance (2 working hours for the loans only)
		BpmnModelInstance model = Bpmn.createExecutableProcess("AnotherServiceProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_AcceptApplication")
			.name("窗口受理")
			.endEvent()
			.done();
		String deployment = this.engine.getRepositoryService().createDeployment()
			.addModelInstance("another-service-probe.bpmn", model)
			.deploy()
			.getId();
		try {
			at(2026, 2, 24, 10, 0);
			String caseNo = submit(this.http, newResaleApplication());
			Task loans = task(caseNo, "Task_AcceptApplication");
			assertThat(loans.getDueDate().toInstant()).as("the loan's: two working hours")
				.isEqualTo(time(2026, 2, 24, 12, 0).toInstant());
			String other = this.engine.getRuntimeService()
				.startProcessInstanceByKey("AnotherServiceProbe", caseNo)
				.getId();
			Task others = this.engine.getTaskService().createTaskQuery().processInstanceId(other).singleResult();
			assertThat(others.getDueDate().toInstant()).as("the default: to the close of the next working day")
				.isEqualTo(time(2026, 2, 25, 17, 30).toInstant());
			assertThat(this.jdbc.sql("select definition_id || ' ' || limit_amount || ' ' || unit from sla_clock "
					+ "where case_no = ? and kind = 'STEP' order by id").param(caseNo).query(String.class).list())
				.containsExactly("step:Task_AcceptApplication 2 WORKING_HOURS",
						"step:AnotherServiceProbe.Task_AcceptApplication 1 WORKING_DAYS");
		}
		finally {
			this.engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	@Test
	void aModelsTimerWaitsInWorkingTime() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("WorkingTimeTimerProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent("Timer_TwoWorkingHours")
			.timerWithDate("${workingTime.afterWorkingHours(2)}")
			.intermediateCatchEvent("Timer_OneWorkingDay")
			.timerWithDate("${workingTime.afterWorkingDays(1)}")
			.endEvent()
			.done();
		String deployment = this.engine.getRepositoryService().createDeployment()
			.addModelInstance("working-time-timer-probe.bpmn", model)
			.deploy()
			.getId();
		try {
			// Friday before the Spring Festival, an hour before closing; Saturday 02-14 is a make-up working day
			at(2026, 2, 13, 16, 30);
			String instance = this.engine.getRuntimeService()
				.startProcessInstanceByKey("WorkingTimeTimerProbe")
				.getId();
			Job twoHours = this.engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			// 16:30–17:30 on Friday, 08:30–09:30 on the make-up Saturday
			assertThat(twoHours.getDuedate().toInstant()).isEqualTo(time(2026, 2, 14, 9, 30).toInstant());

			this.engine.getManagementService().executeJob(twoHours.getId());
			Job oneDay = this.engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			// set at 16:30 on Friday (the engine's clock did not move): the close of the next working day, Saturday
			assertThat(oneDay.getDuedate().toInstant()).isEqualTo(time(2026, 2, 14, 17, 30).toInstant());
		}
		finally {
			this.engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	@Test
	void aCaseRunningIntoAYearNotYetEnteredRunsToTheEndAndGetsItsDueTimesWhenTheYearIsEntered(CapturedOutput output) {
		TestCalendars.remove(2027, this.jdbc, this.calendar); // as shipped: 2026 is the last year entered
		try {
			// the last afternoon of 2026, 95 office minutes before the close: two cases are accepted
			at(2026, 12, 31, 15, 55);
			String done = submit(this.http, newResaleApplication());
			String waiting = submit(this.http, newResaleApplication());
			for (String caseNo : List.of(done, waiting)) {
				ok(clerk().post(path(caseNo) + "/acceptance", allMaterials(true)));
				runJobs(this.engine, caseNo);
			}
			// one working day runs into 2027: no due time, and nothing fails
			assertThat(task(done, "Task_ReviewCredit").getDueDate()).isNull();
			assertThat(inboxLine("bank1", "bank-loan-officer", done)).containsEntry("due", null)
				.containsEntry("sla", "GREEN");
			// the statutory 15 days count calendar days, without the calendar: to the end of the 15th day
			assertThat(dueAt(clock(done, "statutory-decision"))).isEqualTo(time(2027, 1, 15, 23, 59).plusSeconds(59));

			// the agencies answer after New Year; the assessment resumes the window's clock
			at(2027, 1, 4, 9, 0);
			agenciesAgree(done);
			agenciesAgree(waiting);
			ok(as("reviewer1", "hpf-first-reviewer").post(path(done) + "/first-review", AGREE));
			ok(as("approver1", "hpf-approver").post(path(done) + "/approval",
					Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
			ok(as("bank1", "bank-loan-officer").post(path(done) + "/contract-signing/bank", null));
			ok(as("guarantor1", "guarantor-officer").post(path(done) + "/contract-signing/guarantor", null));
			ok(clerk().post(path(done) + "/contract-signing/fund-centre", null));
			runJobs(this.engine, done);
			ok(as("registry1", "registry-clerk").post(path(done) + "/mortgage-registration",
					Map.of("certificateNo", "豫(2027)焦作市不动产证明第" + done.substring(done.length() - 7) + "号")));
			runJobs(this.engine, done);

			// the case ran to its end, without an incident
			assertThat(row("select status from intake_case where case_no = ?", done)).isEqualTo("COMPLETED");
			assertThat(this.jdbc.sql("select count(*) from act_hi_incident i join act_hi_procinst p "
					+ "on p.id_ = i.proc_inst_id_ where p.business_key_ in (?, ?)").params(done, waiting)
				.query(Integer.class).single()).isZero();
			// the clocks that ran into 2027 have no due time; those that stopped in it wait to be counted
			assertThat(clock(waiting, "window-to-signing")).containsEntry("dueAt", null).containsEntry("colour", "GREEN");
			assertThat(clock(done, "step:Task_ReviewCredit")).containsEntry("dueAt", null)
				.containsEntry("outcome", null)
				.containsEntry("elapsedMinutes", null);
			assertThat(clock(done, "window-to-signing")).containsEntry("outcome", null);
			assertThat(inboxLine("reviewer1", "hpf-first-reviewer", waiting)).containsEntry("due", null);
			assertThat(as("manager1", "hall-manager").get("/api/sla/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);

			// the administrator enters 2027; the next escalation run gives every clock its due time
			ok(as("admin1", "system-admin").exchange(HttpMethod.PUT, "/api/sla/calendar/2027",
					TestCalendars.entry2027(true), null));
			escalate();

			// the first review opened at 09:00 on 01-04: one working day, to the close of 01-05
			assertThat(task(waiting, "Task_FirstReview").getDueDate().toInstant())
				.isEqualTo(time(2027, 1, 5, 17, 30).toInstant());
			assertThat(inboxLine("reviewer1", "hpf-first-reviewer", waiting)).containsKey("due")
				.doesNotContainEntry("due", null);
			// the window's two working hours leave out the agencies' checks (12-31 15:55 to 01-04 09:00): 11:00
			assertThat(dueAt(clock(waiting, "window-to-signing"))).isEqualTo(time(2027, 1, 4, 11, 0));
			// the bank's day: 95 minutes on 12-31 and 30 on 01-04, within the day that ended at 17:30 on 01-04
			assertThat(clock(done, "step:Task_ReviewCredit")).containsEntry("outcome", "MET")
				.containsEntry("elapsedMinutes", 125);
			assertThat(dueAt(clock(done, "step:Task_ReviewCredit"))).isEqualTo(time(2027, 1, 4, 17, 30));
			assertThat(clock(done, "window-to-signing")).containsEntry("outcome", "MET").containsEntry("elapsedMinutes", 0);
			assertThat(row("select count(*) from sla_clock where case_no = ? and stopped_at is not null and outcome is null",
					done)).isEqualTo("0");

			// the missing year was told once, as a warning; no step failed for it
			assertThat(output.getOut().lines().filter(line -> line.contains("WARN") && line.contains("2027")))
				.hasSize(1)
				.allSatisfy(line -> assertThat(line).contains("working-day calendar"));
			assertThat(output.getOut()).doesNotContain("ENGINE-16004").doesNotContain("No due date");
		}
		finally {
			TestCalendars.remove(2027, this.jdbc, this.calendar);
		}
	}

	@Test
	void aModelsTimerRunningIntoAYearNotYetEnteredWaitsForItsDueTime() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("WorkingTimeTimerIntoMissingYear")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent("Timer_TwoWorkingHours")
			.timerWithDate("${workingTime.afterWorkingHours(2)}")
			.endEvent()
			.done();
		String deployment = this.engine.getRepositoryService().createDeployment()
			.addModelInstance("working-time-timer-into-missing-year.bpmn", model)
			.deploy()
			.getId();
		TestCalendars.remove(2027, this.jdbc, this.calendar);
		try {
			at(2026, 12, 31, 15, 55);
			String instance = this.engine.getRuntimeService()
				.startProcessInstanceByKey("WorkingTimeTimerIntoMissingYear")
				.getId();
			Job timer = this.engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			assertThat(timer.getDuedate().toInstant()).as("no due time yet: the timer waits")
				.isAfter(Instant.parse("9999-01-01T00:00:00Z"));
			assertThat(this.engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();

			ok(as("admin1", "system-admin").exchange(HttpMethod.PUT, "/api/sla/calendar/2027",
					TestCalendars.entry2027(true), null));
			at(2027, 1, 4, 8, 0);
			escalate();
			// counted from when the timer was set: 15:55–17:30 on 12-31, then 25 minutes of 01-04
			timer = this.engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			assertThat(timer.getDuedate().toInstant()).isEqualTo(time(2027, 1, 4, 8, 55).toInstant());
		}
		finally {
			TestCalendars.remove(2027, this.jdbc, this.calendar);
			this.engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	// ------------------------------------------------------------------------------------------------------------

	private static OffsetDateTime time(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(HALL).toOffsetDateTime();
	}

	private static void at(int year, int month, int day, int hour, int minute) {
		ClockUtil.setCurrentTime(Date.from(time(year, month, day, hour, minute).toInstant()));
	}

	/** Fires the escalation timer's job, as the job executor does every minute. */
	private void withJobExecutorRunning(Runnable check) {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getJobExecutor();
		assertThat(executor.isActive()).as("tests run with the job executor stopped").isFalse();
		ProcessEngineImpl engine = (ProcessEngineImpl) this.engine;
		boolean registered = executor.getProcessEngines().contains(engine);
		if (!registered) {
			executor.registerProcessEngine(engine);
		}
		executor.start();
		try {
			check.run();
		}
		finally {
			executor.shutdown();
			if (!registered) {
				executor.unregisterProcessEngine(engine);
			}
		}
	}

	private void escalate() {
		this.engine.getManagementService().executeJob(escalationTimer().getId());
	}

	private Job escalationTimer() {
		Job timer = this.engine.getManagementService()
			.createJobQuery()
			.processDefinitionKey("SlaEscalationProcess")
			.timers()
			.singleResult();
		assertThat(timer).as("the escalation timer is scheduled").isNotNull();
		return timer;
	}

	/** The bank, the registry and the guarantor agree, and the assessment runs. */
	private void agenciesAgree(String caseNo) {
		ok(as("bank1", "bank-loan-officer").post(path(caseNo) + "/credit-review", AGREE));
		ok(as("registry1", "registry-clerk").post(path(caseNo) + "/title-review", AGREE));
		ok(as("guarantor1", "guarantor-officer").post(path(caseNo) + "/guarantee-assessment", AGREE));
		runJobs(this.engine, caseNo);
	}

	private Task task(String caseNo, String step) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(step)
			.singleResult();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> clock(String caseNo, String definition) {
		List<Map<String, Object>> clocks = clerk().getList("/api/cases/" + caseNo + "/sla").getBody();
		return clocks.stream()
			.filter(c -> definition.equals(c.get("definitionId")))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no clock " + definition + " in " + clocks));
	}

	private Map<String, Object> inboxLine(String user, String group, String caseNo) {
		return as(user, group).getList("/api/tasks")
			.getBody()
			.stream()
			.filter(t -> caseNo.equals(t.get("caseNo")))
			.findFirst()
			.orElseThrow();
	}

	private List<String> notices(String caseNo) {
		return this.jdbc.sql("select agency || ': ' || message from sla_notification where case_no = ?")
			.param(caseNo)
			.query(String.class)
			.list();
	}

	private static Map<String, Object> withMissing(String code) {
		Map<String, Object> check = new LinkedHashMap<>(allMaterials(true));
		@SuppressWarnings("unchecked")
		Map<String, Boolean> materials = new LinkedHashMap<>((Map<String, Boolean>) check.get("materials"));
		materials.put(code, false);
		check.put("materials", materials);
		return check;
	}

	private Api clerk() {
		return as("clerk1", "hpf-acceptance-clerk");
	}

	private Api as(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private static String path(String caseNo) {
		return "/api/loan/applications/" + caseNo;
	}

	private static void ok(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
	}

	private String row(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(String.class).single();
	}

	private static OffsetDateTime dueAt(Map<String, Object> clock) {
		assertThat(clock.get("dueAt")).as("the due time of " + clock.get("definitionId")).isNotNull();
		return OffsetDateTime.parse((String) clock.get("dueAt")).atZoneSameInstant(HALL).toOffsetDateTime();
	}

}
