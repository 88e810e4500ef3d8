package cn.example.servicehall.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;

/** Cases to book for, and the hall's time set to a moment in Shanghai. */
final class BookingFixtures {

	static final String COMPANY_A = "91350100M000100Y43";

	static final String COMPANY_B = "91110000600037341L";

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private BookingFixtures() {
	}

	/** The hall's (and the engine's) time: {@code 2026-02-11T10:00} in Shanghai. */
	static void at(String shanghaiTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant()));
	}

	/** A slot's start as the API writes it: {@code 2026-02-13T09:00+08:00}. */
	static String slot(String shanghaiTime) {
		return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toOffsetDateTime()
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** A new-house application submitted online by company A's agent, its contract filed: its case number. */
	@SuppressWarnings("unchecked")
	static String submittedNewHouseCase(Api agent, JdbcClient jdbc) {
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(jdbc, NewHouseSales.COMPANY_A, "钱七", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
	}

	/**
	 * A new-house case of company A accepted, reviewed and approved by the fund centre: it waits for the buyer's signing
	 * appointment, the only case a signing slot can be booked for. Its case number.
	 */
	static String newHouseCase(Api agent, JdbcClient jdbc, TestRestTemplate http, ProcessEngine engine) {
		String caseNo = submittedNewHouseCase(agent, jdbc);
		String path = "/api/loan/applications/" + caseNo;
		ok(Api.as(http, TestTokens.user("clerk1", "hpf-acceptance-clerk")).post(path + "/acceptance",
				NewHouseSales.everyMaterialProvided()));
		LoanFixtures.runJobs(engine, caseNo);
		ok(Api.as(http, TestTokens.user("reviewer1", "hpf-first-reviewer")).post(path + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")));
		ok(Api.as(http, TestTokens.user("approver1", "hpf-approver")).post(path + "/approval",
				Map.of("outcome", "APPROVE", "opinion", "同意")));
		return caseNo;
	}

	private static void ok(ResponseEntity<Map<String, Object>> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
	}

	static Map<String, Object> booking(String caseNo, String branch, String shanghaiStart) {
		return Map.of("caseNo", caseNo, "branch", branch, "startsAt", slot(shanghaiStart), "phoneNumber", "13812345678");
	}

	/** Books and answers the booking's id. */
	static long book(Api api, String caseNo, String branch, String shanghaiStart) {
		ResponseEntity<Map<String, Object>> booked = api.post("/api/bookings", booking(caseNo, branch, shanghaiStart),
				UUID.randomUUID().toString());
		assertThat(booked.getStatusCode()).as(String.valueOf(booked.getBody())).isEqualTo(HttpStatus.CREATED);
		return ((Number) booked.getBody().get("id")).longValue();
	}

}
