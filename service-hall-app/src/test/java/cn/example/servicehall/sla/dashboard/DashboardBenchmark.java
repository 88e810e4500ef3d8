package cn.example.servicehall.sla.dashboard;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.example.servicehall.ServiceHallApplication;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.TrustTestTokens;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * How fast the managers' dashboard answers over a million historic cases (docs/benchmarks.md). Not a test: a main,
 * run by hand. It starts the hall (no web port, no Keycloak) on its own embedded PostgreSQL under
 * {@code target/benchmark-pgdata}, generates the history there once (kept for later runs), then asks the dashboard
 * for several periods and filters, each many times, and prints the times as a Markdown table. For comparison it times
 * the medians computed from the raw clocks over the same periods.
 * <p>
 * Arguments: [cases=1000000] [rounds=30] [seed=1].
 */
public final class DashboardBenchmark {

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
		// as command-line arguments: they take precedence over application.yml
		try (ConfigurableApplicationContext hall = new SpringApplicationBuilder(ServiceHallApplication.class)
			.initializers(new TrustTestTokens())
			.run("--servicehall.database.embedded.data-dir=target/benchmark-pgdata",
					"--servicehall.database.embedded.port=15499", "--server.port=0",
					"--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER,
					"--servicehall.oidc.client-secret=benchmark",
					"--servicehall.documents.keys.directory=target/benchmark-keys",
					"--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
					"--logging.level.cn.example.servicehall.sla=INFO")) {
			JdbcClient jdbc = hall.getBean(JdbcClient.class);
			WorkingCalendar calendar = hall.getBean(WorkingCalendar.class);
			Dashboard dashboard = hall.getBean(Dashboard.class);
			LocalDate from = LocalDate.of(2025, 1, 1);
			LocalDate to = LocalDate.of(2026, 11, 20);
			long present = jdbc.sql("select count(*) from intake_case where submitted_by = 'history-generator'")
				.query(Long.class)
				.single();
			if (present != cases) {
				HistoryGenerator.Generated generated = hall.getBean(HistoryGenerator.class)
					.generate(new HistoryGenerator.Plan(cases, from, to, seed, false));
				jdbc.sql("vacuum analyze").update();
				System.out.printf("Generated %,d cases, %,d clocks, %,d visits in %s%n", generated.cases(),
						generated.clocks(), generated.visits(), generated.took());
			}
			System.out.println(jdbc.sql("""
					select format('Database: %s cases, %s clocks, %s visits; sla_stage_histogram %s rows; %s on disk',
					              (select count(*) from intake_case), (select count(*) from sla_clock),
					              (select count(*) from intake_visit), (select count(*) from sla_stage_histogram),
					              pg_size_pretty(pg_database_size(current_database())))""").query(String.class).single());
			System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
					+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
					+ ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " processors");

			List<Object[]> scenarios = List.of(
					new Object[] { "last 30 days, all", new DashboardQuery(to.minusDays(29), to, Optional.empty(), Optional.empty()) },
					new Object[] { "last 30 days, branch JF, BANK", new DashboardQuery(to.minusDays(29), to, Optional.of(Agency.BANK), Optional.of("JF")) },
					new Object[] { "2026-03-15 to 2026-06-10, HPF", new DashboardQuery(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 10), Optional.of(Agency.HPF), Optional.empty()) },
					new Object[] { "2025 (a year), all", new DashboardQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Optional.empty(), Optional.empty()) },
					new Object[] { "everything (23 months), all", new DashboardQuery(from, to, Optional.empty(), Optional.empty()) },
					new Object[] { "everything, branch ZZ", new DashboardQuery(from, to, Optional.empty(), Optional.of("ZZ")) });
			for (int i = 0; i < 10; i++) { // warm up the JVM and the database's caches
				for (Object[] s : scenarios) {
					dashboard.figures((DashboardQuery) s[1]);
				}
			}
			System.out.println();
			System.out.println("| Query | cases in | stages | p50 ms | p95 ms | max ms |");
			System.out.println("|---|---:|---:|---:|---:|---:|");
			for (Object[] s : scenarios) {
				List<Long> times = new ArrayList<>();
				DashboardFigures figures = null;
				for (int i = 0; i < rounds; i++) {
					long started = System.nanoTime();
					figures = dashboard.figures((DashboardQuery) s[1]);
					times.add((System.nanoTime() - started) / 1_000_000);
				}
				Collections.sort(times);
				System.out.printf("| %s | %,d | %d | %d | %d | %d |%n", s[0], figures.cases().in(), figures.stages().size(),
						times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
						times.get(times.size() - 1));
			}
			// the same through HTTP, as a page's script or another system would ask: JSON from /api/sla/dashboard
			HttpClient client = HttpClient.newHttpClient();
			String token = TestTokens.user("manager1", Groups.HALL_MANAGER);
			String port = hall.getEnvironment().getProperty("local.server.port");
			System.out.println();
			System.out.println("| GET /api/sla/dashboard (JSON over HTTP) | bytes | p50 ms | p95 ms | max ms |");
			System.out.println("|---|---:|---:|---:|---:|");
			for (Object[] s : List.of(scenarios.get(0), scenarios.get(4))) {
				DashboardQuery q = (DashboardQuery) s[1];
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sla/dashboard?"
						+ q.asParameters())).header("Authorization", "Bearer " + token).build();
				List<Long> times = new ArrayList<>();
				int bytes = 0;
				for (int i = 0; i < rounds + 10; i++) {
					long started = System.nanoTime();
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
					bytes = response.body().length();
					if (i >= 10) {
						times.add((System.nanoTime() - started) / 1_000_000);
					}
				}
				Collections.sort(times);
				System.out.printf("| %s | %,d | %d | %d | %d |%n", s[0], bytes, times.get(times.size() / 2),
						times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1));
			}
			System.out.println();
			System.out.println("For comparison, the medians and 90th percentiles from the raw clocks (percentile_disc):");
			for (Object[] s : List.of(scenarios.get(0), scenarios.get(3), scenarios.get(4))) {
				DashboardQuery q = (DashboardQuery) s[1];
				long started = System.nanoTime();
				jdbc.sql("""
						select definition_id,
						       percentile_disc(0.5) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes)),
						       percentile_disc(0.9) within group (order by ceil(elapsed_minutes::numeric / resolution_minutes))
						  from sla_clock
						 where outcome in ('MET', 'BREACHED')
						   and stopped_at >= (:from::date)::timestamp at time zone 'Asia/Shanghai'
						   and stopped_at < ((:to::date) + 1)::timestamp at time zone 'Asia/Shanghai'
						 group by definition_id""")
					.param("from", q.from())
					.param("to", q.to())
					.query((rs, row) -> rs.getString(1))
					.list();
				System.out.printf("- %s: %d ms%n", s[0], Duration.ofNanos(System.nanoTime() - started).toMillis());
			}
		}
	}

}
