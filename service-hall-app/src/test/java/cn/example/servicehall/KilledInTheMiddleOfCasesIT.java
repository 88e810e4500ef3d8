package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.support.FaultCounts;
import cn.example.servicehall.support.PackagedHall;
import cn.example.servicehall.support.CaseDriver;
import cn.example.servicehall.support.CaseDriver.DrivenCase;

/**
 * The fault suite's hardest fault: the packaged hall, in a JVM of its own on its own PostgreSQL with its job executor
 * running, killed with SIGKILL while resale-loan cases are being worked on through its API (requests in flight,
 * documents being issued, payments being made), then started again on the same data. Twice: once while the cases
 * are being accepted and reviewed, once while they are being approved, signed and paid. The officers' client keeps
 * sending what it has not seen answered (submissions with their Idempotency-Key). Every case must complete, and the
 * database must hold every case, payment, document, step and message exactly once ({@link FaultCounts}).
 */
class KilledInTheMiddleOfCasesIT {

	/** Sign-in: tokens from the test key, no Keycloak. */
	private static final int CASES = 12;

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

	@Test
	void everyCaseCompletesOnceAfterTheHallIsKilledTwiceInTheMiddleOfThem() throws Exception {
		Process running = start("start-0.log");
		CaseDriver driver = new CaseDriver(this.hall.httpPort());
		for (int i = 0; i < CASES; i++) {
			driver.newCase();
		}
		AtomicBoolean stop = new AtomicBoolean();
		Thread officers = driver.roundsUntilCompleted(stop);
		try {
			// first kill: cases being submitted, accepted and reviewed, receipts being issued
			awaitCases(driver, "half the cases accepted", c -> c.answeredSteps().contains("acceptance"), CASES / 2);
			running = killAndStart(running, "start-1.log");

			// second kill: cases being approved, signed, registered and paid
			awaitCases(driver, "a third of the cases signed", c -> c.answeredSteps().contains("signing-fund-centre"),
					CASES / 3);
			running = killAndStart(running, "start-2.log");

			Awaitility.await("every case completed")
				.atMost(Duration.ofMinutes(6))
				.pollInterval(Duration.ofSeconds(1))
				.until(driver::allCompleted);
		}
		finally {
			stop.set(true);
			officers.join(TimeUnit.MINUTES.toMillis(1));
		}

		FaultCounts counts;
		try (Connection connection = DriverManager.getConnection(this.hall.jdbcUrl("servicehall"), "postgres", "")) {
			counts = FaultCounts.of(connection, driver.cases());
		}
		System.out.printf("Fault: the hall killed (SIGKILL) twice in the middle of cases: %s; %d requests found the "
				+ "hall down and were sent again%n", counts.summary(), driver.unavailableAnswers());
		assertThat(driver.unavailableAnswers()).as("requests that met the dead hall").isPositive();
		assertThat(driver.wrongAnswers()).as("answers other than success, 409 and 503").isEmpty();
		assertThat(counts.problems()).as(counts.summary()).isEmpty();
		assertThat(counts.nothingLostOrDuplicated()).isTrue();
		running.destroy();
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("a graceful stop at the end").isTrue();
	}

	private Process start(String logName) throws Exception {
		Process process = this.hall.start(PackagedHall.jarCommand(), logName, PackagedHall.TEST_TOKENS);
		Instant started = Instant.now();
		this.hall.awaitHealthy(process, logName);
		System.out.printf("%s: healthy after %d s%n", logName, Duration.between(started, Instant.now()).toSeconds());
		return process;
	}

	private Process killAndStart(Process running, String logName) throws Exception {
		running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		System.out.println("Killed the hall (SIGKILL) before " + logName);
		return start(logName);
	}

	private static void awaitCases(CaseDriver driver, String what, Predicate<DrivenCase> reached, int count) {
		Awaitility.await(what)
			.atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> driver.cases().stream().filter(reached).count() >= count);
	}

}
