package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall as an operator runs it: the packaged jar, and the same classes from directories as {@code spring-boot:run}
 * has them, on one data directory. A restart keeps the cases and deploys no new version of an unchanged model, in
 * either run mode; after {@code kill -9} the hall starts again cleanly and the data is all there.
 */
class HallRestartIT {

	@TempDir
	Path workDir;

	private final List<Process> started = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private int httpPort;

	private int pgPort;

	@AfterEach
	void stopEverything() {
		this.started.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroy));
		this.started.forEach(Process::destroy);
	}

	@Test
	void keepsCasesAndModelsAcrossRestartsRunModesAndKillNine() throws Exception {
		this.httpPort = freePort();
		this.pgPort = freePort();

		// first start, from the jar: the model is deployed once
		Process first = start(jarCommand(), "first.log");
		awaitHealthy(first, "first.log");
		assertThat(log("first.log")).contains("Process models: 5 found, deployed [").contains("ResaleLoanProcess v1")
			.contains("NewHouseLoanProcess v1").contains("SlaEscalationProcess v1").contains("LoanEligibility v1").contains("DepositTimeCoefficient v1");
		String caseNo = submitCase();

		// graceful stop: engine, pool, then PostgreSQL; nothing left running
		first.destroy();
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
		assertThat(log("first.log")).containsSubsequence("Process Engine default closed", "Shutdown completed",
				"Embedded PostgreSQL stopped");
		assertThat(dataDir().resolve("postmaster.pid")).doesNotExist();

		// second start, from directories (as spring-boot:run or an IDE): nothing redeployed, the case is there
		Process second = start(explodedCommand(), "second.log");
		awaitHealthy(second, "second.log");
		assertThat(log("second.log")).contains("Process models: 5 found, all unchanged, nothing deployed");
		assertThat(get("/api/cases/" + caseNo)).contains("\"caseNo\":\"" + caseNo + "\"");
		assertThat(get("/engine-rest/deployment/count")).isEqualTo("{\"count\":1}");
		assertThat(get("/engine-rest/process-definition/count?key=ResaleLoanProcess")).isEqualTo("{\"count\":1}");

		// kill -9: PostgreSQL is orphaned
		second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long orphan = Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		// third start, from the jar again: the orphan is stopped, the hall comes up with everything
		Process third = start(jarCommand(), "third.log");
		awaitHealthy(third, "third.log");
		assertThat(log("third.log")).contains("did not shut down cleanly")
			.contains("Process models: 5 found, all unchanged, nothing deployed");
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		assertThat(get("/api/cases/" + caseNo)).contains("\"status\":\"SUBMITTED\"");
		assertThat(get("/api/tasks")).contains(caseNo);
		assertThat(get("/engine-rest/deployment/count")).isEqualTo("{\"count\":1}");

		// the hall's own database is durable
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + this.pgPort + "/servicehall", "postgres", "");
				ResultSet fsync = connection.createStatement().executeQuery("show fsync")) {
			fsync.next();
			assertThat(fsync.getString(1)).isEqualTo("on");
		}
		third.destroy();
		assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	private List<String> jarCommand() {
		Path jar = Path.of("target", "service-hall-app.jar").toAbsolutePath();
		assertThat(jar).as("the packaged hall (mvn package runs before the integration tests)").exists();
		return new ArrayList<>(List.of(java(), "-jar", jar.toString()));
	}

	private List<String> explodedCommand() {
		// the processes module's classes first, as a directory: the resource names differ from the jar's
		String classpath = Path.of("..", "processes", "target", "classes").toAbsolutePath().normalize()
				+ File.pathSeparator
				+ Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					.filter(entry -> !entry.endsWith("test-classes"))
					.collect(Collectors.joining(File.pathSeparator));
		return new ArrayList<>(List.of(java(), "-cp", classpath, ServiceHallApplication.class.getName()));
	}

	private Process start(List<String> command, String logName) throws IOException {
		command.addAll(List.of("--server.port=" + this.httpPort,
				"--servicehall.database.embedded.data-dir=" + dataDir(),
				"--servicehall.database.embedded.port=" + this.pgPort,
				// sign-in: a provider that is not running (no local Keycloak); tokens from the test key
				"--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER,
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestTokens.publicKeyFile(),
				"--logging.level.io.zonky=WARN"));
		command.add(1, "-Xmx512m");
		Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.workDir.resolve(logName).toFile())
			.start();
		this.started.add(process);
		return process;
	}

	private void awaitHealthy(Process process, String logName) {
		Awaitility.await(logName + " healthy")
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("The hall exited during start-up:\n" + log(logName));
				}
				try {
					HttpResponse<String> health = this.http.send(request("/actuator/health", null).build(),
							HttpResponse.BodyHandlers.ofString());
					return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	private String submitCase() throws Exception {
		HttpResponse<String> response = this.http.send(request("/api/loan/resale-applications",
				TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
				.writeValueAsString(LoanFixtures.resaleApplication(LoanFixtures.FLAT_2008))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body().replaceAll("(?s).*?\"caseNo\":\"([A-Z0-9]+)\".*", "$1");
	}

	private String get(String path) throws Exception {
		String token = TestTokens.user("admin1", "system-admin", "hpf-acceptance-clerk");
		HttpResponse<String> response = this.http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path))
			.timeout(Duration.ofSeconds(30));
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	private String log(String name) throws IOException {
		return Files.readString(this.workDir.resolve(name), StandardCharsets.UTF_8);
	}

	private Path dataDir() {
		return this.workDir.resolve("pgdata");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
