package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/**
 * 预约面签 on the sales office's pages: once the loan is approved the case page offers the appointment; the agent picks a
 * branch's working day and a slot with seats free, gives the buyer's mobile number, books, moves the booking to another
 * slot and cancels it, each said in words on the page and kept in the booking tables. Before approval there is nothing
 * to book (a booking sent anyway is refused in words), and a refusal (a number that is not a mobile number) is said
 * on the page with nothing booked.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class SalesOfficeSigningPagesIT {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void theAgentBooksMovesAndCancelsTheBuyersSigningSlotOnceTheLoanIsApproved() throws Exception {
		// Monday 2026-03-09, 10:00: slots are offered from Tuesday on
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-09T10:00").atZone(SHANGHAI).toInstant()));
		String caseNo = submitted();
		String casePage = "/sales-office/cases/" + caseNo;

		// before approval: no link, and the signing page says why
		assertThat(HtmlPage.parse(page(get(casePage), 200)).all("#signing-link")).isEmpty();
		assertThat(HtmlPage.parse(page(get(casePage + "/signing"), 200)).get("#signing-not-yet").text())
			.isEqualTo("贷款审批通过后方可预约面签。");

		MvcResult tooEarly = this.mvc.perform(post(casePage + "/signing").with(agent()).with(csrf()).param("branch", "ZZ")
			.param("startsAt", "2026-03-10T08:30+08:00").param("phoneNumber", "13812345678")).andReturn();
		assertThat(tooEarly.getFlashMap().get("flashProblem")).asString().contains("现在不能预约面签");
		assertThat(bookings(caseNo, "BOOKED")).isZero();

		approve(caseNo);
		HtmlPage approved = HtmlPage.parse(page(get(casePage), 200));
		assertThat(approved.get("#signing-link").text()).isEqualTo("预约面签");

		HtmlPage signing = HtmlPage.parse(page(get(casePage + "/signing"), 200));
		assertThat(signing.all("#officer-name")).as("the header names who is signed in").hasSize(1);
		assertThat(signing.get("#signing-day option[selected]").attr("value")).isEqualTo("2026-03-10");
		assertThat(signing.all("#signing-slots li")).isNotEmpty();
		String first = signing.all("#signing-slots li").get(0).attr("data-starts-at");
		String second = signing.all("#signing-slots li").get(1).attr("data-starts-at");
		assertThat(first).startsWith("2026-03-10T");
		String branch = signing.get("#signing-form input[name=branch]").attr("value");

		// a number that is not a mobile number: said on the page, nothing booked
		MvcResult refused = this.mvc.perform(post(casePage + "/signing").with(agent()).with(csrf())
			.param("branch", branch).param("startsAt", first).param("phoneNumber", "0391-1234567")).andReturn();
		assertThat(refused.getFlashMap().get("flashProblem")).asString().contains("手机号码");
		assertThat(bookings(caseNo, "BOOKED")).isZero();

		// booked: back on the case page with the slot in words; the link now offers to change it
		MvcResult booked = this.mvc.perform(post(casePage + "/signing").with(agent()).with(csrf())
			.param("branch", branch).param("startsAt", first).param("phoneNumber", "13812345678")).andReturn();
		assertThat(booked.getResponse().getRedirectedUrl()).isEqualTo(casePage);
		assertThat(booked.getFlashMap().get("flashKey")).isEqualTo("workbench.signing.flash.booked");
		assertThat(bookings(caseNo, "BOOKED")).isEqualTo(1);
		assertThat(HtmlPage.parse(page(get(casePage), 200)).get("#signing-link").text()).isEqualTo("查看或更改面签预约");
		HtmlPage current = HtmlPage.parse(page(get(casePage + "/signing"), 200));
		assertThat(current.get("#signing-booked").text()).contains("2026-03-10").contains("09:00");
		assertThat(current.get("#signing-current").text()).contains("138****5678");
		assertThat(current.all("#signing-phone")).as("a move keeps the number given").isEmpty();
		assertThat(current.get("#signing-submit").text()).isEqualTo("改约到所选时段");

		// moved to the next slot: still one booking, at the new time
		this.mvc.perform(post(casePage + "/signing").with(agent()).with(csrf()).param("branch", branch)
			.param("startsAt", second));
		assertThat(bookings(caseNo, "BOOKED")).isEqualTo(1);
		assertThat(this.jdbc.sql("select to_char(slot_starts_at at time zone 'Asia/Shanghai', 'HH24:MI') from booking "
				+ "where case_no = ? and status = 'BOOKED'").param(caseNo).query(String.class).single())
			.isEqualTo(second.substring(11, 16));

		// cancelled: nothing waiting; the page offers a new booking again
		MvcResult cancelled = this.mvc.perform(post(casePage + "/signing/cancellation").with(agent()).with(csrf()))
			.andReturn();
		assertThat(cancelled.getFlashMap().get("flashKey")).isEqualTo("workbench.signing.flash.cancelled");
		assertThat(bookings(caseNo, "BOOKED")).isZero();
		assertThat(HtmlPage.parse(page(get(casePage + "/signing"), 200)).all("#signing-current")).isEmpty();

		// another company's agent finds nothing here
		MvcResult other = this.mvc.perform(get(casePage + "/signing")
			.with(SignedIn.developerAgent(this.registrations, "agent-b", NewHouseSales.COMPANY_B))).andReturn();
		assertThat(other.getResponse().getStatus()).isEqualTo(404);
	}

	private String submitted() {
		Api agent = Api.as(this.http, TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A));
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "孙八", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		return caseNo;
	}

	private void approve(String caseNo) {
		String path = "/api/loan/applications/" + caseNo;
		ok(staff("clerk1", "hpf-acceptance-clerk").post(path + "/acceptance", NewHouseSales.everyMaterialProvided()));
		runJobs(this.engine, caseNo);
		ok(staff("reviewer1", "hpf-first-reviewer").post(path + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")));
		ok(staff("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
	}

	private Api staff(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private static void ok(ResponseEntity<Map<String, Object>> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
	}

	private OidcLoginRequestPostProcessor agent() {
		return SignedIn.developerAgent(this.registrations, "agent-a", NewHouseSales.COMPANY_A);
	}

	private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(agent())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int bookings(String caseNo, String status) {
		return this.jdbc.sql("select count(*) from booking where case_no = ? and status = ?").params(caseNo, status)
			.query(Integer.class).single();
	}

}
