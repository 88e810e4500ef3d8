package cn.example.servicehall.booking;

import static cn.example.servicehall.booking.BookingFixtures.at;
import static cn.example.servicehall.booking.BookingFixtures.book;
import static cn.example.servicehall.booking.BookingFixtures.booking;
import static cn.example.servicehall.booking.BookingFixtures.newHouseCase;
import static cn.example.servicehall.booking.BookingFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * 预约面签: slots from the working-day calendar, a slot never overbooked however many book at once, one booking per
 * case, and changes allowed until the end of the day before.
 */
@ServiceHallIntegrationTest
class BookingIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void twentyBookingsRacingForASlotOfThreeSeatsLeaveExactlyThreeWinners() throws Exception {
		at("2026-02-11T10:00");
		Api agentA = agent();
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			cases.add(newHouseCase(agentA, this.jdbc, this.http, this.engine));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(20);
		List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
		try {
			for (String caseNo : cases) {
				answers.add(threads.submit(() -> {
					start.await();
					return agentA.post("/api/bookings", booking(caseNo, "HQ", "2026-02-13T09:00"),
							UUID.randomUUID().toString());
				}));
			}
			start.countDown();
			List<ResponseEntity<Map<String, Object>>> responses = new ArrayList<>();
			for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
				responses.add(answer.get(120, TimeUnit.SECONDS));
			}
			assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(3);
			assertThat(responses).filteredOn(r -> r.getStatusCode() != HttpStatus.CREATED)
				.hasSize(17)
				.allSatisfy(r -> {
					assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
					assertThat(r.getBody()).containsEntry("type", "/problems/slot-full");
					assertThat((String) r.getBody().get("detail")).contains("已约满");
				});
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("select booked from booking_slot where branch = 'HQ' and starts_at = cast(? as timestamptz)")
			.param(slot("2026-02-13T09:00")).query(Integer.class).single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from booking where branch = 'HQ' and slot_starts_at = cast(? as timestamptz)")
			.param(slot("2026-02-13T09:00")).query(Integer.class).single()).isEqualTo(3);
		// the slot list says so
		List<Map<String, Object>> slots = agentA.getList("/api/bookings/slots?branch=HQ&from=2026-02-13&to=2026-02-13")
			.getBody();
		assertThat(slots).filteredOn(s -> slot("2026-02-13T09:00").equals(s.get("startsAt")))
			.singleElement()
			.satisfies(s -> assertThat(s).containsEntry("capacity", 3).containsEntry("available", 0));
	}

	@Test
	void slotsFollowTheWorkingCalendarAndTheOfficeHours() {
		at("2026-02-11T10:00");
		ResponseEntity<List<Map<String, Object>>> answer = agent()
			.getList("/api/bookings/slots?branch=HQ&from=2026-02-13&to=2026-02-16");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> starts = answer.getBody().stream().map(s -> (String) s.get("startsAt")).toList();
		// Friday 13th: worked; Saturday 14th: a make-up working day (春节调休); 15th (Sunday) and 16th (Monday): 春节
		assertThat(starts).filteredOn(s -> s.startsWith("2026-02-13")).hasSize(15);
		assertThat(starts).filteredOn(s -> s.startsWith("2026-02-14")).hasSize(15);
		assertThat(starts).filteredOn(s -> s.startsWith("2026-02-15") || s.startsWith("2026-02-16")).isEmpty();
		// 08:30 to 12:00 and 13:30 to 17:30 in half hours: nothing in the lunch break
		assertThat(starts).contains(slot("2026-02-13T08:30"), slot("2026-02-13T11:30"), slot("2026-02-13T13:30"),
				slot("2026-02-13T17:00"));
		assertThat(starts).doesNotContain(slot("2026-02-13T12:00"), slot("2026-02-13T12:30"), slot("2026-02-13T13:00"),
				slot("2026-02-13T17:30"), slot("2026-02-13T08:00"));
		// a slot outside them cannot be booked
		Api agentA = agent();
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		ResponseEntity<Map<String, Object>> lunch = agentA.post("/api/bookings", booking(caseNo, "HQ", "2026-02-13T12:30"),
				UUID.randomUUID().toString());
		assertThat(lunch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(lunch.getBody()).containsEntry("type", "/problems/no-such-slot");
		ResponseEntity<Map<String, Object>> holiday = agentA.post("/api/bookings",
				booking(caseNo, "HQ", "2026-02-16T09:00"), UUID.randomUUID().toString());
		assertThat(holiday.getBody()).containsEntry("type", "/problems/no-such-slot");
		// a range the wrong way round is a clear 400
		assertThat(agentA.get("/api/bookings/slots?branch=HQ&from=2026-02-16&to=2026-02-13").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aCaseHasOneBookingOnlyItsCompanySeesAndARetryBooksNothingMore() {
		at("2026-02-11T10:00");
		Api agentA = agent();
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		String key = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> first = agentA.post("/api/bookings",
				booking(caseNo, "JF", "2026-02-13T10:00"), key);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody()).containsEntry("phoneNumber", "138****5678").containsEntry("status", "BOOKED");

		ResponseEntity<Map<String, Object>> retry = agentA.post("/api/bookings", booking(caseNo, "JF", "2026-02-13T10:00"), key);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));

		ResponseEntity<Map<String, Object>> second = agentA.post("/api/bookings",
				booking(caseNo, "JF", "2026-02-13T14:00"), UUID.randomUUID().toString());
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(second.getBody()).containsEntry("type", "/problems/case-already-booked");

		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", BookingFixtures.COMPANY_B));
		ResponseEntity<Map<String, Object>> foreign = agentB.post("/api/bookings",
				booking(caseNo, "JF", "2026-02-13T14:00"), UUID.randomUUID().toString());
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(agentB.get("/api/bookings/" + first.getBody().get("id")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(agentB.raw(HttpMethod.GET, "/api/bookings?caseNo=" + caseNo, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(agentA.getList("/api/bookings?caseNo=" + caseNo).getBody()).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from booking where case_no = ?").param(caseNo).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void changesAreAllowedUntilTheEndOfTheDayBefore() {
		at("2026-02-11T10:00");
		Api agentA = agent();
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		long id = book(agentA, caseNo, "SY", "2026-02-13T15:00");

		// the evening before: moved to Saturday 14th (a make-up working day)
		at("2026-02-12T23:59");
		ResponseEntity<Map<String, Object>> moved = agentA.post("/api/bookings/" + id + "/reschedule",
				Map.of("startsAt", slot("2026-02-14T10:00")));
		assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody()).containsEntry("startsAt", slot("2026-02-14T10:00"));
		assertThat(booked("SY", "2026-02-13T15:00")).isZero();
		assertThat(booked("SY", "2026-02-14T10:00")).isEqualTo(1);

		// on the day itself: neither moved nor cancelled, in words
		at("2026-02-14T00:00");
		ResponseEntity<Map<String, Object>> tooLate = agentA.post("/api/bookings/" + id + "/cancellation", Map.of());
		assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(tooLate.getBody()).containsEntry("type", "/problems/booking-change-too-late");
		assertThat((String) tooLate.getBody().get("detail")).contains("前一天");
		assertThat(agentA.post("/api/bookings/" + id + "/reschedule", Map.of("startsAt", slot("2026-02-25T10:00")))
			.getBody()).containsEntry("type", "/problems/booking-change-too-late");
		assertThat(booked("SY", "2026-02-14T10:00")).isEqualTo(1);

		// another booking, cancelled the day before: its seat is free again, and the case may book anew
		String other = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		at("2026-02-11T10:00");
		long second = book(agentA, other, "SY", "2026-02-13T15:30");
		at("2026-02-12T17:00");
		ResponseEntity<Map<String, Object>> cancelled = agentA.post("/api/bookings/" + second + "/cancellation", Map.of());
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED");
		assertThat(booked("SY", "2026-02-13T15:30")).isZero();
		book(agentA, other, "SY", "2026-02-13T15:30");
	}

	@Test
	void aSigningSlotIsBookedOnlyForACaseThatWaitsForSigning() {
		at("2026-02-11T10:00");
		Api agentA = agent();
		String caseNo = BookingFixtures.submittedNewHouseCase(agentA, this.jdbc);
		int seatsTaken = booked("JF", "2026-02-13T10:00");
		ResponseEntity<Map<String, Object>> early = agentA.post("/api/bookings", booking(caseNo, "JF", "2026-02-13T10:00"),
				UUID.randomUUID().toString());
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(early.getBody()).containsEntry("type", "/problems/case-not-awaiting-signing");
		String detail = (String) early.getBody().get("detail");
		assertThat(detail).contains(caseNo, "审批通过后").containsPattern("^[^A-Za-z]*[\\u4e00-\\u9fa5]")
			.contains("approved");
		assertThat(this.jdbc.sql("select count(*) from booking where case_no = ?").param(caseNo).query(Integer.class)
			.single()).as("nothing booked").isZero();
		assertThat(booked("JF", "2026-02-13T10:00")).as("no seat taken").isEqualTo(seatsTaken);

		// a resale case has no signing appointment at all
		String resale = cn.example.servicehall.support.LoanFixtures.submit(this.http,
				cn.example.servicehall.support.LoanFixtures.newResaleApplication());
		ResponseEntity<Map<String, Object>> resaleBooking = Api.as(this.http, TestTokens.user("clerk1",
				"hpf-acceptance-clerk")).post("/api/bookings", booking(resale, "JF", "2026-02-13T10:00"),
				UUID.randomUUID().toString());
		assertThat(resaleBooking.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(resaleBooking.getBody()).containsEntry("type", "/problems/case-not-awaiting-signing");
	}

	private int booked(String branch, String shanghaiStart) {
		return this.jdbc.sql("select booked from booking_slot where branch = ? and starts_at = cast(? as timestamptz)")
			.params(branch, slot(shanghaiStart)).query(Integer.class).optional().orElse(0);
	}

	private Api agent() {
		return Api.as(this.http, TestTokens.developerAgent("agent-a", BookingFixtures.COMPANY_A));
	}

}
