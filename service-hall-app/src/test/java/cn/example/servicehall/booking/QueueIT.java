package cn.example.servicehall.booking;

import static cn.example.servicehall.booking.BookingFixtures.at;
import static cn.example.servicehall.booking.BookingFixtures.book;
import static cn.example.servicehall.booking.BookingFixtures.newHouseCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.EventRecorder;
import cn.example.servicehall.support.TestTokens;

/** 取号与叫号: numbers per branch and day, unique and without gaps however many take one at once. */
@ServiceHallIntegrationTest
class QueueIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private EventRecorder events;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void walkInNumbersAreUniqueAndSequentialUnderConcurrency() throws Exception {
		at("2026-03-10T08:40");
		Api clerk = clerk();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(25);
		List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 25; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return clerk.post("/api/queue/walk-ins", Map.of("branch", "SY"));
				}));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
				ResponseEntity<Map<String, Object>> ticket = answer.get(120, TimeUnit.SECONDS);
				assertThat(ticket.getStatusCode()).as(String.valueOf(ticket.getBody())).isEqualTo(HttpStatus.CREATED);
				numbers.add((String) ticket.getBody().get("number"));
			}
			assertThat(numbers).containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, 25).mapToObj(n -> "W%03d".formatted(n)).toList());
		}
		finally {
			threads.shutdownNow();
		}
		// the next day starts again at 001
		at("2026-03-11T08:40");
		assertThat(clerk.post("/api/queue/walk-ins", Map.of("branch", "SY")).getBody()).containsEntry("number", "W001");
	}

	@Test
	void anAppointmentHolderChecksInOnTheDayAndIsCalledFirst() {
		at("2026-03-09T10:00");
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", BookingFixtures.COMPANY_A));
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		book(agentA, caseNo, "ZZ", "2026-03-12T09:00");
		Api clerk = clerk();

		ResponseEntity<Map<String, Object>> early = clerk.post("/api/queue/check-ins", Map.of("caseNo", caseNo));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(early.getBody()).containsEntry("type", "/problems/not-the-booking-day");

		at("2026-03-12T08:35");
		assertThat(clerk.post("/api/queue/walk-ins", Map.of("branch", "ZZ")).getBody()).containsEntry("number", "W001");
		ResponseEntity<Map<String, Object>> ticket = clerk.post("/api/queue/check-ins", Map.of("caseNo", caseNo));
		assertThat(ticket.getStatusCode()).as(String.valueOf(ticket.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(ticket.getBody()).containsEntry("number", "Y001").containsEntry("status", "WAITING");
		// checking in twice gives the same number
		assertThat(clerk.post("/api/queue/check-ins", Map.of("caseNo", caseNo)).getBody()).containsEntry("number", "Y001");
		assertThat(this.events.stream(BookingRecorded.class).filter(e -> e.caseNo().equals(caseNo))
			.map(BookingRecorded::action)
			.toList()).containsExactly(BookingRecorded.BOOKED, BookingRecorded.CHECKED_IN);

		// appointment holders first, then walk-ins; then nobody
		ResponseEntity<Map<String, Object>> first = clerk.post("/api/queue/ZZ/calls", Map.of("window", 2));
		assertThat(first.getBody()).containsEntry("number", "Y001").containsEntry("window", 2).containsEntry("status", "CALLED");
		assertThat(clerk.post("/api/queue/ZZ/calls", Map.of("window", 1)).getBody()).containsEntry("number", "W001");
		assertThat(clerk.post("/api/queue/ZZ/calls", Map.of("window", 1)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// a window the branch does not have
		assertThat(clerk.post("/api/queue/ZZ/calls", Map.of("window", 9)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);

		Map<String, Object> board = clerk.get("/api/queue/ZZ").getBody();
		assertThat(board.toString()).contains("Y001", "W001").doesNotContain("钱七", caseNo);
	}

	@Test
	void aSlotSeatsOneAppointmentPerSigningWindowAndTheBookingKeepsTheWindowItWasCalledTo() {
		// 山阳区管理部: windows 2 and 3 sign appointments, window 1 serves walk-ins only
		Api clerk = clerk();
		List<Map<String, Object>> branches = clerk.getList("/api/bookings/branches").getBody();
		assertThat(branches).filteredOn(b -> "SY".equals(b.get("code"))).singleElement()
			.satisfies(b -> assertThat(b).containsEntry("windows", 3).containsEntry("signingWindows", List.of(2, 3))
				.containsEntry("capacityPerSlot", 2));
		at("2026-03-16T10:00");
		assertThat(clerk.getList("/api/bookings/slots?branch=SY&from=2026-03-19&to=2026-03-19").getBody())
			.extracting(s -> s.get("capacity")).containsOnly(2);
		// window 1 opened for signing too: one more seat in every slot not yet booked
		this.jdbc.sql("update booking_window set signing = true where branch = 'SY' and window_no = 1").update();
		try {
			assertThat(clerk.getList("/api/bookings/slots?branch=SY&from=2026-03-19&to=2026-03-19").getBody())
				.extracting(s -> s.get("capacity")).containsOnly(3);
		}
		finally {
			this.jdbc.sql("update booking_window set signing = false where branch = 'SY' and window_no = 1").update();
		}

		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", BookingFixtures.COMPANY_A));
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		long booking = book(agentA, caseNo, "SY", "2026-03-17T09:00");
		at("2026-03-17T08:40");
		assertThat(clerk.post("/api/queue/walk-ins", Map.of("branch", "SY")).getBody()).containsEntry("number", "W001");
		assertThat(clerk.post("/api/queue/check-ins", Map.of("caseNo", caseNo)).getBody()).containsEntry("number", "Y001");
		assertThat(agentA.get("/api/bookings/" + booking).getBody()).containsEntry("window", null);

		// the walk-ins' window calls walk-ins only; the appointment waits for a signing window
		assertThat(clerk.post("/api/queue/SY/calls", Map.of("window", 1)).getBody()).containsEntry("number", "W001");
		assertThat(clerk.post("/api/queue/SY/calls", Map.of("window", 1)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(clerk.post("/api/queue/SY/calls", Map.of("window", 2)).getBody()).containsEntry("number", "Y001")
			.containsEntry("window", 2);
		assertThat(agentA.get("/api/bookings/" + booking).getBody()).containsEntry("window", 2)
			.containsEntry("status", "CHECKED_IN");

		// the calling screen: 请 Y001 到 2 号窗口
		assertThat(Api.anonymous(this.http).get("/hall/screen/board?branch=SY").getBody().toString())
			.contains("number=Y001, window=2");
		String screen = this.http.getForObject("/hall/screen?branch=SY", String.class);
		assertThat(screen).contains("data-please=\"请\"").contains("data-window=\"到 {0} 号窗口\"");
	}

	private Api clerk() {
		return Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
	}

}
