package cn.example.servicehall.workbench;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.example.servicehall.ServiceHallApplication;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.sla.dashboard.HistoryGenerator;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.SyntheticCitizens;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.TrustTestTokens;

/**
 * How fast the start page and the inbox answer on a real day's work, and how tall the start page is
 * (docs/benchmarks.md). Not a test: a main, run by hand. It starts the hall (no Keycloak, job executor off) on its own
 * embedded PostgreSQL under {@code target/pages-benchmark-pgdata}; the first run submits {@code cases} resale
 * applications at the window through the API, each by a different citizen, and accepts all but {@code open} of them,
 * so that the acceptance clerks' inbox holds {@code open} steps; later runs reuse the data. Then it asks each page
 * and API call {@code rounds} times after 30 warm-up rounds and prints p50, p99 and max as a Markdown table: first in
 * the hall's JVM through MockMvc (the whole filter chain, controller, queries and template or JSON, no socket; a page on
 * a signed-in session, the API with a clerk's bearer token), with the calling thread's CPU time besides the wall clock
 * (the database's own work is not in it), then the API over HTTP. Last, headless Chromium lays the start page out at
 * 1280 px and reports its height.
 * <p>
 * With {@code history} above 0, the data also holds that many closed cases of earlier years (the dashboard's history
 * generator), and each kind of search is timed over all of them, with the indexes PostgreSQL used.
 * <p>
 * Arguments: [cases=300] [open=250] [rounds=200] [history=0]; {@code -Dbenchmark.data-dir} and {@code -Dbenchmark.database-port}
 * choose another database (to compare two builds side by side).
 */
public final class PagesBenchmark {

	private static final Path OUT = Path.of("target/pages-benchmark");

	private PagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int open = args.length > 1 ? Integer.parseInt(args[1]) : 250;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		int history = args.length > 3 ? Integer.parseInt(args[3]) : 0;
		try (ConfigurableApplicationContext hall = new SpringApplicationBuilder(ServiceHallApplication.class)
			.initializers(new TrustTestTokens())
			.run("--servicehall.database.embedded.data-dir="
					+ System.getProperty("benchmark.data-dir", "target/pages-benchmark-pgdata"),
					"--servicehall.database.embedded.port=" + System.getProperty("benchmark.database-port", "15497"),
					"--server.port=0",
					"--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER,
					"--servicehall.oidc.client-secret=benchmark",
					"--servicehall.documents.keys.directory=target/benchmark-keys",
					"--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN")) {
			JdbcClient jdbc = hall.getBean(JdbcClient.class);
			String base = "http://localhost:" + hall.getEnvironment().getProperty("local.server.port");
			TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri(base));
			prepare(jdbc, http, cases, open);
			if (history > 0) {
				generateHistory(hall, jdbc, history);
			}
			System.out.println(jdbc.sql("""
					select format('Database: %s cases, %s open steps (%s of the acceptance clerks)',
					              (select count(*) from intake_case), (select count(*) from act_ru_task),
					              (select count(*) from act_ru_task where task_def_key_ = 'Task_AcceptApplication'))""")
				.query(String.class)
				.single());
			System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
					+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
					+ ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " processors");

			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) hall).apply(springSecurity()).build();
			ClientRegistrationRepository registrations = hall.getBean(ClientRegistrationRepository.class);
			String name = SyntheticCitizens.citizen(cases - 1).name();
			String idTail = SyntheticCitizens.citizen(cases - 1).idNumber().substring(14);
			List<String> pages = List.of("/", "/?inbox=5", "/?q=" + name, "/?q=" + idTail);
			List<String> calls = List.of("/api/tasks", "/api/tasks?size=20", "/api/tasks?q=" + name, "/api/cases",
					"/api/cases?q=" + name);

			Supplier<RequestPostProcessor> session = () -> SignedIn.as(registrations, "clerk1", "王", "晓明",
					Groups.HPF_ACCEPTANCE_CLERK);
			Supplier<RequestPostProcessor> bearer = () -> request -> {
				request.addHeader("Authorization", "Bearer " + TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
				return request;
			};
			for (int i = 0; i < 30; i++) { // every request once round, 30 times: the JIT and the caches warm for all
				for (String page : pages) {
					mvc.perform(get(URI.create(encode(page))).with(session.get())).andReturn();
				}
				for (String call : calls) {
					mvc.perform(get(URI.create(encode(call))).with(bearer.get())).andReturn();
				}
			}
			System.out.println();
			System.out.println("| Request (clerk1, " + open + " open steps) | bytes | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |");
			System.out.println("|---|---:|---:|---:|---:|---:|---:|");
			String home = null;
			for (String page : pages) {
				String body = inTheJvm(mvc, page, session, rounds);
				home = home == null ? body : home;
			}
			for (String call : calls) {
				inTheJvm(mvc, call, bearer, rounds);
			}
			for (String call : calls) {
				overHttp(base, call, rounds);
			}
			if (history > 0) {
				searchTheHistory(mvc, jdbc, bearer, rounds);
			}
			measureHeight(home, base);
		}
	}

	/**
	 * Times a request in the hall's JVM through MockMvc: wall clock and the calling thread's CPU time, which is where
	 * MockMvc does the whole request. Prints the row and returns the last answer.
	 */
	private static String inTheJvm(MockMvc mvc, String path, Supplier<RequestPostProcessor> user, int rounds)
			throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Long> times = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		String body = null;
		for (int i = 0; i < rounds + 30; i++) {
			MockHttpServletRequestBuilder request = get(URI.create(encode(path))).with(user.get());
			long started = System.nanoTime();
			long startedCpu = threads.getCurrentThreadCpuTime();
			MvcResult result = mvc.perform(request).andReturn();
			body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			long cpuTime = threads.getCurrentThreadCpuTime() - startedCpu;
			long time = System.nanoTime() - started;
			if (result.getResponse().getStatus() != 200) {
				throw new IllegalStateException(path + ": " + result.getResponse().getStatus() + " " + body);
			}
			if (i >= 30) {
				times.add(time);
				cpu.add(cpuTime);
			}
		}
		print((path.startsWith("/api/") ? "API " : "page ") + "GET " + path + " (in the JVM)",
				body.getBytes(StandardCharsets.UTF_8).length, times, cpu);
		return body;
	}

	/** Times an API call as a client meets it: over HTTP, Tomcat and the socket included. */
	private static void overHttp(String base, String call, int rounds) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		List<Long> times = new ArrayList<>();
		int bytes = 0;
		for (int i = 0; i < rounds + 30; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + encode(call)))
				.header("Authorization", "Bearer " + TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
				.build();
			long started = System.nanoTime();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(call + ": " + response.statusCode() + " " + response.body());
			}
			if (i >= 30) {
				times.add(System.nanoTime() - started);
			}
			bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
		}
		print("API GET " + call + " (over HTTP)", bytes, times, null);
	}

	/** Submits the applications the data set still lacks, then accepts all but {@code open} of the clerk's steps. */
	private static void prepare(JdbcClient jdbc, TestRestTemplate http, int cases, int open) {
		long present = jdbc.sql("select count(*) from intake_case").query(Long.class).single();
		if (present >= cases) {
			return;
		}
		long started = System.nanoTime();
		Api clerk = Api.as(http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		List<String> caseNumbers = new ArrayList<>();
		for (int n = (int) present; n < cases; n++) {
			if (n % 100 == 0) {
				clerk = Api.as(http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
			}
			SyntheticCitizens.Citizen citizen = SyntheticCitizens.citizen(n);
			SyntheticCitizens.register(jdbc, citizen);
			ResponseEntity<Map<String, Object>> created = clerk.post("/api/loan/resale-applications",
					SyntheticCitizens.application(citizen), UUID.randomUUID().toString());
			if (!created.getStatusCode().is2xxSuccessful()) {
				throw new IllegalStateException("Submission refused: " + created.getBody());
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> file = (Map<String, Object>) created.getBody().get("caseFile");
			caseNumbers.add((String) file.get("caseNo"));
		}
		for (String caseNo : caseNumbers.subList(0, Math.max(0, caseNumbers.size() - open))) {
			ResponseEntity<Map<String, Object>> accepted = clerk.post("/api/loan/applications/" + caseNo + "/acceptance",
					SyntheticCitizens.allMaterials(), UUID.randomUUID().toString());
			if (!accepted.getStatusCode().is2xxSuccessful()) {
				throw new IllegalStateException("Acceptance refused: " + accepted.getBody());
			}
		}
		jdbc.sql("vacuum analyze").update();
		System.out.printf("Submitted %d applications, accepted %d, in %s%n", caseNumbers.size(),
				Math.max(0, caseNumbers.size() - open), Duration.ofNanos(System.nanoTime() - started));
	}

	/** Adds {@code history} closed cases of earlier years (HistoryGenerator, seed 1), once. */
	private static void generateHistory(ConfigurableApplicationContext hall, JdbcClient jdbc, int history) {
		long present = jdbc.sql("select count(*) from intake_case where submitted_by = ?")
			.param(HistoryGenerator.GENERATOR)
			.query(Long.class)
			.single();
		if (present != history) {
			HistoryGenerator.Generated generated = hall.getBean(HistoryGenerator.class)
				.generate(new HistoryGenerator.Plan(history, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 20), 1, false));
			jdbc.sql("vacuum analyze").update();
			System.out.printf("Generated %,d historic cases in %s%n", generated.cases(), generated.took());
		}
	}

	/**
	 * Each kind of search over the whole history, through the API in the JVM, and which of the search indexes
	 * PostgreSQL used for them (pg_stat_user_indexes).
	 */
	private static void searchTheHistory(MockMvc mvc, JdbcClient jdbc, Supplier<RequestPostProcessor> bearer,
			int rounds) throws Exception {
		Map<String, Object> sample = jdbc.sql("""
				select case_no, applicant_id_no, applicant_name from intake_case
				 where submitted_by = ? order by case_no limit 1 offset 1000""")
			.param(HistoryGenerator.GENERATOR)
			.query()
			.singleRow();
		String caseNo = (String) sample.get("case_no");
		String idNumber = (String) sample.get("applicant_id_no");
		System.out.println();
		System.out.println(jdbc.sql("select format('Searching %s cases:', count(*)) from intake_case")
			.query(String.class)
			.single());
		System.out.println();
		System.out.println("| Search (GET /api/cases?q=…, in the JVM) | bytes | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		Map<String, Long> before = indexScans(jdbc);
		for (String q : List.of(caseNo, caseNo.substring(0, 10), idNumber, idNumber.substring(12),
				idNumber.substring(14), (String) sample.get("applicant_name"),
				((String) sample.get("applicant_name")).substring(0, 1))) {
			inTheJvm(mvc, "/api/cases?q=" + q, bearer, rounds);
		}
		Map<String, Long> after = indexScans(jdbc);
		System.out.println();
		after.forEach((index, scans) -> System.out.printf("- %s: %,d index scans%n", index, scans - before.getOrDefault(index, 0L)));
	}

	private static Map<String, Long> indexScans(JdbcClient jdbc) {
		Map<String, Long> scans = new java.util.TreeMap<>();
		jdbc.sql("""
				select indexrelname, idx_scan from pg_stat_user_indexes
				 where relname = 'intake_case' order by indexrelname""")
			.query((rs, row) -> scans.put(rs.getString(1), rs.getLong(2)))
			.list();
		return scans;
	}

	/** The start page as Chromium lays it out at 1280 × 900 (the style sheet and script from the running hall). */
	private static void measureHeight(String home, String base) throws Exception {
		Files.createDirectories(OUT);
		Path file = OUT.resolve("home.html").toAbsolutePath();
		Files.writeString(file, home.replaceFirst("<head>", "<head><base href=\"" + base + "/\">"));
		try (Browser browser = Browser.open()) {
			browser.driver().get(file.toUri().toString());
			browser.waiting(Duration.ofSeconds(30))
				.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
			Object height = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollHeight");
			Files.write(OUT.resolve("home.png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
			System.out.println();
			System.out.println("Start page height in headless Chromium at 1280 px wide: " + height + " px");
		}
	}

	/** A row: wall-clock percentiles, and those of the calling thread's CPU time when measured (in the JVM). */
	private static void print(String what, int bytes, List<Long> nanos, List<Long> cpu) {
		Collections.sort(nanos);
		String cpuColumns = " | | |";
		if (cpu != null) {
			Collections.sort(cpu);
			cpuColumns = String.format(" | %.1f | %.1f |", millis(cpu, 0.50), millis(cpu, 0.99));
		}
		System.out.printf("| %s | %,d | %.1f | %.1f | %.1f%s%n", what, bytes, millis(nanos, 0.50), millis(nanos, 0.99),
				nanos.get(nanos.size() - 1) / 1e6, cpuColumns);
	}

	/** The nearest-rank percentile. */
	private static double millis(List<Long> sorted, double percentile) {
		return sorted.get((int) Math.ceil(sorted.size() * percentile) - 1) / 1e6;
	}

	private static String encode(String path) {
		int query = path.indexOf('?');
		if (query < 0) {
			return path;
		}
		StringBuilder encoded = new StringBuilder(path.substring(0, query + 1));
		for (String pair : path.substring(query + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (encoded.charAt(encoded.length() - 1) != '?') {
				encoded.append('&');
			}
			encoded.append(pair, 0, eq + 1)
				.append(java.net.URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return encoded.toString();
	}

}
