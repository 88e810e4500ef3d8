package cn.example.servicehall.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by a hall that died without shutting down ({@code kill -9}, power loss of the
 * JVM only). PostgreSQL keeps serving its data directory, and without this the next start would fail on the lock
 * file or, worse, quietly reuse the old server. It is recognised by its {@code postmaster.pid} naming a live
 * {@code postgres} process while no running hall holds the embedded server's lock file.
 * <p>
 * It is stopped in PostgreSQL's own shutdown modes, gentlest first: smart (SIGTERM) waits for its clients to
 * disconnect; when client sessions still hold it after a few seconds (a client of the dead hall that survived it,
 * such as its Keycloak), fast (SIGINT) disconnects them and checkpoints; immediate (SIGQUIT) is the last resort, after
 * which the next start recovers from the write-ahead log. Committed data survives all three.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	/** The file zonky's {@code EmbeddedPostgres} keeps an OS lock on while it runs the server. */
	static final String HALL_LOCK_FILE = "epg-lock";

	/** How long a smart shutdown may wait for client sessions before the fast one disconnects them. */
	static final Duration SMART_PATIENCE = Duration.ofSeconds(5);

	/** A server process serving a client: {@code postgres: <user> <database> <host>(<port>)|[local] <state>}. */
	private static final Pattern CLIENT_SESSION = Pattern.compile("postgres: (\\S+) (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\])");

	/** PostgreSQL's shutdown modes, with the signal that asks for each. */
	enum ShutdownMode {

		SMART("TERM"), FAST("INT"), IMMEDIATE("QUIT");

		private final String signal;

		ShutdownMode(String signal) {
			this.signal = signal;
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT) + " shutdown (SIG" + this.signal + ")";
		}

	}

	/** What was stopped, and how. */
	record Stopped(long pid, ShutdownMode mode, Duration took) {

		String describe() {
			return "its PostgreSQL server (pid " + this.pid + "), stopped with a " + this.mode + " in "
					+ seconds(this.took);
		}

	}

	private OrphanedPostmaster() {
	}

	/** Stops the server a dead hall left on {@code dataDir}, if there is one; refuses if a live hall uses it. */
	static Optional<Stopped> stopIfPresent(Path dataDir) throws IOException {
		ensureNoLiveHallUses(dataDir);
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// a stale pid file: PostgreSQL removes it itself on start
			return Optional.empty();
		}
		String command = process.get().info().command().orElse("");
		if (!command.endsWith("/postgres")) {
			log.warn("postmaster.pid in {} names process {} ({}), which is not PostgreSQL; removing the stale file",
					dataDir, pid, command);
			Files.delete(pidFile);
			return Optional.empty();
		}
		log.warn("A PostgreSQL server (pid {}) is still running on {} although no hall holds it: the last hall "
				+ "did not shut down cleanly. Stopping it before starting a new one.", pid, dataDir);
		Stopped stopped = stop(process.get());
		log.info("Stopped the orphaned PostgreSQL server (pid {}) with a {} in {}", pid, stopped.mode(),
				seconds(stopped.took()));
		return Optional.of(stopped);
	}

	/** Throws unless the lock file zonky holds while it runs the server is free: no live hall uses the data. */
	static void ensureNoLiveHallUses(Path dataDir) throws IOException {
		Path lockFile = dataDir.resolve(HALL_LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw anotherHallRunning(dataDir);
			}
		}
		catch (OverlappingFileLockException ex) {
			throw anotherHallRunning(dataDir);
		}
	}

	private static IllegalStateException anotherHallRunning(Path dataDir) {
		return new IllegalStateException("Another running Service Hall uses the database in " + dataDir
				+ ". Stop it first, or give this one its own servicehall.database.embedded.data-dir.");
	}

	/**
	 * Smart first. If it has not finished after {@link #SMART_PATIENCE} because client sessions still hold it (rather
	 * than its final checkpoint), fast; immediate if even that does not end it.
	 */
	private static Stopped stop(ProcessHandle postmaster) {
		Instant started = Instant.now();
		postmaster.destroy();
		if (awaitExit(postmaster, SMART_PATIENCE)) {
			return new Stopped(postmaster.pid(), ShutdownMode.SMART, Duration.between(started, Instant.now()));
		}
		Optional<List<String>> sessions = clientSessions(postmaster);
		if (sessions.filter(List::isEmpty).isPresent() && awaitExit(postmaster, Duration.ofSeconds(60))) {
			// no client held it up: it was writing its shutdown checkpoint
			return new Stopped(postmaster.pid(), ShutdownMode.SMART, Duration.between(started, Instant.now()));
		}
		log.warn("The orphaned PostgreSQL server (pid {}) has not finished its smart shutdown after {} s: it waits for "
				+ "client sessions {}. Asking for a {}, which disconnects them.", postmaster.pid(),
				SMART_PATIENCE.toSeconds(), sessions.map(Object::toString).orElse("(which, this system does not say)"),
				ShutdownMode.FAST);
		signal(postmaster.pid(), ShutdownMode.FAST.signal);
		if (awaitExit(postmaster, Duration.ofSeconds(30))) {
			return new Stopped(postmaster.pid(), ShutdownMode.FAST, Duration.between(started, Instant.now()));
		}
		log.warn("The orphaned PostgreSQL server (pid {}) did not finish a fast shutdown within 30 s. Asking for an {}; "
				+ "the next start recovers from the write-ahead log.", postmaster.pid(), ShutdownMode.IMMEDIATE);
		signal(postmaster.pid(), ShutdownMode.IMMEDIATE.signal);
		if (awaitExit(postmaster, Duration.ofSeconds(10))) {
			return new Stopped(postmaster.pid(), ShutdownMode.IMMEDIATE, Duration.between(started, Instant.now()));
		}
		throw new IllegalStateException("Could not stop the orphaned PostgreSQL server (pid " + postmaster.pid()
				+ ") even with an immediate shutdown. Stop it by hand and start again.");
	}

	/**
	 * The server's client sessions, as {@code user@database}, from its processes' titles in {@code /proc} (Java's
	 * process information leaves the titles out); empty where there is no {@code /proc}.
	 */
	private static Optional<List<String>> clientSessions(ProcessHandle postmaster) {
		List<String> sessions = new ArrayList<>();
		for (ProcessHandle child : postmaster.children().toList()) {
			try {
				byte[] title = Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
				Matcher session = CLIENT_SESSION.matcher(new String(title, StandardCharsets.UTF_8));
				if (session.lookingAt()) {
					sessions.add(session.group(1) + "@" + session.group(2));
				}
			}
			catch (NoSuchFileException ex) {
				// gone meanwhile
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}
		return Files.isDirectory(Path.of("/proc")) ? Optional.of(sessions) : Optional.empty();
	}

	/**
	 * Sends {@code signal} with the shell's {@code kill} (Java sends only SIGTERM and SIGKILL; {@code pg_ctl kill}
	 * refuses to run as root, which the embedded server allows).
	 */
	private static void signal(long pid, String signal) {
		try {
			Process sender = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + pid).redirectErrorStream(true)
				.start();
			String output = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (sender.waitFor() != 0) {
				log.warn("Could not send SIG{} to PostgreSQL (pid {}): {}", signal, pid, output);
			}
		}
		catch (IOException ex) {
			log.warn("Could not send SIG{} to PostgreSQL (pid {}): {}", signal, pid, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitExit(ProcessHandle process, Duration patience) {
		try {
			process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
