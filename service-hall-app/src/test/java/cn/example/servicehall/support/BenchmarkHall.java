package cn.example.servicehall.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.example.servicehall.ServiceHallApplication;

/**
 * What the benchmarks' mains share (docs/benchmarks.md): the hall started in the benchmark's JVM as in production
 * (job executor on; only its warnings logged, on the console between the figures), trusting {@link TestTokens} instead of Keycloak, on its own embedded
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
	 * deleted first), else on what the last start left. Its node name is
	 * {@code <name>-a}.
	 */
	public static ConfigurableApplicationContext start(String name, boolean fresh) throws IOException {
		Path dataDir = dataDir(name);
		if (fresh) {
			deleteRecursively(dataDir);
		}
		return run(name, "--servicehall.database.embedded.data-dir=" + dataDir,
				"--servicehall.database.embedded.port=" + freePort(), "--servicehall.node-name=" + name + "-a");
	}

	/**
	 * Starts a second node of the hall {@code first} (ADR 0011), in this JVM: its own Tomcat, connection pool, engine
	 * and job executor, on the first node's database (no PostgreSQL of its own), node name {@code <name>-b}.
	 */
	public static ConfigurableApplicationContext startSecondNode(String name, ConfigurableApplicationContext first)
			throws IOException {
		HikariDataSource pool = first.getBean(HikariDataSource.class);
		return run(name, "--spring.datasource.url=" + pool.getJdbcUrl(),
				"--spring.datasource.username=" + pool.getUsername(),
				"--spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
				"--servicehall.node-name=" + name + "-b");
	}

	private static ConfigurableApplicationContext run(String name, String... node) {
		long started = System.nanoTime();
		List<String> args = new ArrayList<>(List.of(node));
		args.addAll(List.of("--server.port=0", "--servicehall.oidc.issuer-uri=" + TestTokens.ISSUER,
				"--servicehall.oidc.client-secret=benchmark",
				"--servicehall.documents.keys.directory=target/" + name + "-keys",
				"--camunda.bpm.job-execution.enabled=true",
				// only warnings, on the console between the figures (the hall's logback configuration has no file)
				"--logging.threshold.console=WARN"));
		ConfigurableApplicationContext hall = new SpringApplicationBuilder(ServiceHallApplication.class)
			.initializers(new TrustTestTokens())
			.run(args.toArray(String[]::new));
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

	/**
	 * The machine's processor time so far from {@code /proc/stat}, in clock ticks: busy (all but idle and I/O wait) and
	 * all; {0, 0} where there is no such file. Two readings give how busy all the machine's processors were between them.
	 */
	public static long[] cpuTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long all = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				all += Long.parseLong(fields[i]);
			}
			return new long[] { all - Long.parseLong(fields[4]) - Long.parseLong(fields[5]), all };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	/** How busy the machine's processors were between two {@link #cpuTicks} readings, in per cent, or "–". */
	public static String busy(long[] before, long[] after) {
		long all = after[1] - before[1];
		return all <= 0 ? "–" : String.format("%.0f %%", 100.0 * (after[0] - before[0]) / all);
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
