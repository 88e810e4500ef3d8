package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * The managers' dashboard per withdrawal type: a retirement withdrawal at the counter and a rent withdrawal from the
 * online hall, both decided by the rules and completed, show under 公积金提取 as one case each of their type, the
 * rent one online; the online share (离柜率) of withdrawals is one in two. On a day no other test uses.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class WithdrawalDashboardIT {

	/**
	 * A Wednesday in office hours, Beijing time; in the past, so that the development keys, if this test is the first
	 * to sign (they are made valid from the hall's time), are valid for the tests after it.
	 */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-18T10:00:00+08:00");

	private static final String DAY = "from=2026-11-18&to=2026-11-18";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	@Test
	void theDashboardCountsWithdrawalsPerTypeAndTheOnlineShareOfEach() throws Exception {
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		Api online = Api.as(this.http, TestTokens.user("service-account-online-hall-system", Groups.ONLINE_HALL));

		Map<String, Object> retirement = WithdrawalFixtures.retirement(WithdrawalFixtures.retired(this.jdbc, "孙看板"));
		retirement.put("materials", WithdrawalFixtures
			.allMaterials(clerk.post("/api/withdrawals/assessment", retirement).getBody()));
		String atTheCounter = submitted(clerk, retirement);
		String fromHome = submitted(online, WithdrawalFixtures.rent(WithdrawalFixtures.renter(this.jdbc, "钱看板")));
		runJobs(this.engine, atTheCounter);
		runJobs(this.engine, fromHome);
		assertThat(this.jdbc.sql("select count(*) from intake_case where case_no in (?, ?) and status = 'COMPLETED'")
			.params(atTheCounter, fromHome).query(Integer.class).single()).isEqualTo(2);

		Api manager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER));
		Map<String, Object> figures = manager.get("/api/sla/dashboard?" + DAY).getBody();
		Map<String, Object> withdrawals = service(figures, "WITHDRAWAL");
		assertThat(withdrawals).containsEntry("name", "住房公积金提取");
		assertThat(cases(withdrawals)).containsEntry("in", 2).containsEntry("online", 1).containsEntry("out", 2)
			.containsEntry("completed", 2).containsEntry("completedOneVisit", 2);
		assertThat(cases(withdrawals).get("onlineShare")).isEqualTo(Map.of("count", 1, "total", 2, "percent", 50.0));
		assertThat(variants(withdrawals)).extracting(v -> v.get("variant")).containsExactly("RETIREMENT", "RENT");

		Map<String, Object> retired = variant(withdrawals, "RETIREMENT");
		assertThat(retired).containsEntry("name", "离休、退休提取");
		assertThat(cases(retired)).containsEntry("in", 1).containsEntry("online", 0).containsEntry("out", 1)
			.containsEntry("completed", 1).containsEntry("completedOneVisit", 1);
		assertThat(cases(retired).get("onlineShare")).isEqualTo(Map.of("count", 0, "total", 1, "percent", 0.0));
		assertThat(cases(retired).get("oneVisitRate")).isEqualTo(Map.of("count", 1, "total", 1, "percent", 100.0));

		Map<String, Object> rent = variant(withdrawals, "RENT");
		assertThat(rent).containsEntry("name", "租房提取");
		assertThat(cases(rent)).containsEntry("in", 1).containsEntry("online", 1).containsEntry("out", 1)
			.containsEntry("completed", 1);
		assertThat(cases(rent).get("onlineShare")).isEqualTo(Map.of("count", 1, "total", 1, "percent", 100.0));

		// the rollups rebuilt from the raw cases say the same
		this.jdbc.sql("select sla_dashboard_rebuild()").query(Object.class).list();
		assertThat(manager.get("/api/sla/dashboard?" + DAY).getBody().get("services")).isEqualTo(figures.get("services"));

		// the page shows each type under its service, and the export lists them
		String page = this.mvc.perform(get("/dashboard?" + DAY).with(SignedIn.as(this.registrations, "manager1", "高",
				"立新", Groups.HALL_MANAGER))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-service=\"WITHDRAWAL\"").contains("data-variant=\"WITHDRAWAL:RETIREMENT\"")
			.contains("离休、退休提取").contains("租房提取");
		assertThat(row(page, "WITHDRAWAL:RENT")).contains(">1<").contains("100.0%");
		assertThat(row(page, "WITHDRAWAL:RETIREMENT")).contains("0.0%");
		String csv = this.mvc.perform(get("/dashboard/export.csv?" + DAY).with(SignedIn.as(this.registrations,
				"manager1", "高", "立新", Groups.HALL_MANAGER))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("住房公积金提取 · 租房提取：收件 / 网上申请 / 办结 / 其中办结,1 / 1 / 1 / 1\r\n")
			.contains("住房公积金提取 · 离休、退休提取：离柜率 / 最多跑一次办结率（%）,0.0 / 100.0\r\n");
	}

	private static String submitted(Api who, Map<String, Object> application) {
		ResponseEntity<Map<String, Object>> created = who.post("/api/withdrawals", application,
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return WithdrawalFixtures.caseNo(created.getBody());
	}

	/** The page's table row of a variant, up to its end. */
	private static String row(String page, String variant) {
		int start = page.indexOf("data-variant=\"" + variant + "\"");
		assertThat(start).as(variant).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(Map<String, Object> figures, String service) {
		return ((List<Map<String, Object>>) figures.get("services")).stream()
			.filter(s -> service.equals(s.get("service")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + service + " in " + figures.get("services")));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> variants(Map<String, Object> service) {
		return (List<Map<String, Object>>) service.get("variants");
	}

	private static Map<String, Object> variant(Map<String, Object> service, String variant) {
		return variants(service).stream().filter(v -> variant.equals(v.get("variant"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cases(Map<String, Object> figures) {
		return (Map<String, Object>) figures.get("cases");
	}

}
