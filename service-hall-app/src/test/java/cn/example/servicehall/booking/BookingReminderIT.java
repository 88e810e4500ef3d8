package cn.example.servicehall.booking;

import static cn.example.servicehall.booking.BookingFixtures.at;
import static cn.example.servicehall.booking.BookingFixtures.book;
import static cn.example.servicehall.booking.BookingFixtures.newHouseCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.agencies.NotificationGateway.SentMessage;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/** 预约提醒: one text the working day before the appointment, however often and wherever the tick runs. */
@ServiceHallIntegrationTest
class BookingReminderIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private BookingReminders reminders;

	@Autowired
	private NotificationGateway sms;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void remindsOnceOnTheWorkingDayBeforeEvenAMakeUpSaturday() throws Exception {
		at("2026-02-25T10:00");
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", BookingFixtures.COMPANY_A));
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		// Monday 2 March; the working day before is Saturday 28 February, a make-up working day (春节调休)
		book(agentA, caseNo, "ZZ", "2026-03-02T09:30");

		at("2026-02-27T16:00");
		tick();
		assertThat(this.sms.sentFor(caseNo)).as("Friday is two working days before").isEmpty();

		at("2026-02-28T08:00");
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<?> one = nodes.submit(() -> {
				start.await();
				return this.reminders.sendDue();
			});
			Future<?> two = nodes.submit(() -> {
				start.await();
				return this.reminders.sendDue();
			});
			start.countDown();
			one.get(60, TimeUnit.SECONDS);
			two.get(60, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdownNow();
		}
		tick();
		at("2026-03-01T10:00");
		tick();

		assertThat(this.sms.sentFor(caseNo)).singleElement().satisfies(message -> {
			assertThat(message.maskedPhoneNumber()).isEqualTo("138****5678");
			assertThat(message.text()).contains("2026-03-02 09:30", "中站区管理部", caseNo);
		});
		assertThat(this.sms.sentFor(caseNo)).extracting(SentMessage::sentAt)
			.allSatisfy(sentAt -> assertThat(sentAt.toLocalDate().toString()).isEqualTo("2026-02-28"));
	}

	/** The engine's timer of the reminder model, run as the job executor would. */
	private void tick() {
		Job timer = this.engine.getManagementService().createJobQuery().processDefinitionKey("BookingReminderProcess")
			.timers().singleResult();
		assertThat(timer).as("the reminder model's timer").isNotNull();
		this.engine.getManagementService().executeJob(timer.getId());
	}

}
