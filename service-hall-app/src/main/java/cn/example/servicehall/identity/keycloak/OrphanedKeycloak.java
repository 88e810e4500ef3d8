package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.example.servicehall.platform.database.LeftoverDatabaseClients;

/**
 * The Keycloak a hall left running when it was killed ({@code kill -9}): it lives on, holding connections to the
 * hall's PostgreSQL server, and the next start must stop it before that server. Recognised by the pid file the
 * launcher writes into the Keycloak home and a command line that runs the distribution unpacked there, while no live
 * hall holds the home's lock ({@link KeycloakHomeLock}).
 * <p>
 * {@code kc.sh} runs Keycloak's java as its child, or {@code exec}s it after rebuilding Keycloak, so the pid file names
 * either the script or the java itself. Both are covered: the process named, its descendants, and any java that
 * script started ({@code -Dkc.script.pid=<pid>}) are stopped, with SIGTERM and, after {@link #GRACE}, SIGKILL.
 */
final class OrphanedKeycloak implements LeftoverDatabaseClients {

	private static final Logger log = LoggerFactory.getLogger(OrphanedKeycloak.class);

	/** How long Keycloak may take to shut down on SIGTERM (it closes its sessions and its database pool). */
	static final Duration GRACE = Duration.ofSeconds(30);

	private final Path home;

	OrphanedKeycloak(Path home) {
		this.home = home.toAbsolutePath().normalize();
	}

	@Override
	public List<String> stopLeftovers() {
		try {
			return stopIfPresent();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check " + this.home + " for a Keycloak left running", ex);
		}
	}

	private List<String> stopIfPresent() throws IOException {
		Path pidFile = this.home.resolve(KeycloakLauncher.PID_FILE);
		if (!Files.exists(pidFile)) {
			return List.of();
		}
		if (KeycloakHomeLock.isHeld(this.home)) {
			log.info("The Keycloak in {} belongs to a running hall; leaving it alone", this.home);
			return List.of();
		}
		String pid = Files.readString(pidFile).trim();
		List<ProcessHandle> processes = pid.matches("\\d+") ? find(Long.parseLong(pid)) : List.of();
		if (processes.isEmpty()) {
			Files.deleteIfExists(pidFile);
			return List.of();
		}
		String found = describe(processes);
		log.warn("A Keycloak run from {} is still running ({}) although no hall runs it: the last hall did not shut "
				+ "down cleanly. Stopping it before the database server it uses.", this.home, found);
		String how = terminate(processes);
		Files.deleteIfExists(pidFile);
		log.info("Stopped the orphaned Keycloak ({}) with {}", found, how);
		return List.of("its Keycloak (" + found + "), stopped with " + how);
	}

	/** The process named, the java its script started (with {@code exec} the same), and their descendants. */
	private List<ProcessHandle> find(long pid) {
		Set<ProcessHandle> roots = new LinkedHashSet<>();
		ProcessHandle.of(pid).filter(this::runsFromHome).ifPresent(roots::add);
		String startedByScript = "-Dkc.script.pid=" + pid + " ";
		ProcessHandle.allProcesses()
			.filter(p -> commandLine(p).contains(startedByScript) && runsFromHome(p))
			.forEach(roots::add);
		Set<ProcessHandle> found = new LinkedHashSet<>();
		for (ProcessHandle root : roots) {
			found.add(root);
			root.descendants().forEach(found::add);
		}
		return found.stream().filter(ProcessHandle::isAlive).toList();
	}

	private boolean runsFromHome(ProcessHandle process) {
		return commandLine(process).contains(this.home + "/keycloak-");
	}

	/** Stops {@code processes}: SIGTERM, then SIGKILL for what outlives {@link #GRACE}; says how, for the log. */
	static String terminate(Collection<ProcessHandle> processes) {
		Instant started = Instant.now();
		processes.forEach(ProcessHandle::destroy);
		if (awaitExit(processes, GRACE)) {
			return "SIGTERM in " + seconds(Duration.between(started, Instant.now()));
		}
		List<ProcessHandle> stubborn = processes.stream().filter(ProcessHandle::isAlive).toList();
		log.warn("Keycloak ({}) did not stop within {} s of SIGTERM; killing it", describe(stubborn), GRACE.toSeconds());
		stubborn.forEach(ProcessHandle::destroyForcibly);
		if (!awaitExit(stubborn, Duration.ofSeconds(10))) {
			throw new IllegalStateException("Could not stop Keycloak (" + describe(stubborn)
					+ ") even with SIGKILL. Stop it by hand and start again.");
		}
		return "SIGTERM, then SIGKILL after " + GRACE.toSeconds() + " s, in "
				+ seconds(Duration.between(started, Instant.now()));
	}

	private static boolean awaitExit(Collection<ProcessHandle> processes, Duration patience) {
		Instant deadline = Instant.now().plus(patience);
		for (ProcessHandle process : processes) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			try {
				process.onExit().get(Math.max(left, 0), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				// timed out, or gone already: decided below
			}
		}
		return processes.stream().noneMatch(ProcessHandle::isAlive);
	}

	/** "kc.sh pid 123, java pid 456". */
	static String describe(Collection<ProcessHandle> processes) {
		List<String> described = new ArrayList<>();
		for (ProcessHandle process : processes) {
			String command = process.info().command().orElse("?");
			String name = command.endsWith("/java") ? "java"
					: commandLine(process).contains("/kc.sh") ? "kc.sh" : Path.of(command).getFileName().toString();
			described.add(name + " pid " + process.pid());
		}
		return described.stream().collect(Collectors.joining(", "));
	}

	/** The command line with {@code /./} folded, as a home given as {@code ./data/keycloak} appears in it. */
	private static String commandLine(ProcessHandle process) {
		return process.info().commandLine().orElse("").replace("/./", "/") + " ";
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
