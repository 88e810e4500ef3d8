package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.PackagedHall;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall as an operator runs it: the packaged jar, and the same classes from directories as {@code spring-boot:run}
 * has them, on one data directory. A restart keeps the cases and deploys no new version of an unchanged model, in
 * either run mode; after {@code kill -9} the hall starts again cleanly and the data is all there.
 */
class HallRestartIT {

	/** Sign-in: a provider that is not running (no local Keycloak); tokens from the test key. */
	@TempDir
	Path workDir;

	private PackagedHall hall;

	@BeforeEach
	void newHall() {
		this.hall = new PackagedHall(this.workDir);
	}

	@AfterEach
	void stopEverything() {
		this.hall.close();
	}

	/** The models the packaged hall deploys, whoever adds one: every BPMN and DMN file but the tests' own. */
	private static int modelCount() throws java.io.IOException {
		var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
		int count = 0;
		for (String pattern : java.util.List.of("classpath*:bpmn/**/*.bpmn", "classpath*:dmn/**/*.dmn")) {
			for (org.springframework.core.io.Resource model : resolver.getResources(pattern)) {
				count += model.getURL().toString().contains("/test-classes/") ? 0 : 1;
			}
		}
		return count;
	}

	@Test
	void keepsCasesAndModelsAcrossRestartsRunModesAndKillNine() throws Exception {
		// first start, from the jar: the model is deployed once
		int models = modelCount();
		Process first = this.hall.start(PackagedHall.jarCommand(), "first.log", PackagedHall.TEST_TOKENS);
		this.hall.awaitHealthy(first, "first.log");
		assertThat(this.hall.log("first.log")).contains("Process models: " + models + " found, deployed [").contains("ResaleLoanProcess v1")
			.contains("NewHouseLoanProcess v1").contains("SlaEscalationProcess v1").contains("LoanEligibility v1").contains("DepositTimeCoefficient v1");
		String caseNo = submitCase();

		// graceful stop: engine, pool, then PostgreSQL; nothing left running
		first.destroy();
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
		assertThat(this.hall.log("first.log")).containsSubsequence("Process Engine default closed", "Shutdown completed",
				"Embedded PostgreSQL stopped");
		assertThat(this.hall.dataDir().resolve("postmaster.pid")).doesNotExist();

		// second start, from directories (as spring-boot:run or an IDE): nothing redeployed, the case is there
		Process second = this.hall.start(explodedCommand(), "second.log", PackagedHall.TEST_TOKENS);
		this.hall.awaitHealthy(second, "second.log");
		assertThat(this.hall.log("second.log")).contains("Process models: " + models + " found, all unchanged, nothing deployed");
		assertThat(get("/api/cases/" + caseNo)).contains("\"caseNo\":\"" + caseNo + "\"");
		assertThat(get("/engine-rest/deployment/count")).isEqualTo("{\"count\":1}");
		assertThat(get("/engine-rest/process-definition/count?key=ResaleLoanProcess")).isEqualTo("{\"count\":1}");

		// kill -9: PostgreSQL is orphaned
		second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long orphan = this.hall.postmasterPid();
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		// third start, from the jar again: the orphan is stopped, the hall comes up with everything
		Process third = this.hall.start(PackagedHall.jarCommand(), "third.log", PackagedHall.TEST_TOKENS);
		this.hall.awaitHealthy(third, "third.log");
		assertThat(this.hall.log("third.log")).contains("did not shut down cleanly")
			.contains("Process models: " + models + " found, all unchanged, nothing deployed");
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		assertThat(get("/api/cases/" + caseNo)).contains("\"status\":\"SUBMITTED\"");
		assertThat(get("/api/tasks")).contains(caseNo);
		assertThat(get("/engine-rest/deployment/count")).isEqualTo("{\"count\":1}");

		// the hall's own database is durable
		try (Connection connection = DriverManager.getConnection(this.hall.jdbcUrl("servicehall"), "postgres", "");
				ResultSet fsync = connection.createStatement().executeQuery("show fsync")) {
			fsync.next();
			assertThat(fsync.getString(1)).isEqualTo("on");
		}
		third.destroy();
		assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	private List<String> explodedCommand() {
		// the processes module's classes first, as a directory: the resource names differ from the jar's
		String classpath = Path.of("..", "processes", "target", "classes").toAbsolutePath().normalize()
				+ File.pathSeparator
				+ Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					.filter(entry -> !entry.endsWith("test-classes"))
					.collect(Collectors.joining(File.pathSeparator));
		return new ArrayList<>(List.of(PackagedHall.java(), "-cp", classpath, ServiceHallApplication.class.getName()));
	}

	private String submitCase() throws Exception {
		HttpResponse<String> response = this.hall.send(this.hall.request("/api/loan/resale-applications",
				TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
				.writeValueAsString(LoanFixtures.resaleApplication(LoanFixtures.FLAT_2008)))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body().replaceAll("(?s).*?\"caseNo\":\"([A-Z0-9]+)\".*", "$1");
	}

	private String get(String path) throws Exception {
		return this.hall.get(path, TestTokens.user("admin1", "system-admin", "hpf-acceptance-clerk"));
	}

}
