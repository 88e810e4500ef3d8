package cn.example.servicehall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.documents.render.DocumentData;
import cn.example.servicehall.documents.render.DocumentRenderer;
import cn.example.servicehall.documents.render.DocumentTemplate;
import cn.example.servicehall.documents.render.RenderedDocument;
import cn.example.servicehall.support.FaultCounts;
import cn.example.servicehall.support.CaseDriver;
import cn.example.servicehall.support.CaseDriver.DrivenCase;
import cn.example.servicehall.support.WithdrawalFixtures;

/**
 * The fault suite: resale-loan cases (and, where their systems are at stake, retirement withdrawals) run through the
 * hall's API over HTTP, as its officers would, while something
 * fails under them: each agency's system down for a stretch and back, documents that cannot be rendered for a stretch,
 * the PostgreSQL server restarted, the same step sent twice at once. (The hall killed in the middle of cases is
 * {@link KilledInTheMiddleOfCasesIT}: that needs a hall of its own.) Each test ends only when every case has
 * completed, then counts in the database what was lost or duplicated ({@link FaultCounts}): every count must be 0,
 * and every answer the hall gave was a success, "not open" (409) or "unavailable, try again" (503), never another
 * failure.
 * <p>
 * The job executor is off (as in every in-process test): each round of the run executes the due jobs itself and moves
 * the engine's clock on by the models' retry interval (5 minutes), so a failed step is retried as the job executor
 * would retry it.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
@Import(FaultsIT.RenderingFault.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FaultsIT {

	/** The models' retry interval (R5/PT5M), and a second. */
	private static final Duration RETRY_INTERVAL = Duration.ofMinutes(5).plusSeconds(1);

	/** More rounds than any run needs; a run that has not ended by then has lost a case. */
	private static final int MAX_ROUNDS = 120;

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private RenderingFault rendering;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	private CaseDriver driver;

	private final List<String> downAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	private final Map<String, Integer> jobFailures = new TreeMap<>();

	@BeforeEach
	void newRun() {
		this.driver = new CaseDriver(this.port);
		ClockUtil.setCurrentTime(new Date());
	}

	@AfterEach
	void everythingBack() {
		this.outages.allUp();
		this.rendering.failing.set(false);
		ClockUtil.reset();
	}

	/**
	 * Each system that resale loans and retirement withdrawals call goes down in turn for three retry intervals and
	 * comes back, while new cases of both keep arriving, so that cases meet each outage at whatever step they are. A step that calls the system in the
	 * background fails and is retried; a request that needs it at once is answered 503 and sent again.
	 */
	@Test
	void eachAgencySystemDownForAStretchAndBack() throws SQLException {
		// the systems resale loans and retirement withdrawals call (the loan servicing system, the housing authority
		// and the tax bureau are the bundles': their outages are rehearsed by their own tests)
		List<FakeSystem> systems = List.of(FakeSystem.REGISTRY, FakeSystem.CREDIT_BUREAU, FakeSystem.FUND_ACCOUNTS,
				FakeSystem.BANK_CORE, FakeSystem.SOCIAL_SECURITY, FakeSystem.SMS_GATEWAY);
		int stretch = 3;
		int firstOutage = 4;
		int lastRound = firstOutage + systems.size() * (stretch + 1);
		Map<FakeSystem, Integer> refusals = new EnumMap<>(FakeSystem.class);

		run(round -> {
			if (round <= lastRound) {
				this.driver.newCase();
				this.driver.newRetirementWithdrawal(WithdrawalFixtures.retired(this.jdbc, "孙退休"));
			}
			int since = round - firstOutage;
			for (int i = 0; i < systems.size(); i++) {
				int downAt = i * (stretch + 1);
				if (since == downAt) {
					this.outages.down(systems.get(i));
				}
				else if (since == downAt + stretch) {
					this.outages.up(systems.get(i));
				}
			}
		}, (round, unavailable) -> this.outages.downNow()
			.forEach(system -> refusals.merge(system, unavailable, Integer::sum)));

		FaultCounts counts = counts();
		report("each agency's system down for " + stretch + " retry intervals", counts);
		assertThat(this.driver.wrongAnswers()).as("answers other than success, 409 and 503").isEmpty();
		for (FakeSystem system : systems) {
			int met = this.jobFailures.getOrDefault(system.name(), 0) + refusals.getOrDefault(system, 0);
			System.out.printf("  %s down: %d background attempts failed, %d requests answered 503%n", system,
					this.jobFailures.getOrDefault(system.name(), 0), refusals.getOrDefault(system, 0));
			assertThat(met).as("cases met the outage of " + system).isPositive();
		}
		assertNothingLostOrDuplicated(counts);
	}

	/**
	 * For three retry intervals, no document can be rendered (as if its template or fonts were broken by a deploy):
	 * each step that issues one stops at once for an administrator, with the reason on the case page. The fault is
	 * mended and the administrator retries the stopped steps (Cockpit's "retry"); every case completes with each of
	 * its documents once.
	 */
	@Test
	void documentsFailingToRenderForAStretch() throws SQLException {
		AtomicInteger stopped = new AtomicInteger();
		run(round -> {
			if (round <= 10) {
				this.driver.newCase();
			}
			if (round == 3) {
				this.rendering.failing.set(true);
			}
			if (round == 6) {
				this.rendering.failing.set(false);
				stopped.addAndGet(retryStoppedSteps());
			}
			if (round > 6) {
				stopped.addAndGet(retryStoppedSteps());
			}
		}, (round, unavailable) -> {
		});

		FaultCounts counts = counts();
		report("documents failing to render for 3 retry intervals", counts);
		System.out.printf("  %d renderings refused, %d stopped steps retried by the administrator%n",
				this.rendering.refused.get(), stopped.get());
		assertThat(this.rendering.refused.get()).as("documents the fault refused").isPositive();
		assertThat(stopped.get()).as("steps that stopped and were retried").isPositive();
		assertNothingLostOrDuplicated(counts);
	}

	/**
	 * The PostgreSQL server is restarted (fast shutdown, as an operator's restart or a fail-over does) while requests
	 * and background steps are running: requests meanwhile are answered "unavailable" and sent again, failed steps are
	 * retried, the pool gets new connections, and every case completes.
	 */
	@Test
	void postgresRestartedUnderRunningCases() throws Exception {
		AtomicBoolean restarted = new AtomicBoolean();
		List<Thread> restarts = new ArrayList<>();
		run(round -> {
			if (round <= 8) {
				this.driver.newCase();
			}
			if (round == 3 || round == 6) {
				String caseNo = this.driver.caseNumbers().get(0);
				Thread restart = new Thread(() -> {
					restartPostgres(() -> whileTheDatabaseIsDown(caseNo));
					restarted.set(true);
				});
				restart.start();
				restarts.add(restart);
			}
		}, (round, unavailable) -> {
		});
		for (Thread restart : restarts) {
			restart.join(TimeUnit.MINUTES.toMillis(2));
		}
		assertThat(restarted).as("PostgreSQL was restarted").isTrue();

		FaultCounts counts = counts();
		report("PostgreSQL restarted twice under running cases", counts);
		System.out.println("  while it was down: " + this.downAnswers);
		assertThat(this.downAnswers).hasSize(4)
			.containsOnly("API 503 application/problem+json Retry-After 10", "page 503 Retry-After 10 says to try again");
		assertNothingLostOrDuplicated(counts);
	}

	/**
	 * Every officer's step of eight cases sent twice at the same moment (a double click, a retry of a request that
	 * seemed lost), and every submission twice at once with its Idempotency-Key: one step is done, the other copy is
	 * told it is no longer open; one case is created.
	 */
	@Test
	void theSameStepSentTwiceAtOnce() throws Exception {
		Map<String, Integer> outcomes = new TreeMap<>();
		for (int i = 0; i < 8; i++) {
			this.driver.newCase();
		}
		for (int round = 1; round <= MAX_ROUNDS && !this.driver.allCompleted(); round++) {
			for (DrivenCase driven : this.driver.cases()) {
				if (driven.caseNo() == null || driven.completed()) {
					continue;
				}
				for (String step : CaseDriver.stepNames()) {
					if (!driven.answeredSteps().contains(step)) {
						List<Integer> statuses = this.driver.sendAtOnce(driven.caseNo(), step, 2);
						statuses.sort(null);
						outcomes.merge(statuses.toString(), 1, Integer::sum);
					}
				}
			}
			for (DrivenCase driven : this.driver.cases()) {
				if (driven.caseNo() == null) {
					List<Integer> statuses = this.driver.submitAtOnce(driven, 2);
					statuses.sort(null);
					outcomes.merge("submission " + statuses, 1, Integer::sum);
				}
			}
			this.driver.round();
			runDueJobs();
			ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(RETRY_INTERVAL)));
		}

		FaultCounts counts = counts();
		report("every step and submission sent twice at once", counts);
		System.out.println("  answers to the pairs: " + outcomes);
		assertThat(outcomes.keySet()).as("pairs where both copies were done").noneMatch(pair -> pair.equals("[200, 200]"));
		assertThat(outcomes).as("steps done by one copy, the other told so").containsKey("[200, 409]");
		assertNothingLostOrDuplicated(counts);
	}

	/** Runs rounds until every case has completed: the round's fault, the driver's pass, the due jobs, the clock. */
	private void run(IntConsumer beforeRound, RoundObserver afterRound) {
		for (int round = 1; round <= MAX_ROUNDS; round++) {
			beforeRound.accept(round);
			CaseDriver.Round answers = this.driver.round();
			runDueJobs();
			afterRound.observe(round, answers.unavailable());
			if (this.driver.allCompleted() && round > 1) {
				System.out.printf("All %d cases completed after %d rounds%n", this.driver.cases().size(), round);
				return;
			}
			ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(RETRY_INTERVAL)));
		}
	}

	@FunctionalInterface
	interface RoundObserver {

		void observe(int round, int unavailable);

	}

	/** Executes every due job until none is due, as the job executor would; a failure is counted by its system. */
	private void runDueJobs() {
		ManagementService management = this.engine.getManagementService();
		for (int pass = 0; pass < 30; pass++) {
			List<Job> due = management.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					this.jobFailures.merge(cause(ex), 1, Integer::sum);
				}
			}
		}
	}

	/** The administrator's retry of every stopped step (an incident), once its cause is mended. */
	private int retryStoppedSteps() {
		ManagementService management = this.engine.getManagementService();
		List<Job> stopped = management.createJobQuery().noRetriesLeft().list();
		stopped.forEach(job -> management.setJobRetries(job.getId(), 1));
		return stopped.size();
	}

	private static String cause(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		for (FakeSystem system : FakeSystem.values()) {
			if (message.contains(system.name() + " is unavailable")) {
				return system.name();
			}
		}
		return failure.getClass().getSimpleName();
	}

	/**
	 * Stops PostgreSQL fast (SIGINT: open transactions rolled back, connections cut, a checkpoint) and starts it again
	 * with the command line it was started with ({@code postmaster.opts}), as an operator's restart does ({@code
	 * pg_ctl} refuses to run as root). {@code whileDown} runs between the two.
	 */
	private void restartPostgres(Runnable whileDown) {
		try {
			String dataDir = this.jdbc.sql("show data_directory").query(String.class).single();
			long pid = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).strip());
			String opts = Files.readString(Path.of(dataDir, "postmaster.opts")).strip();
			// in a user namespace of its own, as the embedded server starts it: PostgreSQL refuses to run as root
			List<String> command = new ArrayList<>(List.of("unshare", "-U"));
			command.add(opts.substring(0, opts.indexOf(' ')));
			java.util.regex.Matcher argument = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(opts);
			while (argument.find()) {
				command.add(argument.group(1));
			}
			ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
			Process signal = new ProcessBuilder("/bin/sh", "-c", "kill -s INT " + pid).start();
			assertThat(signal.waitFor()).as("SIGINT to the postmaster").isZero();
			postmaster.onExit().get(60, TimeUnit.SECONDS);
			whileDown.run();
			Path log = Path.of(dataDir).resolveSibling(Path.of(dataDir).getFileName() + "-restarted.log");
			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			System.out.println("PostgreSQL restarted: pid " + pid + " stopped, started again");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("PostgreSQL did not stop", ex);
		}
	}

	/**
	 * What a client and a clerk meet while the database is down: the API answers 503 problem details with {@code
	 * Retry-After}, the case page the hall's page saying to try again in a moment (503), never an internal error.
	 */
	private void whileTheDatabaseIsDown(String caseNo) {
		try {
			var api = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK)).raw(HttpMethod.GET,
					"/api/cases/" + caseNo, null);
			this.downAnswers.add("API " + api.getStatusCode().value() + " "
					+ api.getHeaders().getFirst("Content-Type") + " Retry-After " + api.getHeaders().getFirst("Retry-After"));
			MvcResult page = this.mvc.perform(get("/cases/" + caseNo).accept(MediaType.TEXT_HTML)
				.with(SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK))).andReturn();
			this.downAnswers.add("page " + page.getResponse().getStatus() + " Retry-After "
					+ page.getResponse().getHeader("Retry-After") + " "
					+ (page.getResponse().getContentAsString().contains("稍候") ? "says to try again" : "says nothing"));
		}
		catch (Exception ex) {
			this.downAnswers.add("failed: " + ex);
		}
	}

	private FaultCounts counts() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return FaultCounts.of(connection, this.driver.cases());
		}
	}

	private void report(String fault, FaultCounts counts) {
		System.out.printf("Fault: %s: %s; %d requests answered unavailable and sent again; background failures %s%n",
				fault, counts.summary(), this.driver.unavailableAnswers(), this.jobFailures);
		this.driver.wrongAnswers().stream().limit(5).forEach(wrong -> System.out.println("  wrong answer: " + wrong));
		counts.problems().stream().limit(5).forEach(problem -> System.out.println("  problem: " + problem));
	}

	private void assertNothingLostOrDuplicated(FaultCounts counts) {
		assertThat(this.driver.wrongAnswers()).as("answers other than success, 409 and 503").isEmpty();
		assertThat(this.driver.allCompleted()).as("every case completed").isTrue();
		assertThat(counts.problems()).as(counts.summary()).isEmpty();
		assertThat(counts.nothingLostOrDuplicated()).isTrue();
	}

	/** The hall's renderer, which refuses to render while {@link #failing} is set. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RenderingFault {

		final AtomicBoolean failing = new AtomicBoolean();

		final AtomicInteger refused = new AtomicInteger();

		@Bean
		@Primary
		DocumentRenderer failingDocumentRenderer() {
			return new DocumentRenderer() {

				@Override
				public RenderedDocument render(DocumentTemplate template, DocumentData data) {
					if (RenderingFault.this.failing.get()) {
						RenderingFault.this.refused.incrementAndGet();
						throw new IllegalStateException("Font file of the template " + template + " is unreadable");
					}
					return super.render(template, data);
				}

			};
		}

	}

}
