package cn.example.servicehall.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by a hall that died without shutting down ({@code kill -9}, power loss of the
 * JVM only). PostgreSQL keeps serving its data directory, and without this the next start would fail on the lock
 * file or, worse, quietly reuse the old server. It is recognised by its {@code postmaster.pid} naming a live
 * {@code postgres} process while no running hall holds the embedded server's lock file.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	/** The file zonky's {@code EmbeddedPostgres} keeps an OS lock on while it runs the server. */
	static final String HALL_LOCK_FILE = "epg-lock";

	private OrphanedPostmaster() {
	}

	static void stopIfPresent(Path dataDir) throws IOException {
		ensureNoLiveHallUses(dataDir);
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).trim());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// a stale pid file: PostgreSQL removes it itself on start
			return;
		}
		String command = process.get().info().command().orElse("");
		if (!command.endsWith("/postgres")) {
			log.warn("postmaster.pid in {} names process {} ({}), which is not PostgreSQL; removing the stale file",
					dataDir, pid, command);
			Files.delete(pidFile);
			return;
		}
		log.warn("A PostgreSQL server (pid {}) is still running on {} although no hall holds it: the last hall "
				+ "did not shut down cleanly. Stopping it before starting a new one.", pid, dataDir);
		stop(process.get());
		log.info("Stopped the orphaned PostgreSQL server (pid {})", pid);
	}

	private static void ensureNoLiveHallUses(Path dataDir) throws IOException {
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

	private static void stop(ProcessHandle postmaster) {
		// SIGTERM is PostgreSQL's "smart" shutdown: it waits for client sessions to end, and the dead hall's sessions
		// ended with it, so the server checkpoints and exits at once
		postmaster.destroy();
		if (!awaitExit(postmaster, 60)) {
			throw new IllegalStateException("Could not stop the orphaned PostgreSQL server (pid " + postmaster.pid()
					+ ") within a minute. Stop it by hand (kill -INT " + postmaster.pid() + ") and start again.");
		}
	}

	private static boolean awaitExit(ProcessHandle process, int seconds) {
		try {
			process.onExit().get(seconds, TimeUnit.SECONDS);
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

}
