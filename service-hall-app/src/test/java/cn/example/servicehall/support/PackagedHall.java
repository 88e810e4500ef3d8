package cn.example.servicehall.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The hall as an operator runs it, in a JVM of its own: the packaged jar (or any other command), on one data
 * directory and free ports, its output in a log file per start. Closing it stops whatever is still running.
 */
public final class PackagedHall implements AutoCloseable {

	private final Path workDir;

	private final int httpPort = freePort();

	private final int pgPort = freePort();

	private final List<Process> started = new ArrayList<>();

	private final List<ProcessHandle> orphans = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The settings that make a packaged hall trust {@link TestTokens} instead of a Keycloak. */
	public static final List<String> TEST_TOKENS = List.of("--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER,
			"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestTokens.publicKeyFile());

	public PackagedHall(Path workDir) {
		this.workDir = workDir;
	}

	/** {@code java -jar target/service-hall-app.jar}, built by {@code mvn package} before the integration tests. */
	public static List<String> jarCommand() {
		Path jar = Path.of("target", "service-hall-app.jar").toAbsolutePath();
		assertThat(jar).as("the packaged hall (mvn package runs before the integration tests)").exists();
		return new ArrayList<>(List.of(java(), "-jar", jar.toString()));
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Starts {@code command} (whose first element is the java binary) on this hall's ports and data directory, with
	 * {@code settings} ({@code --name=value}) after those, its output into {@code logName}.
	 */
	public Process start(List<String> command, String logName, List<String> settings) throws IOException {
		List<String> full = new ArrayList<>(command);
		full.add(1, "-Xmx512m");
		full.addAll(List.of("--server.port=" + this.httpPort, "--servicehall.database.embedded.data-dir=" + dataDir(),
				"--servicehall.database.embedded.port=" + this.pgPort, "--logging.level.io.zonky=WARN"));
		full.addAll(settings);
		Process process = new ProcessBuilder(full).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.workDir.resolve(logName).toFile())
			.start();
		this.started.add(process);
		return process;
	}

	/** Waits until the hall answers its health check with UP; fails at once, with its log, if it exits. */
	public void awaitHealthy(Process process, String logName) {
		Awaitility.await(logName + " healthy")
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("The hall exited during start-up:\n" + log(logName));
				}
				try {
					HttpResponse<String> health = send(request("/actuator/health", null));
					return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path))
			.timeout(Duration.ofSeconds(30));
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** GET {@code path} with {@code token}; asserts 200 and returns the body. */
	public String get(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = send(request(path, token));
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	public String log(String logName) throws IOException {
		return Files.readString(this.workDir.resolve(logName), StandardCharsets.UTF_8);
	}

	public Path dataDir() {
		return this.workDir.resolve("pgdata");
	}

	/** The PostgreSQL server's process, from its {@code postmaster.pid}. */
	public long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.pgPort + "/" + database;
	}

	public int httpPort() {
		return this.httpPort;
	}

	/**
	 * Takes on processes a killed hall left running, so that {@link #close()} stops them if the hall started again
	 * does not (a failing test); they are stopped in the order given, after the halls.
	 */
	public void adoptOrphans(List<ProcessHandle> processes) {
		this.orphans.addAll(processes);
	}

	/** Stops every hall started here that still runs, what it started, and the orphans taken on. */
	@Override
	public void close() {
		for (Process process : this.started) {
			process.toHandle().descendants().forEach(ProcessHandle::destroy);
			process.destroy();
		}
		for (Process process : this.started) {
			awaitExit(process.toHandle());
		}
		for (ProcessHandle orphan : this.orphans) {
			orphan.destroy();
			awaitExit(orphan);
		}
	}

	private static void awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// still running: nothing more a test can do
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
