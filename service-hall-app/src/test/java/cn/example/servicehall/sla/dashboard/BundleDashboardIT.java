package cn.example.servicehall.sla.dashboard;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 一件事 on the managers' dashboard, measured as bundles (issue 14): retirement bundles run through the API as the
 * counter does them, one on the spot, one whose refused part waits past the bundle's 5 working days, one cancelled,
 * one whose citizen came twice. The bundle's own clock runs from acceptance to completion against the catalogue's
 * limit; a case counts once in and out and once for the one-visit rate whatever its parts; the agencies' step clocks
 * on bundle cases are reported per agency. Every figure equals an independent query over the raw cases, visits and
 * clocks, for two periods.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class BundleDashboardIT {

	private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

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
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void bundlesAreCountedAsBundlesAndEveryFigureMatchesAnIndependentQuery() throws Exception {
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER));

		// on the spot: accepted and completed within minutes
		at(MONDAY);
		String onTheSpot = submit(clerk, WithdrawalFixtures.retired(this.jdbc, "计一次"));
		// sent to a reviewer who refuses it nine days later; the citizen goes on without the part: completed late
		String late = submit(clerk, sentToReview("计超时"));
		// the citizen comes back to ask (a second visit); refused and continued the same morning
		at(MONDAY.plusMinutes(30));
		String twice = submit(clerk, sentToReview("计两次"));
		at(MONDAY.plusMinutes(45));
		assertThat(clerk.post("/api/cases/" + twice + "/visits", Map.of("purpose", "ENQUIRY"), WithdrawalFixtures.key())
			.getStatusCode().value()).isEqualTo(201);
		refuseAndDecide(reviewer, clerk, twice, "CONTINUE");
		// cancelled the next day
		at(MONDAY.plusDays(1));
		String cancelled = submit(clerk, sentToReview("计撤销"));
		at(MONDAY.plusDays(1).plusHours(1));
		refuseAndDecide(reviewer, clerk, cancelled, "CANCEL");
		at(OffsetDateTime.parse("2026-12-16T10:00:00+08:00"));
		refuseAndDecide(reviewer, clerk, late, "CONTINUE");

		assertThat(statusOf(onTheSpot)).isEqualTo("COMPLETED");
		assertThat(statusOf(late)).isEqualTo("COMPLETED");
		assertThat(statusOf(twice)).isEqualTo("COMPLETED");
		assertThat(statusOf(cancelled)).isEqualTo("CANCELLED");
		// the bundle's own clock: met on the spot, breached past Monday 14 December, not counted when cancelled
		assertThat(bundleClock(onTheSpot)).isEqualTo("MET");
		assertThat(bundleClock(twice)).isEqualTo("MET");
		assertThat(bundleClock(late)).isEqualTo("BREACHED");
		assertThat(bundleClock(cancelled)).isNotIn("MET", "BREACHED");
		assertThat(this.jdbc.sql("select due_at from sla_clock where case_no = ? and definition_id = 'bundle:RETIREMENT'")
			.param(late).query(OffsetDateTime.class).single()).isEqualTo(OffsetDateTime.parse("2026-12-14T17:30:00+08:00"));
		assertThat(this.jdbc.sql("select count(*) from intake_visit where case_no = ?").param(twice).query(Integer.class)
			.single()).isEqualTo(2);

		Api manager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER));
		for (String[] period : List.of(new String[] { "2026-12-01", "2026-12-31" },
				new String[] { "2026-12-07", "2026-12-08" })) {
			ResponseEntity<Map<String, Object>> answer = manager.get("/api/sla/dashboard?from=" + period[0] + "&to="
					+ period[1]);
			assertThat(answer.getStatusCode().value()).isEqualTo(200);
			Map<String, Object> retirement = bundle(answer.getBody(), "RETIREMENT");
			assertThat(retirement).containsEntry("name", "退休一件事").containsEntry("limitWorkingDays", 5);
			assertThat(cases(retirement)).as(period[0] + ".." + period[1])
				.isEqualTo(independentCases(period[0], period[1]));
			assertThat(turnaround(retirement)).as(period[0] + ".." + period[1])
				.isEqualTo(independentTurnaround(period[0], period[1]));
			assertThat(agencies(retirement)).as(period[0] + ".." + period[1])
				.isEqualTo(independentAgencies(period[0], period[1]));
		}
		// the month: our four in, four out, three completed of which two with one visit; one late of three
		Map<String, Object> month = bundle(manager.get("/api/sla/dashboard?from=2026-12-01&to=2026-12-31").getBody(),
				"RETIREMENT");
		assertThat(cases(month).get(0)).isGreaterThanOrEqualTo(4);
		assertThat((Long) turnaround(month).get(0)).isGreaterThanOrEqualTo(3L);

		// the page: a row per bundle with the same figures, and its chart
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/dashboard?from=2026-12-01&to=2026-12-31")
			.with(SignedIn.as(this.registrations, "manager1", "赵", "经理", Groups.HALL_MANAGER)))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<Long> independent = independentCases("2026-12-01", "2026-12-31");
		assertThat(page).contains("id=\"bundles\"", "data-bundle=\"RETIREMENT\"", "退休一件事", "id=\"chart-bundles\"",
				"data-figure=\"in\">" + independent.get(0) + "<", "data-figure=\"completed\">" + independent.get(2) + "<");
	}

	// ------------------------------------------------------------------------------------------------------------

	private static void at(OffsetDateTime now) {
		ClockUtil.setCurrentTime(java.util.Date.from(now.toInstant()));
	}

	private Depositor sentToReview(String name) {
		// above the city's four-eyes amount: the rules send the closing to a reviewer
		Depositor retired = WithdrawalFixtures.depositor(this.jdbc, name, LocalDate.of(1960, 4, 4), true, "250000.00",
				"SEALED");
		this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 4, 4), "TX" + retired.id())
			.update();
		return retired;
	}

	private String submit(Api clerk, Depositor who) {
		return BundleFixtures.submitRetirement(clerk, this.engine, who, "13800138000");
	}

	private void refuseAndDecide(Api reviewer, Api clerk, String caseNo, String decision) {
		ResponseEntity<Map<String, Object>> refused = reviewer.post("/api/withdrawals/" + caseNo + "/review",
				Map.of("outcome", "REJECT", "opinion", "退休证明与社保记录不符"));
		assertThat(refused.getStatusCode().is2xxSuccessful()).as(String.valueOf(refused.getBody())).isTrue();
		runJobs(this.engine, caseNo);
		ResponseEntity<String> decided = clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/after-refusal",
				Map.of("decision", decision));
		assertThat(decided.getStatusCode().is2xxSuccessful()).as(decided.getBody()).isTrue();
		runJobs(this.engine, caseNo);
	}

	private String statusOf(String caseNo) {
		return this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single();
	}

	private String bundleClock(String caseNo) {
		return this.jdbc.sql("select coalesce(outcome, 'RUNNING') from sla_clock where case_no = ? and definition_id = ?")
			.params(caseNo, "bundle:RETIREMENT")
			.query(String.class)
			.single();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> bundle(Map<String, Object> figures, String code) {
		return ((List<Map<String, Object>>) figures.get("bundles")).stream()
			.filter(b -> code.equals(b.get("code")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no bundle " + code + " in " + figures.get("bundles")));
	}

	@SuppressWarnings("unchecked")
	private static List<Long> cases(Map<String, Object> bundle) {
		Map<String, Object> c = (Map<String, Object>) bundle.get("cases");
		return List.of(number(c.get("in")), number(c.get("out")), number(c.get("completed")),
				number(c.get("completedOneVisit")));
	}

	/** clocks, met, median, p90 (as text, to one decimal) of the bundle's own clock; empty when none stopped. */
	@SuppressWarnings("unchecked")
	private static List<Object> turnaround(Map<String, Object> bundle) {
		Map<String, Object> t = (Map<String, Object>) bundle.get("turnaround");
		if (t == null) {
			return List.of();
		}
		return List.of(number(t.get("clocks")), number(t.get("met")), decimal(t.get("median")), decimal(t.get("p90")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<Long>> agencies(Map<String, Object> bundle) {
		Map<String, List<Long>> agencies = new LinkedHashMap<>();
		for (Map<String, Object> a : (List<Map<String, Object>>) bundle.get("agencies")) {
			agencies.put((String) a.get("agency"), List.of(number(a.get("clocks")), number(a.get("met"))));
		}
		return agencies;
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private static String decimal(Object value) {
		return value == null ? "" : new BigDecimal(value.toString()).setScale(1).toPlainString();
	}

	private List<Long> independentCases(String from, String to) {
		return this.jdbc.sql("""
				select count(*) filter (where submitted_day between :from and :to) as cases_in,
				       count(*) filter (where closed_day between :from and :to) as cases_out,
				       count(*) filter (where closed_day between :from and :to and status = 'COMPLETED') as completed,
				       count(*) filter (where closed_day between :from and :to and status = 'COMPLETED'
				                          and (select count(*) from intake_visit v where v.case_no = c.case_no) <= 1)
				           as one_visit
				  from (select *, (submitted_at at time zone 'Asia/Shanghai')::date as submitted_day,
				               (closed_at at time zone 'Asia/Shanghai')::date as closed_day
				          from intake_case where service_type = 'BUNDLE' and service_variant = 'RETIREMENT') c""")
			.param("from", LocalDate.parse(from))
			.param("to", LocalDate.parse(to))
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	private List<Object> independentTurnaround(String from, String to) {
		List<Object> figures = new ArrayList<>();
		this.jdbc.sql("""
				select count(*) as clocks, count(*) filter (where outcome = 'MET') as met,
				       percentile_disc(0.5) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes))
				           / 10 as median,
				       percentile_disc(0.9) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes))
				           / 10 as p90
				  from sla_clock
				 where definition_id = 'bundle:RETIREMENT' and outcome in ('MET', 'BREACHED')
				   and (stopped_at at time zone 'Asia/Shanghai')::date between :from and :to
				having count(*) > 0""")
			.param("from", LocalDate.parse(from))
			.param("to", LocalDate.parse(to))
			.query((rs, row) -> figures.addAll(List.of(rs.getLong("clocks"), rs.getLong("met"),
					rs.getBigDecimal("median").setScale(1).toPlainString(),
					rs.getBigDecimal("p90").setScale(1).toPlainString())))
			.list();
		return figures;
	}

	private Map<String, List<Long>> independentAgencies(String from, String to) {
		Map<String, List<Long>> agencies = new LinkedHashMap<>();
		this.jdbc.sql("""
				select agency, count(*), count(*) filter (where outcome = 'MET')
				  from sla_clock
				 where kind = 'STEP' and outcome in ('MET', 'BREACHED')
				   and case_no in (select case_no from intake_case where service_type = 'BUNDLE'
				                                                      and service_variant = 'RETIREMENT')
				   and (stopped_at at time zone 'Asia/Shanghai')::date between :from and :to
				 group by agency order by agency""")
			.param("from", LocalDate.parse(from))
			.param("to", LocalDate.parse(to))
			.query((rs, row) -> agencies.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3))))
			.list();
		return agencies;
	}

}
