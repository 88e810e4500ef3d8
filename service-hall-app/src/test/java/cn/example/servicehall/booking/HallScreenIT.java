package cn.example.servicehall.booking;

import static cn.example.servicehall.booking.BookingFixtures.at;
import static cn.example.servicehall.booking.BookingFixtures.book;
import static cn.example.servicehall.booking.BookingFixtures.newHouseCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.TestTokens;

/** 叫号屏: the hall's calling screen, open without signing in, shows each number called as it is called. */
@ServiceHallIntegrationTest
class HallScreenIT {

	@LocalServerPort
	private int port;

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
	void theCallingScreenShowsANumberTheMomentAClerkCallsIt() {
		at("2026-03-10T10:00");
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", BookingFixtures.COMPANY_A));
		String caseNo = newHouseCase(agentA, this.jdbc, this.http, this.engine);
		book(agentA, caseNo, "JF", "2026-03-11T09:00");
		at("2026-03-11T08:45");
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		assertThat(clerk.post("/api/queue/check-ins", Map.of("caseNo", caseNo)).getBody()).containsEntry("number", "Y001");

		try (Browser browser = Browser.open()) {
			browser.driver().get("http://localhost:" + this.port + "/hall/screen?branch=JF");
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("解放区管理部");
			browser.waiting(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("screen-waiting"), "1"));
			((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");

			ResponseEntity<Map<String, Object>> called = clerk.post("/api/queue/JF/calls", Map.of("window", 3));
			assertThat(called.getBody()).containsEntry("number", "Y001");

			browser.waiting(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("screen-current"), "Y001"));
			assertThat(browser.driver().findElement(By.id("screen-current")).getText()).contains("Y001", "3");
			assertThat(browser.driver().findElement(By.id("screen-current")).getText()).contains("号窗口");
			assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true;"))
				.as("updated in place, not by reloading the page").isEqualTo(true);
			// numbers and windows only: no name, no ID number, no case number
			assertThat(browser.driver().getPageSource()).doesNotContain("钱七", caseNo);
		}

		// the board behind it: read-only, public, cached by its ETag
		ResponseEntity<String> board = this.http.getForEntity("/hall/screen/board?branch=JF", String.class);
		assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(board.getBody()).contains("Y001").doesNotContain("钱七", caseNo);
		HttpHeaders ifNoneMatch = new HttpHeaders();
		ifNoneMatch.setIfNoneMatch(board.getHeaders().getETag());
		assertThat(this.http.exchange("/hall/screen/board?branch=JF", HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(ifNoneMatch), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(this.http.getForEntity("/hall/screen/board?branch=NOPE", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

}
