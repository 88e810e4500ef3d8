package cn.example.servicehall.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.example.servicehall.ServiceHallApplication;

/**
 * What the benchmarks' mains share (docs/benchmarks.md): the hall started in the benchmark's JVM as in production
 * (job executor on, logging at INFO to a file), trusting {@link TestTokens} instead of Keycloak, on its own embedded
 * PostgreSQL under {@code target/<name>-pgdata} and free ports; and a few helpers for figures.
 */
public final class BenchmarkHall {

	/** Threads that do not keep the JVM alive when a scenario fails. */
	public static final ThreadFactory DAEMONS = task -> {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		return thread;
	};

	private BenchmarkHall() {
	}

	/** The data directory of the benchmark {@code name}: {@code target/<name>-pgdata}. */
	public static Path dataDir(String name) {
		return Path.of("target/" + name + "-pgdata");
	}

	/**
	 * Starts the hall for the benchmark {@code name}, on a fresh database when {@code fresh} (the data directory is
	 * deleted first), else on what the last start left; logs into {@code target/<name>.log}.
	 */
	public static ConfigurableApplicationContext start(String name, boolean fresh) throws IOException {
		Path dataDir = dataDir(name);
		if (fresh) {
			deleteRecursively(dataDir);
		}
		long started = System.nanoTime();
		ConfigurableApplicationContext hall = new SpringApplicationBuilder(ServiceHallApplication.class)
			.initializers(new TrustTestTokens())
			.run("--servicehall.database.embedded.data-dir=" + dataDir,
					"--servicehall.database.embedded.port=" + freePort(), "--server.port=0",
					"--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER, "--servicehall.oidc.client-secret=benchmark",
					"--servicehall.documents.keys.directory=target/" + name + "-keys",
					"--camunda.bpm.job-execution.enabled=true",
					// logging as in production, to a file; only warnings on the console, between the figures
					"--logging.file.name=target/" + name + ".log", "--logging.threshold.console=WARN");
		System.out.printf("Hall started in %.1f s%n", (System.nanoTime() - started) / 1e9);
		return hall;
	}

	/** The hall's HTTP port. */
	public static int port(ConfigurableApplicationContext hall) {
		return Integer.parseInt(hall.getEnvironment().getProperty("local.server.port"));
	}

	/** The JVM and the processors it sees, for the machine line. */
	public static String jvm() {
		return "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
				+ ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " processors";
	}

	/** Nearest rank: the smallest value at or above the share p of them (sorts the list). */
	public static long percentile(List<Long> values, double p) {
		Collections.sort(values);
		return values.get((int) Math.max(0, Math.ceil(p * values.size()) - 1));
	}

	/** {@code /proc/loadavg}. */
	public static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
