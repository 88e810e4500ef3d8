package cn.example.servicehall.platform.time;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.TrustTestTokens;

/**
 * A development hall whose clock is set to stand at 16:30 on Friday 13 February 2026, the last working afternoon
 * before the Spring Festival (the make-up Saturday follows): the hall's own clock (not the tests' {@code EngineClock})
 * and the engine's stand there, a case accepted then carries that date and its due dates run across the festival, and
 * every page says the clock is not the real time. Its own context, closed after the class, so that the engine's clock
 * is the real one again for the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "servicehall.clock.fixed=2026-02-13T16:30:00+08:00")
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TrustTestTokens.class)
@AutoConfigureMockMvc
@DirtiesContext
class MovedClockIT {

	private static final OffsetDateTime FIXED = OffsetDateTime.parse("2026-02-13T16:30:00+08:00");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private Clock clock;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@AfterAll
	static void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aCaseAcceptedUnderTheSettingCarriesItsDateAndItsDueDatesCrossTheSpringFestival() {
		assertThat(this.clock.instant()).isEqualTo(FIXED.toInstant());
		assertThat(ClockUtil.now().toInstant()).isEqualTo(FIXED.toInstant());

		String caseNo = submit(this.http, newResaleApplication());
		assertThat(caseNo).startsWith("DK20260213");
		assertThat(this.jdbc.sql("select submitted_at from intake_case where case_no = ?").param(caseNo)
			.query(OffsetDateTime.class).single().toInstant()).isEqualTo(FIXED.toInstant());
		assertThat(Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/applications/" + caseNo + "/acceptance", allMaterials(true))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jdbc.sql("select occurred_at from intake_case_event where case_no = ? and action = 'ACCEPTED'")
			.param(caseNo).query(OffsetDateTime.class).single().toInstant()).isEqualTo(FIXED.toInstant());

		// the engine's history and due dates: the acceptance opened at 16:30 and was due two working hours later,
		// 09:30 on the make-up Saturday; the bank's review, opened now, is due at the close of that Saturday
		runJobs(this.engine, caseNo);
		List<Task> open = this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).list();
		assertThat(open).extracting(Task::getTaskDefinitionKey).contains("Task_ReviewCredit");
		Task review = open.stream().filter(t -> t.getTaskDefinitionKey().equals("Task_ReviewCredit")).findFirst().orElseThrow();
		assertThat(review.getCreateTime().toInstant()).isEqualTo(FIXED.toInstant());
		assertThat(review.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-02-14T17:30:00+08:00").toInstant());
		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getStartTime().toInstant()).isEqualTo(FIXED.toInstant());
		assertThat(this.engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("Task_AcceptApplication").singleResult().getDueDate().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-02-14T09:30:00+08:00").toInstant());
	}

	@Test
	void everyPageSaysTheClockIsNotTheRealTime() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(oidcLogin()
			.clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject("clerk1")
				.claim("preferred_username", "clerk1")
				.claim("family_name", "王")
				.claim("given_name", "晓明")
				.claim("groups", List.of("hpf-acceptance-clerk")))
			.userInfoToken(info -> info.claim("preferred_username", "clerk1"))
			.authorities(new SimpleGrantedAuthority("hpf-acceptance-clerk")))).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);

		assertThat(HtmlPage.parse(body).get("#clock-moved").text())
			.isEqualTo("培训/测试时钟： 系统时间固定为 2026-02-13 16:30，不随真实时间走动。 办理时间、到期时间和文书日期都按此时间，仅用于开发、测试和培训。");
	}

}
