package cn.example.servicehall.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hall with the Keycloak it starts for itself (the official distribution, the realm from the repository, data in
 * the hall's PostgreSQL), on fixed free ports so that redirect URIs work in a real browser. Test classes that extend
 * this share one hall and one Keycloak: Spring caches the context, and the first start of Keycloak is the slow part.
 * The job executor is off as in every integration test: tests run the case's jobs themselves. As there, the hall's
 * clock is the engine's ({@link EngineClock}), so a test can move both to the day it needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(EngineClock.class)
public abstract class KeycloakBrowserTest {

	protected static final int HALL_PORT = freePort();

	protected static final int KEYCLOAK_PORT = freePort();

	protected static final String HALL = "http://localhost:" + HALL_PORT;

	@DynamicPropertySource
	static void runTheHallsOwnKeycloak(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> HALL_PORT);
		registry.add("servicehall.oidc.issuer-uri", () -> "");
		registry.add("servicehall.keycloak.local.port", () -> KEYCLOAK_PORT);
		registry.add("servicehall.keycloak.local.home", () -> "target/keycloak-it");
		registry.add("servicehall.keycloak.local.hall-url", () -> HALL);
	}

	@Autowired
	private ProcessEngine engine;

	/**
	 * The consoles (Cockpit, Tasklist, Admin) find their engine by name in Camunda's JVM-wide registry and work
	 * through JVM-wide runtime delegates. In one JVM of tests, another test context that started later holds the name,
	 * and one that closed (with {@code @DirtiesContext}) has cleared the delegates: point both back at this hall.
	 * A hall in production runs one engine in its JVM, and none of this arises.
	 */
	@BeforeEach
	void pointTheConsolesAtThisHall() {
		ProcessEngines.registerProcessEngine(this.engine);
		Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
		Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
		Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
		Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
