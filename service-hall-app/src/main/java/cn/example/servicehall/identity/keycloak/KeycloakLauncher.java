package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local Keycloak for the hall and its end-to-end tests: the official distribution from Maven Central, on a
 * Java 21+ runtime found on the machine, storing its data in a PostgreSQL database, with the hall's realm imported
 * from {@code keycloak/service-hall-realm.json}.
 * <p>
 * Secrets (client secrets, the demo users' password, Keycloak's own admin password) are generated on first use and
 * kept, owner-readable only, in {@code secrets.properties} under the launcher's home; the realm file refers to them
 * as placeholders. An already-imported realm is kept on restart; when the realm file (or the hall's address in it)
 * has changed since the last import, the Keycloak database is recreated and the realm imported afresh.
 */
public final class KeycloakLauncher {

	private static final Logger log = LoggerFactory.getLogger(KeycloakLauncher.class);

	public static final String REALM = "service-hall";

	static final String REALM_RESOURCE = "keycloak/service-hall-realm.json";

	/** The process the launcher started ({@code kc.sh}, or the java it {@code exec}s), in its home. */
	static final String PID_FILE = "keycloak.pid";

	/**
	 * How to run it.
	 *
	 * @param home the launcher's folder: distribution, secrets, logs
	 * @param version the Keycloak version (Maven Central's {@code keycloak-quarkus-dist})
	 * @param port HTTP port on localhost
	 * @param hallUrl the hall's own address, for the web client's redirect URIs
	 * @param database where Keycloak keeps its data
	 * @param javaHome a Java 21+ runtime to use instead of searching for one
	 * @param remoteRepository the Maven repository to download the distribution from when it is not local
	 * @param startupTimeout how long to wait for it to serve the realm
	 * @param trustedProxies the addresses (IPv4, IPv6 or CIDR) of reverse proxies in front of it, whose
	 * {@code X-Forwarded-*} headers it believes (client addresses for its brute-force protection and events); none:
	 * it reads no such header
	 */
	public record Options(Path home, String version, int port, String hallUrl, Database database,
			Optional<Path> javaHome, URI remoteRepository, Duration startupTimeout, List<String> trustedProxies) {

		public Options {
			home = home.toAbsolutePath().normalize();
			trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
		}

	}

	/**
	 * Keycloak's database and how to start it afresh.
	 *
	 * @param jdbcUrl a PostgreSQL JDBC URL
	 * @param username the user
	 * @param password the password
	 * @param recreate drops and creates the database
	 */
	public record Database(String jdbcUrl, String username, String password, Runnable recreate) {
	}

	/** What the hall needs to know to use this Keycloak. */
	public record Secrets(String webClientSecret, String salesOfficeClientSecret, String onlineHallClientSecret,
			String demoPassword, String adminPassword) {
	}

	private final Options options;

	private final Secrets secrets;

	private volatile Process process;

	private KeycloakHomeLock homeLock;

	/** Whether another hall node runs this Keycloak (its home locked by that node), and this one only uses it. */
	private volatile boolean joined;

	public KeycloakLauncher(Options options) {
		this.options = options;
		try {
			Files.createDirectories(options.home());
			this.secrets = loadOrCreateSecrets(options.home().resolve("secrets.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + options.home(), ex);
		}
	}

	public Secrets secrets() {
		return this.secrets;
	}

	public URI issuer() {
		return URI.create("http://localhost:" + this.options.port() + "/realms/" + REALM);
	}

	public Path logFile() {
		return this.options.home().resolve("keycloak.log");
	}

	/**
	 * Starts Keycloak and returns once the process runs; {@link #awaitReady()} waits until it serves the realm. When
	 * another live hall node runs the Keycloak of this home (a second node started from the same folder), starts
	 * nothing and resets nothing: this node uses that Keycloak, whose secrets it shares ({@link #joined()}).
	 */
	public synchronized void start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		JavaRuntimes.JavaHome java = JavaRuntimes.find(21, this.options.javaHome());
		// with the embedded database the hall has done so before starting it; with an external one, here
		new OrphanedKeycloak(this.options.home()).stopLeftovers();
		this.homeLock = KeycloakHomeLock.tryAcquire(this.options.home()).orElse(null);
		if (this.homeLock == null) {
			// a second hall node on this machine, started from the same folder: same secrets, same Keycloak
			this.joined = true;
			log.info("Another running hall node runs the local Keycloak from {}: this node signs in there too, with "
					+ "the same secrets, and neither starts nor resets it", this.options.home());
			return;
		}
		this.joined = false;
		try {
			launch(java);
		}
		catch (IOException | RuntimeException ex) {
			releaseHomeLock();
			throw ex;
		}
	}

	private void launch(JavaRuntimes.JavaHome java) throws IOException {
		ensurePortFree();
		Path dist = new KeycloakDistribution(this.options.version(), KeycloakDistribution.defaultLocalRepository(),
				this.options.remoteRepository())
			.unpackedIn(this.options.home());
		prepareRealmImport(dist);

		List<String> command = new ArrayList<>(List.of(dist.resolve("bin").resolve("kc.sh").toString(), "start-dev",
				"--http-port=" + this.options.port(), "--hostname=http://localhost:" + this.options.port(),
				"--db=postgres", "--db-url=" + this.options.database().jdbcUrl(),
				"--db-username=" + this.options.database().username(), "--import-realm", "--health-enabled=false",
				"--metrics-enabled=false"));
		if (!this.options.database().password().isEmpty()) {
			command.add("--db-password=" + this.options.database().password());
		}
		if (!this.options.trustedProxies().isEmpty()) {
			command.add("--proxy-headers=xforwarded");
			command.add("--proxy-trusted-addresses=" + String.join(",", this.options.trustedProxies()));
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(dist.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(logFile().toFile()));
		Map<String, String> env = builder.environment();
		env.put("JAVA_HOME", java.path().toString());
		env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", this.secrets.adminPassword());
		env.put("SERVICE_HALL_URL", this.options.hallUrl());
		env.put("SERVICE_HALL_WEB_CLIENT_SECRET", this.secrets.webClientSecret());
		env.put("SALES_OFFICE_CLIENT_SECRET", this.secrets.salesOfficeClientSecret());
		env.put("ONLINE_HALL_CLIENT_SECRET", this.secrets.onlineHallClientSecret());
		env.put("SERVICE_HALL_DEMO_PASSWORD", this.secrets.demoPassword());
		log.info("Starting Keycloak {} on http://localhost:{} with Java {} ({}); log in {}", this.options.version(),
				this.options.port(), java.major(), java.path(), logFile());
		this.process = builder.start();
		Files.writeString(pidFile(), Long.toString(this.process.pid()));
	}

	/** Waits until Keycloak serves the realm's discovery document. */
	public void awaitReady() {
		Instant deadline = Instant.now().plus(this.options.startupTimeout());
		Instant started = Instant.now();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
		while (Instant.now().isBefore(deadline)) {
			Process running = this.process;
			if (!this.joined && (running == null || !running.isAlive())) {
				throw new IllegalStateException("Keycloak exited during start-up (exit code "
						+ (running == null ? "?" : running.exitValue()) + "). Last lines of " + logFile() + ":\n"
						+ tail(logFile(), 30));
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					log.info("Keycloak is ready at {} after {} s", issuer(),
							Duration.between(started, Instant.now()).toSeconds());
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException("Keycloak did not serve " + discovery + " within "
				+ this.options.startupTimeout().toSeconds() + " s. Last lines of " + logFile() + ":\n" + tail(logFile(), 30));
	}

	/** Whether another hall node runs this Keycloak and this node only uses it. */
	public boolean joined() {
		return this.joined;
	}

	public boolean isRunning() {
		Process running = this.process;
		return running != null && running.isAlive();
	}

	/**
	 * Stops Keycloak: {@code kc.sh} and the java it runs, with SIGTERM, then after 30 s SIGKILL; nothing of it is left
	 * running.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running != null) {
			List<ProcessHandle> keycloak = new ArrayList<>(running.descendants().toList());
			keycloak.add(0, running.toHandle());
			String which = OrphanedKeycloak.describe(keycloak);
			String how = OrphanedKeycloak.terminate(keycloak);
			try {
				Files.deleteIfExists(pidFile());
			}
			catch (IOException ex) {
				// a stale pid file is checked against the live process next time
			}
			this.process = null;
			log.info("Keycloak stopped ({}) with {}", which, how);
		}
		releaseHomeLock();
	}

	private void releaseHomeLock() {
		if (this.homeLock != null) {
			this.homeLock.close();
			this.homeLock = null;
		}
	}

	private void prepareRealmImport(Path dist) throws IOException {
		byte[] realm;
		try (InputStream in = KeycloakLauncher.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The realm file " + REALM_RESOURCE + " is not on the classpath");
			}
			realm = in.readAllBytes();
		}
		String fingerprint = sha256(realm, this.options.hallUrl().getBytes(StandardCharsets.UTF_8));
		Path fingerprintFile = this.options.home().resolve("realm-import.sha256");
		String previous = Files.exists(fingerprintFile) ? Files.readString(fingerprintFile).trim() : null;
		if (previous != null && !previous.equals(fingerprint)) {
			log.warn("The realm file or the hall's address changed since Keycloak last imported it: recreating the "
					+ "Keycloak database and importing the realm afresh (development Keycloak: users, sessions and "
					+ "changes made in its admin console are reset)");
			this.options.database().recreate().run();
		}
		Path importDir = dist.resolve("data").resolve("import");
		Files.createDirectories(importDir);
		Files.write(importDir.resolve(REALM + "-realm.json"), realm);
		Files.writeString(fingerprintFile, fingerprint);
	}

	private void ensurePortFree() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress("localhost", this.options.port()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + this.options.port() + " is taken, so the hall cannot start its "
					+ "Keycloak there. Stop whatever uses it, choose another port with SERVICEHALL_KEYCLOAK_LOCAL_PORT, "
					+ "or use a running Keycloak by setting SERVICEHALL_OIDC_ISSUER_URI.");
		}
	}

	private Path pidFile() {
		return this.options.home().resolve(PID_FILE);
	}

	private static Secrets loadOrCreateSecrets(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
		}
		boolean changed = false;
		for (String key : List.of("web-client-secret", "sales-office-client-secret", "online-hall-client-secret",
				"demo-password", "admin-password")) {
			if (properties.getProperty(key, "").isBlank()) {
				properties.setProperty(key, randomSecret());
				changed = true;
			}
		}
		if (changed) {
			Path temp = Files.createTempFile(file.getParent(), ".secrets", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (var out = Files.newOutputStream(temp)) {
				properties.store(out, "Generated by the hall for its development Keycloak. Do not commit.");
			}
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return new Secrets(properties.getProperty("web-client-secret"), properties.getProperty("sales-office-client-secret"),
				properties.getProperty("online-hall-client-secret"),
				properties.getProperty("demo-password"), properties.getProperty("admin-password"));
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String tail(Path file, int lines) {
		try {
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
