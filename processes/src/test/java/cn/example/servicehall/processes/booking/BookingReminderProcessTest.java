package cn.example.servicehall.processes.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reminder timer: one job, due every five minutes, each firing sends the due reminders once and schedules the next. */
@Deployment(resources = "bpmn/booking/booking-reminders.bpmn")
class BookingReminderProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private int runs;

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void remindsEveryFiveMinutesFromOneTimerJob() {
		Mocks.register("sendBookingReminders", (JavaDelegate) execution -> this.runs++);
		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer).as("deploying the model schedules its timer").isNotNull();

		java.time.Instant fired = java.time.Instant.now();
		managementService().executeJob(timer.getId());
		Job next = managementService().createJobQuery().timers().singleResult();

		assertThat(this.runs).isEqualTo(1);
		assertThat(next.getId()).isNotEqualTo(timer.getId());
		assertThat(Duration.between(fired, next.getDuedate().toInstant())).as("the next run five minutes later")
			.isBetween(Duration.ofSeconds(295), Duration.ofSeconds(305));
		assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("BookingReminderProcess")
			.completed()
			.count()).isEqualTo(1);
	}

}
