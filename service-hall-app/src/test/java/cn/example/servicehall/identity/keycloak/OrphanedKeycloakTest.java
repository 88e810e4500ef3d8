package cn.example.servicehall.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which processes count as the Keycloak a killed hall left behind, with stand-ins shaped like the real ones: a
 * {@code kc.sh} from the home's distribution and the java it starts ({@code -Dkc.script.pid=<its pid>}). Both are
 * stopped, also when the script is gone already; a live hall's Keycloak and a stranger named by a stale pid file are
 * left alone.
 */
class OrphanedKeycloakTest {

	@TempDir
	Path home;

	private Process script;

	@AfterEach
	void stopStandIns() {
		if (this.script != null) {
			this.script.descendants().forEach(ProcessHandle::destroyForcibly);
			this.script.destroyForcibly();
		}
	}

	@Test
	void stopsTheScriptAndTheJavaItStarted() throws Exception {
		ProcessHandle java = startKeycloakStandIn();
		writePidFile(this.script.pid());

		List<String> stopped = new OrphanedKeycloak(this.home).stopLeftovers();

		assertThat(stopped).singleElement()
			.asString()
			.startsWith("its Keycloak (kc.sh pid " + this.script.pid() + ", ")
			.contains("pid " + java.pid())
			.contains("stopped with SIGTERM");
		assertThat(this.script.isAlive()).isFalse();
		assertThat(java.isAlive()).isFalse();
		assertThat(this.home.resolve(KeycloakLauncher.PID_FILE)).doesNotExist();
	}

	@Test
	void stopsTheJavaAlsoWhenItsScriptIsGone() throws Exception {
		ProcessHandle java = startKeycloakStandIn();
		writePidFile(this.script.pid());
		this.script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		assertThat(java.isAlive()).as("the script's child lives on").isTrue();

		List<String> stopped = new OrphanedKeycloak(this.home).stopLeftovers();

		assertThat(stopped).singleElement().asString().contains("pid " + java.pid());
		assertThat(java.isAlive()).isFalse();
	}

	@Test
	void leavesTheKeycloakOfALiveHallAlone() throws Exception {
		ProcessHandle java = startKeycloakStandIn();
		writePidFile(this.script.pid());
		try (KeycloakHomeLock held = KeycloakHomeLock.tryAcquire(this.home).orElseThrow()) {
			assertThat(new OrphanedKeycloak(this.home).stopLeftovers()).isEmpty();
		}
		assertThat(this.script.isAlive()).isTrue();
		assertThat(java.isAlive()).isTrue();
	}

	@Test
	void leavesAStrangerNamedByAStalePidFileAlone() throws Exception {
		this.script = new ProcessBuilder("sleep", "60").start();
		writePidFile(this.script.pid());

		assertThat(new OrphanedKeycloak(this.home).stopLeftovers()).isEmpty();

		assertThat(this.script.isAlive()).isTrue();
		assertThat(this.home.resolve(KeycloakLauncher.PID_FILE)).doesNotExist();
	}

	/** A {@code kc.sh} of the home's distribution that runs a "java" child and passes SIGTERM on, as the real one. */
	private ProcessHandle startKeycloakStandIn() throws IOException {
		Path bin = Files.createDirectories(this.home.resolve("keycloak-0.0.0").resolve("bin"));
		Path kcSh = bin.resolve("kc.sh");
		Files.writeString(kcSh, """
				#!/bin/bash
				trap 'kill -TERM $PID; wait $PID' TERM INT
				bash -c 'sleep 60; :' -Dkc.script.pid=$$ "-Dkc.home.dir=$(dirname "$0")/.." &
				PID=$!
				wait $PID
				""");
		kcSh.toFile().setExecutable(true);
		this.script = new ProcessBuilder(kcSh.toString(), "start-dev").start();
		return Awaitility.await("the stand-in's java")
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.script.descendants().filter(p -> p.info().commandLine().orElse("")
				.contains("-Dkc.script.pid=" + this.script.pid())).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private void writePidFile(long pid) throws IOException {
		Files.writeString(this.home.resolve(KeycloakLauncher.PID_FILE), Long.toString(pid));
	}

}
