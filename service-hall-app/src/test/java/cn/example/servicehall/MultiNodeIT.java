package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.support.CaseDriver;
import cn.example.servicehall.support.FakeOpenIdProvider;
import cn.example.servicehall.support.FaultCounts;
import cn.example.servicehall.support.PackagedHall;
import cn.example.servicehall.support.TestTokens;

/**
 * Two hall nodes, each the packaged jar in a JVM of its own, on one PostgreSQL (node A's embedded server; node B
 * points at it as an external database) and one identity provider, started at the same moment: the schema and the
 * models are set up once. Resale loans are submitted to both nodes at once (case numbers distinct and without
 * gaps), those submitted to A are finished on B; the public page's rate limit counts a client's requests on both
 * nodes; a page sign-in begun on A is finished on B and its session used on A again. Node A is frozen while it holds
 * jobs and killed with SIGKILL; node B runs those jobs once their lock expires, and the database holds every case,
 * payment, document, step and message exactly once ({@link FaultCounts}). The SLA escalation tick ran once a minute,
 * never twice for one minute, across both nodes.
 */
class MultiNodeIT {

	private static final int CASES_ON_A = 6;

	private static final int CASES_ON_B = 4;

	@TempDir
	Path workDir;

	private final FakeOpenIdProvider provider = FakeOpenIdProvider.start();

	private final List<AutoCloseable> toClose = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stopEverything() throws Exception {
		// node B first: node A's orphaned PostgreSQL serves it until it stops
		List<AutoCloseable> reversed = new ArrayList<>(this.toClose);
		java.util.Collections.reverse(reversed);
		for (AutoCloseable closeable : reversed) {
			closeable.close();
		}
		this.provider.close();
	}

	@Test
	void twoNodesServeOneHallAndANodesDeathLosesAndDuplicatesNothing() throws Exception {
		Instant begun = Instant.now();
		PackagedHall a = new PackagedHall(this.workDir);
		this.toClose.add(a);
		PackagedHall b = new PackagedHall(this.workDir);
		this.toClose.add(b);

		// both nodes start at once: B as soon as A's database server takes connections
		Process nodeA = a.start(PackagedHall.jarCommand(), "node-a.log", settings("node-a"));
		String url = a.jdbcUrl("servicehall");
		Awaitility.await("node A's PostgreSQL").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
			.ignoreExceptions().until(() -> {
				assertThat(nodeA.isAlive()).as("node A runs").isTrue();
				try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
					return true;
				}
			});
		List<String> external = new ArrayList<>(settings("node-b"));
		external.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password="));
		Process nodeB = b.start(PackagedHall.jarCommand(), "node-b.log", external);
		a.awaitHealthy(nodeA, "node-a.log");
		b.awaitHealthy(nodeB, "node-b.log");
		System.out.printf("Two nodes: both healthy after %d s%n", Duration.between(begun, Instant.now()).toSeconds());

		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			// the models deployed once, by whichever node came first; the other found them unchanged
			assertThat(count(db, "select count(*) from act_re_deployment")).as("deployments").isEqualTo(1);
			assertThat(count(db, "select count(*) from act_re_procdef where version_ > 1")).as("second versions")
				.isZero();
			String logs = a.log("node-a.log") + b.log("node-b.log");
			assertThat(logs.split("all unchanged, nothing deployed", -1)).as("one node found nothing to deploy")
				.hasSize(2);

			the_rate_limit_counts_a_clients_requests_on_both_nodes(a, b);
			a_page_session_begun_on_A_is_finished_on_B_and_used_on_A(a, b);

			// cases submitted to both nodes at once; A's are then finished on B. A's clerk works at the branch JF
			// (the token's branch claim), B's names none: the hall's default HQ
			CaseDriver onA = new CaseDriver(a.httpPort(), (user, group) -> TestTokens.withClaims(
					Map.of("iss", this.provider.issuer(), "branch", "JF"), user, group));
			CaseDriver onB = new CaseDriver(b.httpPort(), this::token);
			for (int i = 0; i < CASES_ON_A; i++) {
				onA.newCase();
			}
			for (int i = 0; i < CASES_ON_B; i++) {
				onB.newCase();
			}
			AtomicBoolean stop = new AtomicBoolean();
			Thread officersA = onA.roundsUntilCompleted(stop);
			Thread officersB = onB.roundsUntilCompleted(stop);
			List<String> heldByA;
			Instant killed;
			try {
				Awaitility.await("A's cases accepted on A").atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> onA.cases().stream().allMatch(c -> c.answeredSteps().contains("acceptance")));
				onA.useHallAt(b.httpPort());
				System.out.println("Two nodes: A's " + CASES_ON_A + " cases accepted on A, the rest of them goes to B");

				// node A frozen (SIGSTOP) at a moment it holds jobs, then killed (SIGKILL): its work in flight is lost
				heldByA = freezeHoldingJobs(nodeA, db);
				killed = Instant.now();
				nodeA.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				a.adoptOrphans(List.of(ProcessHandle.of(a.postmasterPid()).orElseThrow()));
				System.out.printf("Two nodes: node A killed (SIGKILL) holding %d jobs %s%n", heldByA.size(), heldByA);

				Awaitility.await("every case completed on B").atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> onA.allCompleted() && onB.allCompleted());
			}
			finally {
				stop.set(true);
				officersA.join(TimeUnit.MINUTES.toMillis(1));
				officersB.join(TimeUnit.MINUTES.toMillis(1));
			}

			// a case is COMPLETED before its last documents' steps have run: wait for every case's job to be done
			Awaitility.await("every case's background steps done").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(count(db, "select count(*) from act_ru_job where process_instance_id_ "
						+ "is not null and process_def_key_ <> 'SlaEscalationProcess'"))
					.as("jobs of cases left; failing: %s", failingJobs(db))
					.isZero());

			// the jobs A held were run by B, once each, after their lock ran out
			Map<String, String> runBy = new LinkedHashMap<>();
			Instant lastTaken = killed;
			for (String job : heldByA) {
				try (ResultSet rs = db.createStatement().executeQuery("select hostname_, timestamp_ from act_hi_job_log "
						+ "where job_id_ = '" + job + "' and job_state_ = 2")) {
					while (rs.next()) {
						assertThat(runBy.put(job, rs.getString(1))).as("job " + job + " succeeded once").isNull();
						Instant at = rs.getTimestamp(2).toInstant();
						lastTaken = at.isAfter(lastTaken) ? at : lastTaken;
					}
				}
			}
			assertThat(runBy).as("every job A held at its death run since").containsOnlyKeys(heldByA);
			assertThat(runBy.values()).as("by node B").containsOnly("node-b");

			List<CaseDriver.DrivenCase> cases = new ArrayList<>(onA.cases());
			cases.addAll(onB.cases());
			FaultCounts counts = FaultCounts.of(db, cases);
			assertThat(onA.wrongAnswers()).as("answers other than success, 409 and 503 (A's cases)").isEmpty();
			assertThat(onB.wrongAnswers()).as("answers other than success, 409 and 503 (B's cases)").isEmpty();
			assertThat(counts.problems()).as(counts.summary()).isEmpty();
			assertThat(counts.nothingLostOrDuplicated()).isTrue();

			// case numbers from both nodes: distinct, and today's without a gap
			List<Integer> numbers = new ArrayList<>();
			try (ResultSet rs = db.createStatement().executeQuery(
					"select right(case_no, 5)::int from intake_case where case_no like 'DK%' order by 1")) {
				while (rs.next()) {
					numbers.add(rs.getInt(1));
				}
			}
			assertThat(numbers).as("case numbers").hasSize(CASES_ON_A + CASES_ON_B)
				.isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
			// each case's branch is its clerk's (JF) or the hall's default (HQ), not the node's
			for (CaseDriver.DrivenCase one : cases) {
				String expected = onA.cases().contains(one) ? "JF" : "HQ";
				assertThat(count(db, "select count(*) from intake_case c left join intake_visit v using (case_no) "
						+ "where c.case_no = '" + one.caseNo() + "' and (c.branch <> '" + expected + "' or v.branch <> '"
						+ expected + "')")).as(one.caseNo() + " and its visits at " + expected).isZero();
			}

			// the escalation tick: never twice for one minute, whichever node ran it
			Map<String, String> ticks = new LinkedHashMap<>();
			try (ResultSet rs = db.createStatement().executeQuery("""
					select to_char(date_trunc('minute', job_duedate_), 'HH24:MI'), count(*), string_agg(hostname_, ',')
					from act_hi_job_log where process_def_key_ = 'SlaEscalationProcess' and job_state_ = 2
					group by 1 order by 1""")) {
				while (rs.next()) {
					assertThat(rs.getInt(2)).as("runs of the tick due at " + rs.getString(1)).isEqualTo(1);
					ticks.put(rs.getString(1), rs.getString(3));
				}
			}
			assertThat(ticks).as("escalation ticks").isNotEmpty();

			System.out.printf("Two nodes: %s; %d + %d requests met node A dead or a node busy and were sent again; "
					+ "A's held jobs run by B %d s after the kill; escalation ticks (due minute → node) %s; case "
					+ "numbers 1..%d; whole test %d s%n", counts.summary(), onA.unavailableAnswers(),
					onB.unavailableAnswers(), Duration.between(killed, lastTaken).toSeconds(), ticks, numbers.size(),
					Duration.between(begun, Instant.now()).toSeconds());
		}
		nodeB.destroy();
		assertThat(nodeB.waitFor(60, TimeUnit.SECONDS)).as("node B stops gracefully").isTrue();
	}

	/** The public verification page: 20 lookups a minute per client, counted on both nodes together. */
	private void the_rate_limit_counts_a_clients_requests_on_both_nodes(PackagedHall a, PackagedHall b)
			throws Exception {
		int answered = 0;
		int limited = 0;
		for (int i = 0; i < 26; i++) {
			PackagedHall node = i % 2 == 0 ? a : b;
			HttpResponse<Void> answer = this.http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + node.httpPort() + "/verify/ZZ" + (90_000_000 + i)))
				.header("X-Forwarded-For", "198.51.100.23")
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.discarding());
			if (answer.statusCode() == 429) {
				limited++;
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(404);
				answered++;
			}
		}
		assertThat(answered).as("lookups answered across both nodes before the limit").isEqualTo(20);
		assertThat(limited).isEqualTo(6);
	}

	/**
	 * The test plays the load balancer (the forwarded headers it sends: both nodes are {@code http://hall.test}) and
	 * the user at the identity provider: the sign-in begins on A, which keeps the request's state in the session;
	 * the provider's answer comes back to B, which finds that state, signs the user in and renews the session; A then
	 * serves the signed-in page to that session.
	 */
	private void a_page_session_begun_on_A_is_finished_on_B_and_used_on_A(PackagedHall a, PackagedHall b)
			throws Exception {
		HttpResponse<String> begin = page(a, "/oauth2/authorization/keycloak", null);
		assertThat(begin.statusCode()).isEqualTo(302);
		String location = begin.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(this.provider.issuer() + "/protocol/openid-connect/auth?")
			.contains("redirect_uri=http://hall.test/login/oauth2/code/keycloak");
		Map<String, String> query = query(location);
		String session = cookie(begin);

		String code = this.provider.code(query.get("nonce"), "clerk1", "王", "晓明", "hpf-acceptance-clerk");
		HttpResponse<String> back = page(b, "/login/oauth2/code/keycloak?code=" + code + "&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8),
				session);
		assertThat(back.statusCode()).as("B finishes the sign-in begun on A").isEqualTo(302);
		assertThat(back.headers().firstValue("Location")).as("to the start page, not the failure page")
			.hasValue("http://hall.test/");
		String signedIn = cookie(back);
		assertThat(signedIn).as("a new session id at sign-in").isNotEqualTo(session);

		HttpResponse<String> onA = page(a, "/", signedIn);
		assertThat(onA.statusCode()).as("A serves the session signed in on B").isEqualTo(200);
		assertThat(onA.body()).contains("王晓明");
		assertThat(page(b, "/", signedIn).statusCode()).isEqualTo(200);
		assertThat(page(a, "/", session).statusCode()).as("the session from before sign-in is not signed in")
			.isEqualTo(302);
		System.out.println("Two nodes: a sign-in begun on A, finished on B, its session used on A and B");
	}

	private HttpResponse<String> page(PackagedHall node, String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.httpPort() + path))
			.header("X-Forwarded-Host", "hall.test")
			.header("X-Forwarded-Port", "80")
			.header("X-Forwarded-Proto", "http")
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<?> answer) {
		return answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
	}

	private static Map<String, String> query(String location) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : URI.create(location).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	/**
	 * Freezes node A (SIGSTOP) whenever the database shows it holding a job, so that nothing it does can commit;
	 * lets it go on (SIGCONT) and tries again if it held none by then. The jobs it holds, frozen.
	 */
	private static List<String> freezeHoldingJobs(Process node, Connection db) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			if (count(db, "select count(*) from act_ru_job where lock_owner_ = 'node-a' and lock_exp_time_ > now()") > 0) {
				signal(node, "STOP");
				List<String> held = new ArrayList<>();
				try (ResultSet rs = db.createStatement().executeQuery(
						"select id_ from act_ru_job where lock_owner_ = 'node-a' and lock_exp_time_ > now()")) {
					while (rs.next()) {
						held.add(rs.getString(1));
					}
				}
				if (!held.isEmpty()) {
					return held;
				}
				signal(node, "CONT");
			}
			Thread.sleep(20);
		}
		throw new AssertionError("node A held no job in two minutes");
	}

	private static String failingJobs(Connection db) throws SQLException {
		List<String> failing = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
				"select process_def_key_, retries_, exception_msg_ from act_ru_job where exception_msg_ is not null")) {
			while (rs.next()) {
				failing.add(rs.getString(1) + " (" + rs.getInt(2) + " retries left): " + rs.getString(3));
			}
		}
		return failing.toString();
	}

	private static void signal(Process node, String signal) throws Exception {
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid())).start().waitFor()).isZero();
	}

	private String token(String user, String group) {
		return TestTokens.userAt(this.provider.issuer(), user, group);
	}

	private List<String> settings(String node) {
		return List.of("--servicehall.node-name=" + node, "--servicehall.oidc.issuer-uri=" + this.provider.issuer(),
				"--servicehall.oidc.client-secret=test-secret",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestTokens.publicKeyFile());
	}

	private static int count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
