package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import cn.example.servicehall.support.PackagedHall;

/**
 * What an operator meets after the hall's JVM was killed ({@code kill -9}): the hall's own Keycloak and its
 * PostgreSQL server live on as orphans, the Keycloak holding connections to the server. Starting the packaged hall
 * again on the same data must work every time: it stops its old Keycloak, then the old server, says so in its log,
 * and comes up with everything that was committed; nothing the dead hall started is left running. A job the dead
 * hall had locked runs again within a minute of its death.
 */
class KilledHallStartsAgainIT {

	/** How often the hall is killed and started again. */
	private static final int KILLS = 3;

	/** Its own Keycloak home, kept across runs (the first start unpacks and builds Keycloak, about a minute). */
	private static final Path KEYCLOAK_HOME = Path.of("target", "keycloak-restart-it").toAbsolutePath();

	@TempDir
	Path workDir;

	private PackagedHall hall;

	private final int keycloakPort = PackagedHall.freePort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void newHall() {
		this.hall = new PackagedHall(this.workDir);
	}

	@AfterEach
	void stopEverything() {
		this.hall.close();
	}

	@Test
	void startsAgainAfterKillNineEveryTimeWithItsKeycloakAndNothingLeftRunning() throws Exception {
		Process running = startHall("start-0.log");
		String caseNo = submitNewHouseApplication();

		for (int kill = 1; kill <= KILLS; kill++) {
			List<ProcessHandle> keycloak = running.toHandle().descendants().toList();
			assertThat(keycloak).as("the hall runs its Keycloak (kc.sh and its java)")
				.anyMatch(p -> p.info().commandLine().orElse("").contains(KEYCLOAK_HOME.toString()));
			long postmaster = this.hall.postmasterPid();
			this.hall.adoptOrphans(keycloak);
			ProcessHandle.of(postmaster).ifPresent(p -> this.hall.adoptOrphans(List.of(p)));

			running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(keycloak).as("a killed hall's Keycloak lives on").allMatch(ProcessHandle::isAlive);
			assertThat(ProcessHandle.of(postmaster)).as("and so does its PostgreSQL server")
				.hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

			String logName = "start-" + kill + ".log";
			running = startHall(logName);

			String cleaned = this.hall.log(logName)
				.lines()
				.filter(line -> line.contains("did not shut down cleanly") && line.contains("Cleaned up"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("The log does not say what was cleaned up"));
			System.out.println(logName + ": " + cleaned.substring(cleaned.indexOf("The last hall")));
			assertThat(cleaned).contains("Keycloak", "PostgreSQL", "pid " + postmaster);
			keycloak.forEach(p -> assertThat(cleaned).contains("pid " + p.pid()));
			assertThat(keycloak).as("the dead hall's Keycloak is gone, java included").noneMatch(ProcessHandle::isAlive);
			assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("and its PostgreSQL server").isEmpty();

			assertThat(this.hall.get("/api/cases", salesOfficeToken())).as("the case submitted before the kill")
				.contains(caseNo);
			if (kill == 1) {
				// a job the dead hall had locked: the lock expires, and an idle hall looks again, within a minute
				Instant locked = Instant.now();
				String job = lockTheEscalationTimerAsADeadHallWould(locked);
				awaitRunWithinAMinuteOf(job, locked);
			}
		}

		List<ProcessHandle> keycloak = running.toHandle().descendants().toList();
		long postmaster = this.hall.postmasterPid();
		running.destroy();
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("a graceful stop within a minute").isTrue();
		Awaitility.await("nothing left running")
			.atMost(Duration.ofSeconds(30))
			.until(() -> keycloak.stream().noneMatch(ProcessHandle::isAlive)
					&& ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());
		assertNoSecretWasLogged();
	}

	/**
	 * Every secret the hall made for itself (Keycloak's admin and demo passwords, the clients' secrets, the development
	 * keystore's password) is nowhere in what it and its Keycloak logged over four starts, three kills and a stop.
	 */
	private void assertNoSecretWasLogged() throws IOException {
		List<String> secrets = new java.util.ArrayList<>();
		Properties generated = new Properties();
		try (InputStream in = Files.newInputStream(KEYCLOAK_HOME.resolve("secrets.properties"))) {
			generated.load(in);
		}
		generated.values().stream().map(Object::toString).filter(value -> value.length() >= 8).forEach(secrets::add);
		Path keystorePassword = this.workDir.resolve("data/keys/dev-keystore.password");
		if (Files.exists(keystorePassword)) {
			secrets.add(Files.readString(keystorePassword).strip());
		}
		assertThat(secrets).as("the secrets to look for").hasSizeGreaterThanOrEqualTo(4);

		List<Path> logs;
		try (java.util.stream.Stream<Path> hallLogs = Files.list(this.workDir);
				java.util.stream.Stream<Path> keycloakLogs = Files.walk(KEYCLOAK_HOME, 3)) {
			logs = java.util.stream.Stream.concat(hallLogs, keycloakLogs)
				.filter(file -> file.getFileName().toString().endsWith(".log") && Files.isRegularFile(file))
				.toList();
		}
		assertThat(logs).as("the logs to read").isNotEmpty();
		for (Path log : logs) {
			String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			for (String secret : secrets) {
				assertThat(text.contains(secret)).as(log + " holds a secret").isFalse();
			}
		}
		System.out.printf("No secret logged: %d secrets sought in %d logs%n", secrets.size(), logs.size());
	}

	/** Starts the packaged hall with its own Keycloak; returns once the hall is healthy and Keycloak serves the realm. */
	private Process startHall(String logName) throws IOException {
		Process process = this.hall.start(PackagedHall.jarCommand(), logName,
				List.of("--servicehall.oidc.issuer-uri=", "--servicehall.keycloak.local.port=" + this.keycloakPort,
						"--servicehall.keycloak.local.home=" + KEYCLOAK_HOME));
		Instant started = Instant.now();
		this.hall.awaitHealthy(process, logName);
		Duration healthy = Duration.between(started, Instant.now());
		URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
		Awaitility.await(logName + ": Keycloak serves the realm")
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("The hall exited:\n" + this.hall.log(logName));
				}
				try {
					return this.http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		System.out.printf("%s: the hall healthy after %d s, its Keycloak serving the realm after %d s%n", logName,
				healthy.toSeconds(), Duration.between(started, Instant.now()).toSeconds());
		return process;
	}

	/**
	 * As if a hall's job executor had acquired the SLA escalation timer (the one job every minute) just before it was
	 * killed: due, locked by that node with the lock time the hall is configured with. The running hall, idle until
	 * then, must run it once the lock expires. (The lock is taken now rather than at the kill, so that what is
	 * measured is the lock and the idle hall's look-again time, not how long the restart took on a busy machine.)
	 * Returns the job's id.
	 */
	private String lockTheEscalationTimerAsADeadHallWould(Instant now) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.hall.jdbcUrl("servicehall"), "postgres", "");
				PreparedStatement lock = connection.prepareStatement("update act_ru_job set lock_owner_ = ?, "
						+ "lock_exp_time_ = ?, duedate_ = ? where handler_type_ = 'timer-start-event' "
						+ "and process_def_key_ = 'SlaEscalationProcess' "
						+ "and (lock_owner_ is null or lock_exp_time_ < ?) returning id_")) {
			lock.setString(1, "node-killed-by-the-test");
			lock.setTimestamp(2, Timestamp.from(now.plus(configuredLockTime())));
			lock.setTimestamp(3, Timestamp.from(now));
			lock.setTimestamp(4, Timestamp.from(now));
			// not while the running hall runs it itself
			return Awaitility.await("the escalation timer, not being run")
				.atMost(Duration.ofSeconds(30))
				.until(() -> {
					try (ResultSet job = lock.executeQuery()) {
						return job.next() ? job.getString(1) : null;
					}
				}, id -> id != null);
		}
	}

	private void awaitRunWithinAMinuteOf(String job, Instant locked) {
		Awaitility.await("the escalation timer a dead hall had locked runs again within a minute")
			.atMost(Duration.between(Instant.now(), locked.plus(Duration.ofMinutes(1))))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				try (Connection connection = DriverManager.getConnection(this.hall.jdbcUrl("servicehall"), "postgres", "");
						PreparedStatement succeeded = connection
							.prepareStatement("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2")) {
					succeeded.setString(1, job);
					try (ResultSet count = succeeded.executeQuery()) {
						count.next();
						return count.getInt(1) > 0;
					}
				}
			});
	}

	/** The hall's {@code camunda.bpm.job-execution.lock-time-in-millis}, or the engine's default without one. */
	private static Duration configuredLockTime() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties settings = yaml.getObject();
		String configured = settings == null ? null
				: settings.getProperty("camunda.bpm.job-execution.lock-time-in-millis");
		return Duration.ofMillis(configured != null ? Long.parseLong(configured)
				: new DefaultJobExecutor().getLockTimeInMillis());
	}

	private String submitNewHouseApplication() throws Exception {
		HttpResponse<String> submitted = this.hall.send(this.hall.request("/api/loan/new-house-applications",
				salesOfficeToken())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"applicant": {"name": "钱七", "idNumber": "360426199101010071"}, "requestedAmount": 600000,
					 "termMonths": 300, "project": "FZ-BJHY", "unitNo": "3-1-1201",
					 "contractFilingNo": "WQ2026-FZ-000101"}""")));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		return (String) ((Map<?, ?>) this.json.readValue(submitted.body(), Map.class).get("caseFile")).get("caseNo");
	}

	/** A developer's sales-office system: client credentials from the hall's Keycloak. */
	private String salesOfficeToken() throws IOException, InterruptedException {
		Properties secrets = new Properties();
		try (InputStream in = Files.newInputStream(KEYCLOAK_HOME.resolve("secrets.properties"))) {
			secrets.load(in);
		}
		String form = "grant_type=client_credentials&client_id=sales-office-system&client_secret="
				+ URLEncoder.encode(secrets.getProperty("sales-office-client-secret"), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) this.json.readValue(response.body(), Map.class).get("access_token");
	}

	private String issuer() {
		return "http://localhost:" + this.keycloakPort + "/realms/service-hall";
	}

}
