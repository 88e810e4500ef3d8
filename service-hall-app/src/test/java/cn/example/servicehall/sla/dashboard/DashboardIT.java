package cn.example.servicehall.sla.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * The managers' dashboard on a generated history (3,000 cases over three months of 2025, every branch, generated
 * with the triggers on, as the hall would have counted them case by case): every figure it shows is checked against
 * an independent query over the raw cases, visits and clocks, for several periods, agencies and branches. The
 * rollups rebuilt in bulk must equal what the triggers kept. The engine's clock stands at the end of the history, so
 * that the clocks still running are yellow or red.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

	private static final LocalDate FIRST = LocalDate.parse("2025-03-03");

	private static final LocalDate LAST = LocalDate.parse("2025-05-30");

	/** Friday 2025-05-30, 16:00 in the hall. */
	private static final Instant NOW = Instant.parse("2025-05-30T08:00:00Z");

	@Autowired
	private HistoryGenerator generator;

	@Autowired
	private Dashboard dashboard;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	private HistoryGenerator.Generated generated;

	@BeforeAll
	void generate() {
		this.generated = this.generator.generate(new HistoryGenerator.Plan(3000, FIRST, LAST, 20250303L, true));
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterAll
	void removeTheHistory() {
		ClockUtil.reset();
		assertThat(this.generator.deleteGenerated()).isEqualTo(3000);
	}

	@Test
	void theHistoryHasEveryServiceBranchAndOutcome() {
		assertThat(this.generated.cases()).isEqualTo(3000);
		assertThat(this.generated.clocks()).isGreaterThan(3000);
		Map<String, Long> services = counts("select service_type as k, count(*) as n from intake_case "
				+ "where submitted_by = 'history-generator' group by 1");
		assertThat(services.keySet()).containsExactlyInAnyOrder("WITHDRAWAL", "RESALE_LOAN", "NEW_HOUSE_LOAN");
		assertThat(services.get("WITHDRAWAL")).isBetween(1700L, 2000L);
		assertThat(counts("select branch as k, count(*) as n from intake_case where submitted_by = 'history-generator' "
				+ "group by 1").keySet()).containsExactlyInAnyOrder("HQ", "JF", "SY", "ZZ");
		assertThat(counts("select outcome as k, count(*) as n from sla_clock c join intake_case i using (case_no) "
				+ "where i.submitted_by = 'history-generator' and outcome is not null group by 1"))
			.containsKeys("MET", "BREACHED");
		// generated again with the same seed: the same history
		String before = fingerprint();
		this.generator.generate(new HistoryGenerator.Plan(3000, FIRST, LAST, 20250303L, true));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void everyFigureMatchesAnIndependentQueryOverTheRawTables() {
		List<DashboardQuery> queries = List.of(
				query("2025-03-01", "2025-06-30", null, null), // whole months only
				query("2025-03-15", "2025-05-10", null, "JF"), // days, months and days
				query("2025-04-01", "2025-04-30", Agency.BANK, null),
				query("2025-04-07", "2025-04-20", Agency.REGISTRY, "HQ"), // days within a month
				query("2025-05-19", "2025-06-08", Agency.HPF, "ZZ"));
		for (DashboardQuery query : queries) {
			DashboardFigures figures = this.dashboard.figures(query);
			String as = query.asParameters();

			Map<String, Long> cases = independentCases(query);
			assertThat(figures.cases().in()).as(as).isEqualTo(cases.get("cases_in")).isPositive();
			assertThat(figures.cases().online()).as(as).isEqualTo(cases.get("online"));
			assertThat(figures.cases().out()).as(as).isEqualTo(cases.get("cases_out"));
			assertThat(figures.cases().completed()).as(as).isEqualTo(cases.get("completed"));
			assertThat(figures.cases().completedOneVisit()).as(as).isEqualTo(cases.get("one_visit"));

			Map<String, List<Object>> stages = independentStages(query);
			assertThat(figures.stages()).as(as).isNotEmpty();
			assertThat(figures.stages().stream().collect(Collectors.toMap(DashboardFigures.Stage::definitionId,
					s -> List.<Object>of(s.clocks(), s.met(), s.median().orElseThrow(), s.p90().orElseThrow()))))
				.as(as)
				.isEqualTo(stages);
			query.agency()
				.ifPresent(agency -> assertThat(figures.stages()).allSatisfy(s -> assertThat(s.agency()).isEqualTo(agency)));

			assertThat(figures.weeks().stream()
				.filter(w -> w.casesIn() + w.casesOut() + w.clocks() > 0)
				.collect(Collectors.toMap(w -> w.monday().toString(),
						w -> List.of(w.casesIn(), w.online(), w.casesOut(), w.clocks(), w.met())))).as(as)
				.isEqualTo(independentWeeks(query));

			long[] live = independentLive(query);
			assertThat(new long[] { figures.live().yellow(), figures.live().red() }).as(as).isEqualTo(live);
			assertThat(figures.live().clocks()).hasSize((int) Math.min(Dashboard.LIVE_LIST_SIZE, live[0] + live[1]));
		}
		// the live list at the end of the history has both colours, red first
		DashboardFigures all = this.dashboard.figures(query("2025-03-01", "2025-05-30", null, null));
		assertThat(all.live().yellow()).isPositive();
		assertThat(all.live().red()).isPositive();
		assertThat(all.live().clocks().get(0).colour()).isEqualTo(cn.example.servicehall.sla.SlaClock.Colour.RED);
		assertThat(all.cases().onlineShare().percent()).get().satisfies(p -> assertThat(p).isBetween(
				new BigDecimal("30"), new BigDecimal("60")));
	}

	@Test
	void theRollupsRebuiltInBulkEqualWhatTheTriggersKept() {
		String kept = rollups();
		this.jdbc.sql("select sla_dashboard_rebuild()").query(Object.class).list();
		assertThat(rollups()).isEqualTo(kept).contains("RESALE_LOAN");
	}

	@Test
	void theApiAnswersManagersOnlyAndExplainsAWrongQuery() {
		Api manager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER));
		ResponseEntity<Map<String, Object>> answer = manager.get("/api/sla/dashboard?from=2025-04-01&to=2025-04-30&branch=SY");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		DashboardFigures figures = this.dashboard.figures(query("2025-04-01", "2025-04-30", null, "SY"));
		@SuppressWarnings("unchecked")
		Map<String, Object> cases = (Map<String, Object>) answer.getBody().get("cases");
		assertThat(((Number) cases.get("in")).longValue()).isEqualTo(figures.cases().in());
		assertThat(cases.get("onlineShare")).isEqualTo(Map.of("count", (int) figures.cases().online(), "total",
				(int) figures.cases().in(), "percent", figures.cases().onlineShare().percent().orElseThrow().doubleValue()));
		assertThat(answer.getBody().get("stages")).asList().hasSize(figures.stages().size());

		ResponseEntity<Map<String, Object>> wrong = manager.get("/api/sla/dashboard?from=2025-04-31&to=2025-04-01&branch=XX");
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(wrong.getBody()).containsEntry("type", "/problems/invalid-dashboard-query");
		assertThat((String) wrong.getBody().get("detail")).contains("开始日期「2025-04-31」不是有效日期")
			.contains("没有代码为 XX 的网点");

		assertThat(Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.get("/api/sla/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void thePageShowsTheFiguresAndExportsThemAsCsvAndExcel() throws Exception {
		DashboardFigures figures = this.dashboard.figures(query("2025-04-01", "2025-04-30", null, null));
		DashboardFigures.Stage first = figures.stages().get(0);

		String page = page("/dashboard?from=2025-04-01&to=2025-04-30", manager(), 200);
		assertThat(page).contains("管理看板")
			.contains("id=\"kpi-in\">" + figures.cases().in() + "<")
			.contains("id=\"kpi-one-visit\">" + figures.cases().oneVisitRate().percent().orElseThrow() + "%<")
			.contains("id=\"kpi-red\">" + figures.live().red() + "<")
			.contains("data-stage=\"" + first.definitionId() + "\"")
			.contains("/_static/echarts/6.0.0/dist/echarts.min.js")
			.contains("id=\"dashboard-data\"")
			.contains("export.xlsx?from=2025-04-01&amp;to=2025-04-30");
		assertThat(page("/dashboard?from=2025-04-01&to=2025-04-30", signedIn("clerk1", "hpf-acceptance-clerk"), 403))
			.contains("管理看板供大厅管理人员使用");
		assertThat(page("/dashboard?from=yesterday", manager(), 400)).contains("开始日期「yesterday」不是有效日期");
		assertThat(this.mvc.perform(get("/_static/echarts/6.0.0/dist/echarts.min.js")).andReturn().getResponse()
			.getStatus()).isEqualTo(200);

		MvcResult csv = this.mvc.perform(get("/dashboard/export.csv?from=2025-04-01&to=2025-04-30").with(manager()))
			.andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF概况").contains("收件数," + figures.cases().in() + "\r\n")
			.contains(first.name() + ",")
			.contains("," + first.clocks() + "," + first.met() + ",");

		MvcResult xlsx = this.mvc.perform(get("/dashboard/export.xlsx?from=2025-04-01&to=2025-04-30").with(manager()))
			.andReturn();
		assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains("dashboard-2025-04-01-2025-04-30.xlsx");
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheets().map(s -> s.getName()).toList()).containsExactly("概况", "环节时限", "一件事一次办", "周趋势",
					"预警清单");
			// a row per bundle on offer (the generated history has no bundle cases: every count 0)
			List<Row> bundleRows = workbook.getSheets().toList().get(2).read();
			assertThat(bundleRows).hasSize(figures.bundles().size() + 1);
			assertThat(bundleRows.stream().map(row -> row.getCellText(0)).toList()).contains("退休一件事");
			List<Row> stageRows = workbook.getSheets().toList().get(1).read();
			assertThat(stageRows.get(1).getCellText(0)).isEqualTo(first.name());
			assertThat(stageRows.get(1).getCellAsNumber(3)).contains(BigDecimal.valueOf(first.clocks()));
			assertThat(stageRows.get(1).getCellAsNumber(6)).contains(first.median().orElseThrow());
			assertThat(stageRows).hasSize(figures.stages().size() + 1);
		}
	}

	// ------------------------------------------------------------------------------------------------------------

	private static DashboardQuery query(String from, String to, Agency agency, String branch) {
		return new DashboardQuery(LocalDate.parse(from), LocalDate.parse(to), Optional.ofNullable(agency),
				Optional.ofNullable(branch));
	}

	private Map<String, Object> params(DashboardQuery query) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", query.from());
		params.put("to", query.to());
		params.put("branch", query.branch().orElse(""));
		params.put("agency", query.agency().map(Enum::name).orElse(""));
		params.put("now", OffsetDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC));
		return params;
	}

	private Map<String, Long> independentCases(DashboardQuery query) {
		return this.jdbc.sql("""
				select count(*) filter (where submitted_day between :from and :to) as cases_in,
				       count(*) filter (where submitted_day between :from and :to and channel = 'ONLINE') as online,
				       count(*) filter (where closed_day between :from and :to) as cases_out,
				       count(*) filter (where closed_day between :from and :to and status = 'COMPLETED') as completed,
				       count(*) filter (where closed_day between :from and :to and status = 'COMPLETED'
				                          and (select count(*) from intake_visit v where v.case_no = c.case_no) <= 1)
				           as one_visit
				  from (select *, (submitted_at at time zone 'Asia/Shanghai')::date as submitted_day,
				               (closed_at at time zone 'Asia/Shanghai')::date as closed_day
				          from intake_case) c
				 where (:branch = '' or branch = :branch)""")
			.params(params(query))
			.query((rs, row) -> Map.of("cases_in", rs.getLong("cases_in"), "online", rs.getLong("online"),
					"cases_out", rs.getLong("cases_out"), "completed", rs.getLong("completed"), "one_visit",
					rs.getLong("one_visit")))
			.single();
	}

	private Map<String, List<Object>> independentStages(DashboardQuery query) {
		Map<String, List<Object>> stages = new LinkedHashMap<>();
		this.jdbc.sql("""
				select definition_id, count(*) as clocks, count(*) filter (where outcome = 'MET') as met,
				       percentile_disc(0.5) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes))
				           / 10 as median,
				       percentile_disc(0.9) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes))
				           / 10 as p90
				  from sla_clock
				 where outcome in ('MET', 'BREACHED')
				   and (stopped_at at time zone 'Asia/Shanghai')::date between :from and :to
				   and (:branch = '' or branch = :branch) and (:agency = '' or agency = :agency)
				 group by definition_id""")
			.params(params(query))
			.query((rs, row) -> stages.put(rs.getString("definition_id"), List.of(rs.getLong("clocks"),
					rs.getLong("met"), rs.getBigDecimal("median").setScale(1), rs.getBigDecimal("p90").setScale(1))))
			.list();
		return stages;
	}

	private Map<String, List<Long>> independentWeeks(DashboardQuery query) {
		Map<String, long[]> weeks = new LinkedHashMap<>();
		this.jdbc.sql("""
				select date_trunc('week', d)::date as monday, sum(i) as cases_in, sum(o) as online, sum(x) as cases_out
				  from (select (submitted_at at time zone 'Asia/Shanghai')::date as d, 1 as i,
				               case when channel = 'ONLINE' then 1 else 0 end as o, 0 as x
				          from intake_case where (:branch = '' or branch = :branch)
				        union all
				        select (closed_at at time zone 'Asia/Shanghai')::date, 0, 0, 1
				          from intake_case where closed_at is not null and (:branch = '' or branch = :branch)) c
				 where d between :from and :to
				 group by 1""")
			.params(params(query))
			.query((rs, row) -> {
				long[] week = weeks.computeIfAbsent(rs.getObject("monday", LocalDate.class).toString(), m -> new long[5]);
				week[0] = rs.getLong("cases_in");
				week[1] = rs.getLong("online");
				week[2] = rs.getLong("cases_out");
				return week;
			})
			.list();
		this.jdbc.sql("""
				select date_trunc('week', (stopped_at at time zone 'Asia/Shanghai')::date)::date as monday,
				       count(*) as clocks, count(*) filter (where outcome = 'MET') as met
				  from sla_clock
				 where outcome in ('MET', 'BREACHED')
				   and (stopped_at at time zone 'Asia/Shanghai')::date between :from and :to
				   and (:branch = '' or branch = :branch) and (:agency = '' or agency = :agency)
				 group by 1""")
			.params(params(query))
			.query((rs, row) -> {
				long[] week = weeks.computeIfAbsent(rs.getObject("monday", LocalDate.class).toString(), m -> new long[5]);
				week[3] = rs.getLong("clocks");
				week[4] = rs.getLong("met");
				return week;
			})
			.list();
		Map<String, List<Long>> result = new HashMap<>();
		weeks.forEach((monday, w) -> result.put(monday, Arrays.stream(w).boxed().toList()));
		return result;
	}

	private long[] independentLive(DashboardQuery query) {
		return this.jdbc.sql("""
				select count(*) filter (where due_at > :now) as yellow, count(*) filter (where due_at <= :now) as red
				  from sla_clock
				 where stopped_at is null and not paused and not excluded and yellow_at <= :now
				   and (:branch = '' or branch = :branch) and (:agency = '' or agency = :agency)""")
			.params(params(query))
			.query((rs, row) -> new long[] { rs.getLong("yellow"), rs.getLong("red") })
			.single();
	}

	private String rollups() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.sql("select concat_ws('|', day, branch, service_type, cases_in, online_in, cases_out, "
				+ "completed, completed_one_visit) from sla_case_day where day between '2025-01-01' and '2025-12-31' "
				+ "and (cases_in + cases_out) > 0 order by 1").query(String.class).list());
		rows.addAll(this.jdbc.sql("select concat_ws('|', day, branch, definition_id, clocks, met) from sla_stage_day "
				+ "where day between '2025-01-01' and '2025-12-31' and clocks > 0 order by 1").query(String.class).list());
		rows.addAll(this.jdbc.sql("select concat_ws('|', grain, period, branch, definition_id, bucket, clocks) "
				+ "from sla_stage_histogram where period between '2025-01-01' and '2025-12-31' and clocks > 0 order by 1")
			.query(String.class)
			.list());
		return String.join("\n", rows);
	}

	private String fingerprint() {
		return this.jdbc.sql("""
				select md5(string_agg(concat_ws('|', c.case_no, c.service_type, c.channel, c.status, c.branch,
				                                c.applicant_id_no, c.submitted_at, c.closed_at), ',' order by c.case_no))
				       || md5((select string_agg(concat_ws('|', case_no, definition_id, elapsed_minutes, outcome, stopped_at),
				                                 ',' order by case_no, definition_id)
				                 from sla_clock where case_no in (select case_no from intake_case
				                                                  where submitted_by = 'history-generator')))
				  from intake_case c where c.submitted_by = 'history-generator'""")
			.query(String.class)
			.single();
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
		return counts;
	}

	private String page(String path, OidcLoginRequestPostProcessor who, int status) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(who)).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		return body;
	}

	private OidcLoginRequestPostProcessor manager() {
		return signedIn("manager1", Groups.HALL_MANAGER);
	}

	private OidcLoginRequestPostProcessor signedIn(String username, String group) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", "高")
				.claim("given_name", "立新")
				.claim("groups", List.of(group)))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(new SimpleGrantedAuthority(group));
	}

}
