package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The hall's own Keycloak, started with the hall and stopped with it. It starts in the background, so the hall serves
 * its pages at once and tells users plainly that sign-in is still starting; the first start (download, unpack,
 * Keycloak's build for PostgreSQL) takes about a minute, later ones a few seconds.
 */
public class LocalKeycloak implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);

	/** Where it stands, for the sign-in pages. */
	public enum State {

		STOPPED, STARTING, READY, FAILED

	}

	private final KeycloakLauncher launcher;

	private volatile State state = State.STOPPED;

	private volatile CompletableFuture<Void> startup = CompletableFuture.completedFuture(null);

	private volatile String failure;

	public LocalKeycloak(KeycloakLauncher launcher) {
		this.launcher = launcher;
	}

	public KeycloakLauncher launcher() {
		return this.launcher;
	}

	public State state() {
		return this.state;
	}

	public Optional<String> failure() {
		return Optional.ofNullable(this.failure);
	}

	@Override
	public void start() {
		this.state = State.STARTING;
		this.startup = CompletableFuture.runAsync(() -> {
			try {
				this.launcher.start();
				this.launcher.awaitReady();
				this.state = State.READY;
			}
			catch (IOException | RuntimeException ex) {
				this.state = State.FAILED;
				this.failure = ex.getMessage();
				log.error("The hall's Keycloak could not start; sign-in is unavailable until it does. {}", ex.getMessage());
			}
		}, runnable -> {
			Thread thread = new Thread(runnable, "keycloak-launcher");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** Blocks until Keycloak is ready; throws if it failed to start (tests, scripts). */
	public void awaitReady() {
		this.startup.join();
		if (this.state != State.READY) {
			throw new IllegalStateException("Keycloak did not start: " + this.failure);
		}
	}

	@Override
	public void stop() {
		this.launcher.stop();
		this.state = State.STOPPED;
	}

	@Override
	public boolean isRunning() {
		return this.state == State.STARTING || this.state == State.READY;
	}

	@Override
	public int getPhase() {
		// after the web server has stopped taking requests
		return Integer.MAX_VALUE - 100;
	}

}
