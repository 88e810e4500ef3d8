package cn.example.servicehall.loan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

import org.springframework.context.ConfigurableApplicationContext;

import cn.example.servicehall.support.BenchmarkHall;
import cn.example.servicehall.support.CaseDriver;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;

/**
 * The resale loan against the bare engine, and the counter under load (issue 16, docs/benchmarks.md). Not a test: a
 * main, run by hand. It starts the hall as {@link BenchmarkHall} does (job executor on, test tokens, its own
 * embedded PostgreSQL in a fresh {@code target/resale-loan-benchmark-pgdata}; started twice, the second time with
 * {@code pg_stat_statements} preloaded), then in one run:
 * <ol>
 * <li><b>bare engine</b>: a process of the resale loan's 10 user tasks and the 9 asynchronous service tasks of its
 * straight path, which do nothing, started and its tasks completed through the engine's Java API, by
 * {@code drivers} threads, each driving one instance at a time to its end;</li>
 * <li><b>hall</b>: whole resale loans over HTTP as each agency's officer (the submission and the ten steps of
 * {@link CaseDriver#steps}), documents included, by {@code drivers} threads, each driving one case at a time until
 * its process has ended (the completion receipt issued);</li>
 * <li>for both: database commits ({@code pg_stat_database.xact_commit}) and statements ({@code pg_stat_statements})
 * per case and per human action (submission or start, and the ten steps), less the benchmark's own queries and the
 * idle hall's background (measured first);</li>
 * <li><b>counter</b>: {@code clerks} first reviewers at once, each with its own cases brought to first review
 * beforehand, each looping inbox ({@code GET /api/tasks}) → claim → first review: p50/p95/p99 of each action, with
 * a JFR execution-sample profile of the hall during it; once all at once with no pause (a burst), once again with
 * other cases and reviewers, pausing {@code think ms} on average between actions (a counter at work);</li>
 * <li><b>two nodes</b>: a second node on the same database, and the whole cases again, split between the two
 * ({@link #twoNodes}).</li>
 * </ol>
 * A driver waits for a step to be open (or its process to have ended) by one watcher that asks the database every
 * 5 ms on a connection of its own, so a case's time is late by up to that; the step's request itself is timed
 * alone.
 * <p>
 * Arguments: [hall and bare cases=20] [drivers=4] [clerks=50] [cases per clerk=2] [warm-up cases=20] [think ms=5000].
 */
public final class ResaleLoanBenchmark {

	static final String NAME = "resale-loan-benchmark";

	/** The resale loan's user tasks. */
	static final int USER_TASKS = 10;

	/**
	 * The asynchronous service tasks on the resale loan's straight path: the acceptance receipt, the credit report,
	 * the title check, the eligibility assessment, the loan contract, the disbursement, the IOU, the disbursement
	 * notice and the completion receipt.
	 */
	static final int ASYNC_TASKS = 9;

	/** Submission (or start) and the ten steps. */
	static final int HUMAN_ACTIONS = 1 + USER_TASKS;

	private static final String BARE_KEY = "BenchmarkBareResaleLoan";

	private static final String ENDED = "#ended";

	private static final Map<String, Object> AGREE = Map.of("outcome", "APPROVE", "opinion", "同意");

	private static final long SETTLE_MILLIS = 12_000;

	private static final String HEADER = """
			| Scenario | cases | cases/min | case p50 ms | case p99 ms | commits/case | commits/action \
			| writing commits/case | writing commits/action | WAL flushes/case | statements/case | load during | CPU busy |
			|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|""";

	private ResaleLoanBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int drivers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int clerks = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int perClerk = args.length > 3 ? Integer.parseInt(args[3]) : 2;
		int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20;
		long think = args.length > 5 ? Long.parseLong(args[5]) : 5000;
		long began = System.nanoTime();
		System.out.println("Load before: " + BenchmarkHall.load());
		boolean statements = preloadStatements();
		try (ConfigurableApplicationContext hall = BenchmarkHall.start(NAME, false)) {
			System.out.println(BenchmarkHall.jvm());
			Bench bench = new Bench(hall, statements);
			bench.deployBareProcess();

			// warm-up: JIT, pools, fonts and keys; not counted
			bench.run("warm-up bare", drivers, warmUp, i -> bench.driveBare(i), false);
			bench.run("warm-up hall", drivers, warmUp, i -> bench.driveHall(i), false);

			Window idle = new Window("idle hall (background)", bench);
			idle.close();
			bench.idle = idle;

			Phase bare = bench.run("bare engine, " + drivers + " drivers", drivers, cases, i -> bench.driveBare(1000 + i),
					true);
			Phase whole = bench.run("hall, " + drivers + " drivers", drivers, cases, i -> bench.driveHall(i), true);

			System.out.println();
			System.out.println(HEADER);
			System.out.println(bare.row());
			System.out.println(whole.row());
			System.out.printf("%nHall ÷ bare engine: %.2f× (cases per minute)%n", whole.perMinute() / bare.perMinute());
			System.out.println();
			System.out.println(whole.window().kinds("hall"));
			System.out.println(bare.window().kinds("bare engine"));
			System.out.println(bench.actions("Hall, each request alone (HTTP round trip)", bench.steps));

			bench.counter(clerks, perClerk, drivers, 0);
			bench.counter(clerks, perClerk, drivers, think);
			twoNodes(hall, bench, cases, drivers, warmUp);
		}
		System.out.println("Load after: " + BenchmarkHall.load());
		System.out.printf("Whole run: %.1f min%n", (System.nanoTime() - began) / 60e9);
	}

	/**
	 * One node against two: the whole cases again on the first node alone, now that its JVM has run some 250 cases
	 * (the first hall phase follows only the warm-up), then a second node of
	 * the hall ({@link BenchmarkHall#startSecondNode}: its own Tomcat, pool, engine and job executor, on the same
	 * database) is started and warmed up, the idle background measured again with both running, and as many whole
	 * cases run by as many drivers, case {@code n} on node {@code n % 2}. The two nodes share this JVM and the machine's processors: a second node can add what one node
	 * leaves unused (processors idle while it waits on the database, its locks or its job acquisition), not
	 * processors the machine does not have.
	 */
	private static void twoNodes(ConfigurableApplicationContext first, Bench bench, int cases, int drivers, int warmUp)
			throws Exception {
		Phase one = bench.run("hall, one node, " + drivers + " drivers", drivers, cases, i -> bench.driveHall(i), true);
		try (ConfigurableApplicationContext second = BenchmarkHall.startSecondNode(NAME, first)) {
			bench.bases.add("http://localhost:" + BenchmarkHall.port(second));
			bench.run("warm-up hall, two nodes", drivers, warmUp, i -> bench.driveHall(i), false);
			Window idle = new Window("idle hall, two nodes (background)", bench);
			idle.close();
			bench.idle = idle;
			java.sql.Timestamp from = bench.query("select now()", rs -> {
				rs.next();
				return rs.getTimestamp(1);
			});
			Phase two = bench.run("hall, two nodes, " + drivers + " drivers", drivers, cases, i -> bench.driveHall(i),
					true);
			System.out.println();
			System.out.println(HEADER);
			System.out.println(one.row());
			System.out.println(two.row());
			System.out.printf("%nTwo nodes ÷ one node: %.2f× (cases per minute)%n", two.perMinute() / one.perMinute());
			String jobs = bench.<String>query("""
					select hostname_, count(*) from act_hi_job_log
					 where job_state_ = 2 and timestamp_ >= '%s' group by 1 order by 1""".formatted(from), rs -> {
				StringBuilder byNode = new StringBuilder("Jobs run in the two-node phase, by node:");
				while (rs.next()) {
					byNode.append(' ').append(rs.getString(1)).append(' ').append(rs.getLong(2)).append(';');
				}
				return byNode.toString();
			});
			System.out.println(jobs);
			System.out.println();
			System.out.println(two.window().kinds("hall on two nodes"));
		}
		finally {
			if (bench.bases.size() > 1) {
				bench.bases.remove(1);
			}
		}
	}

	/**
	 * Starts the hall once on a fresh database to make it, sets {@code shared_preload_libraries} to
	 * {@code pg_stat_statements} when the embedded server has the extension, and stops; the run's start then loads
	 * it. Whether statements can be counted.
	 */
	private static boolean preloadStatements() throws IOException {
		try (ConfigurableApplicationContext hall = BenchmarkHall.start(NAME, true)) {
			var jdbc = hall.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			boolean available = jdbc
				.sql("select count(*) from pg_available_extensions where name = 'pg_stat_statements'")
				.query(Long.class)
				.single() > 0;
			System.out.println("pg_stat_statements in the embedded server: " + (available ? "available" : "absent"));
			if (available) {
				jdbc.sql("alter system set shared_preload_libraries = 'pg_stat_statements'").update();
			}
			if (Boolean.getBoolean("benchmark.log-statements")) {
				// every statement with its backend and transaction, into <data dir>/log: which run outside a transaction
				for (String setting : List.of("logging_collector = on", "log_directory = 'log'",
						"log_statement = 'all'", "log_line_prefix = '%m [%p] %v %x '")) {
					jdbc.sql("alter system set " + setting).update();
				}
				System.out.println("Logging every statement into " + BenchmarkHall.dataDir(NAME).resolve("log"));
			}
			return available;
		}
	}

	/** One measured scenario. */
	record Phase(String name, List<Long> latencies, double seconds, Window window, String load, String cpu) {

		double perMinute() {
			return this.latencies.size() / this.seconds * 60;
		}

		String row() {
			List<Long> sorted = new ArrayList<>(this.latencies);
			int n = sorted.size();
			return String.format("| %s | %d | %.1f | %d | %d | %.1f | %.2f | %.1f | %.2f | %.1f | %s | %s | %s |",
					this.name, n, perMinute(), BenchmarkHall.percentile(sorted, 0.5),
					BenchmarkHall.percentile(sorted, 0.99), this.window.commits() / n,
					this.window.commits() / n / HUMAN_ACTIONS, this.window.writes() / n,
					this.window.writes() / n / HUMAN_ACTIONS, this.window.walSyncs() / n,
					this.window.statements() < 0 ? "–" : String.format("%.0f", this.window.statements() / n),
					this.load, this.cpu);
		}

	}

	/**
	 * The database's counters over a scenario: read after {@link #SETTLE_MILLIS} of quiet before and after (PostgreSQL
	 * flushes a backend's counters within 10 s of it going idle), less the benchmark's own queries, and less the
	 * idle hall's background for the time it lasted.
	 */
	static final class Window {

		final String name;

		final Bench bench;

		final long[] before;

		final long ownBefore;

		final long began = System.nanoTime();

		long[] after;

		long ownAfter;

		double seconds;

		Map<String, Long> kinds = Map.of();

		String top = "";

		/** The idle hall's background to take off: measured with as many nodes as this window has. */
		final Window idle;

		Window(String name, Bench bench) throws Exception {
			this.name = name;
			this.bench = bench;
			this.idle = bench.idle;
			Thread.sleep(SETTLE_MILLIS);
			this.before = bench.counters();
			if (bench.statements) {
				bench.query("select pg_stat_statements_reset()", rs -> null);
			}
			this.ownBefore = bench.own.get();
		}

		void close() throws Exception {
			Thread.sleep(SETTLE_MILLIS);
			this.ownAfter = this.bench.own.get();
			this.after = this.bench.counters();
			this.seconds = (System.nanoTime() - this.began) / 1e9;
			if (this.bench.statements) {
				this.kinds = this.bench.statementKinds();
				this.top = this.bench.topStatements();
			}
		}

		private double background(int column) {
			Window idle = this.idle;
			if (idle == null) {
				return 0;
			}
			return idle.raw(column) / idle.seconds * this.seconds;
		}

		private double raw(int column) {
			double delta = this.after[column] - this.before[column];
			return column == 0 ? delta - (this.ownAfter - this.ownBefore) : delta;
		}

		/** Commits of the scenario. */
		double commits() {
			return raw(0) - background(0);
		}

		/**
		 * Transactions of the scenario that wrote (took a transaction id): the commits that must reach the disk; a
		 * read's commit, in or out of a transaction, writes nothing.
		 */
		double writes() {
			return raw(3) - background(3);
		}

		/** The WAL's flushes to disk during the scenario (one commit's flush can carry others': group commit). */
		double walSyncs() {
			return raw(4) - background(4);
		}

		/** Statements of the scenario (not the benchmark's), or -1 when they cannot be counted. */
		double statements() {
			if (!this.bench.statements) {
				return -1;
			}
			return this.kinds.values().stream().mapToLong(Long::longValue).sum() - background(2);
		}

		String kinds(String what) {
			if (!this.bench.statements) {
				return "Statements: pg_stat_statements not available.";
			}
			StringBuilder text = new StringBuilder("Statements of the " + what + " by kind (whole scenario, raw): ");
			this.kinds.forEach((k, v) -> text.append(k).append(' ').append(v).append("; "));
			return text.append(String.format("rollbacks %d; background subtracted: %.0f commits, %.0f statements%n%n",
					this.after[1] - this.before[1], background(0), background(2)))
				.append("Most frequent statements of the ")
				.append(what)
				.append(" (whole scenario):\n\n| calls | mean ms | statement |\n|---:|---:|---|\n")
				.append(this.top)
				.toString();
		}

	}

	/** The benchmark's state: the hall, its engine, a watcher connection, and the timings. */
	static final class Bench {

		final boolean statements;

		final ProcessEngine engine;

		final ObjectMapper json = new ObjectMapper();

		final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, BenchmarkHall.DAEMONS))
			.build();

		/** The nodes' base URLs: the first node's, then the second's once it runs. */
		final List<String> bases = new CopyOnWriteArrayList<>();

		final Connection connection;

		/** The benchmark's own queries on its connection: each one a commit to take off. */
		final AtomicLong own = new AtomicLong();

		final Map<String, String> tokens = new ConcurrentHashMap<>();

		/** Per action: each request's time, ms. */
		final Map<String, List<Long>> steps = Collections.synchronizedMap(new LinkedHashMap<>());

		final Map<String, Map<String, CompletableFuture<String>>> waiting = new ConcurrentHashMap<>();

		final AtomicInteger refused = new AtomicInteger();

		/** First reviewers used so far: each counter phase has its own. */
		int clerksSoFar;

		Window idle;

		boolean measuring;

		Bench(ConfigurableApplicationContext hall, boolean statements) throws SQLException {
			this.engine = hall.getBean(ProcessEngine.class);
			this.bases.add("http://localhost:" + BenchmarkHall.port(hall));
			this.connection = DriverManager.getConnection(hall.getBean(HikariDataSource.class).getJdbcUrl(), "postgres",
					"");
			this.connection.setAutoCommit(true);
			if (statements) {
				query("create extension if not exists pg_stat_statements", null);
			}
			this.statements = statements;
			Thread watcher = new Thread(this::watch, "benchmark-watcher");
			watcher.setDaemon(true);
			watcher.start();
		}

		<T> T query(String sql, ResultReader<T> reader) throws SQLException {
			synchronized (this.connection) {
				this.own.incrementAndGet();
				try (Statement statement = this.connection.createStatement()) {
					if (reader == null) {
						statement.execute("/* benchmark-watcher */ " + sql);
						return null;
					}
					try (ResultSet rs = statement.executeQuery("/* benchmark-watcher */ " + sql)) {
						return reader.read(rs);
					}
				}
			}
		}

		long[] counters() throws SQLException {
			// commits, rollbacks, (statements: from pg_stat_statements), the next transaction id (how many transactions
			// wrote, without taking one), the WAL's flushes to disk (what a writing commit waits for)
			return query("""
					select xact_commit, xact_rollback, 0, pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
					       (select wal_sync from pg_stat_wal)
					  from pg_stat_database where datname = current_database()""", rs -> {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2), 0, rs.getLong(4), rs.getLong(5) };
			});
		}

		Map<String, Long> statementKinds() throws SQLException {
			return query("""
					select lower(substring(ltrim(query) from '^[A-Za-z]+')) as kind, sum(calls)::bigint
					  from pg_stat_statements
					 where dbid = (select oid from pg_database where datname = current_database())
					   and query not like '%benchmark-watcher%'
					 group by 1 order by 2 desc""", rs -> {
				Map<String, Long> kinds = new LinkedHashMap<>();
				while (rs.next()) {
					kinds.put(rs.getString(1), rs.getLong(2));
				}
				return kinds;
			});
		}

		String topStatements() throws SQLException {
			return query("""
					select calls, round(mean_exec_time::numeric, 2),
					       left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
					  from pg_stat_statements
					 where dbid = (select oid from pg_database where datname = current_database())
					   and query not like '%benchmark-watcher%'
					 order by calls desc limit 12""", rs -> {
				StringBuilder text = new StringBuilder();
				while (rs.next()) {
					text.append(String.format("| %d | %s | `%s` |%n", rs.getLong(1), rs.getBigDecimal(2),
							rs.getString(3).replace("|", "\\|")));
				}
				return text.toString();
			});
		}

		/** Every 5 ms: which awaited steps are open and which awaited processes have ended. */
		private void watch() {
			while (!Thread.currentThread().isInterrupted()) {
				if (!this.waiting.isEmpty()) {
					try {
						String[] keys = this.waiting.keySet().toArray(String[]::new);
						List<String[]> found = new ArrayList<>();
						synchronized (this.connection) {
							this.own.incrementAndGet();
							try (PreparedStatement statement = this.connection.prepareStatement("""
									/* benchmark-watcher */
									select e.business_key_, t.task_def_key_, t.id_ from act_ru_task t
									  join act_ru_execution e on e.id_ = t.proc_inst_id_
									 where e.business_key_ = any(?)
									union all
									select business_key_, '#ended', null from act_hi_procinst
									 where business_key_ = any(?) and end_time_ is not null""")) {
								var array = this.connection.createArrayOf("text", keys);
								statement.setArray(1, array);
								statement.setArray(2, array);
								try (ResultSet rs = statement.executeQuery()) {
									while (rs.next()) {
										found.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
									}
								}
							}
						}
						for (String[] row : found) {
							Map<String, CompletableFuture<String>> of = this.waiting.get(row[0]);
							CompletableFuture<String> future = of == null ? null : of.remove(row[1]);
							if (future != null) {
								future.complete(row[2] == null ? "" : row[2]);
							}
							// atomically with await's adding to it: a step awaited now is not dropped with the empty map
							this.waiting.computeIfPresent(row[0], (key, futures) -> futures.isEmpty() ? null : futures);
						}
					}
					catch (SQLException ex) {
						ex.printStackTrace();
					}
				}
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		/** Waits until the process of {@code key} has the user task {@code what} open (its id) or has ended. */
		String await(String key, String what) throws Exception {
			CompletableFuture<String> future = new CompletableFuture<>();
			this.waiting.compute(key, (k, futures) -> {
				Map<String, CompletableFuture<String>> into = futures == null ? new ConcurrentHashMap<>() : futures;
				into.put(what, future);
				return into;
			});
			return future.get(120, TimeUnit.SECONDS);
		}

		/** A process of the resale loan's 10 user tasks and 9 asynchronous service tasks that do nothing. */
		void deployBareProcess() {
			AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_KEY)
				.camundaHistoryTimeToLive(1)
				.startEvent();
			int async = 0;
			for (int i = 1; i <= USER_TASKS; i++) {
				flow = flow.userTask("User_" + i).camundaCandidateGroups("benchmark");
				// after each user task one job, but after the 8th (the three signings are followed by one job)
				if (i != 8 && async < ASYNC_TASKS) {
					flow = flow.serviceTask("Async_" + ++async).camundaAsyncBefore().camundaExpression("${true}");
				}
			}
			this.engine.getRepositoryService()
				.createDeployment()
				.name("benchmark")
				.addModelInstance("benchmark-bare-resale-loan.bpmn", flow.endEvent().done())
				.deploy();
		}

		/** One bare instance from start to end: its time, ms. */
		long driveBare(int n) throws Exception {
			long began = System.nanoTime();
			String key = "bare-" + n + "-" + UUID.randomUUID();
			this.engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY, key);
			for (int i = 1; i <= USER_TASKS; i++) {
				String taskId = await(key, "User_" + i);
				this.engine.getTaskService().complete(taskId);
			}
			await(key, ENDED);
			return (System.nanoTime() - began) / 1_000_000;
		}

		/**
		 * One resale loan over HTTP, submission and the officers' steps in the model's order, each sent once its step
		 * is open: its time until the process has ended, ms. With {@code stopAt}, only until that step is open: the
		 * case number.
		 */
		Object driveHallTo(int n, String stopAt) throws Exception {
			String base = this.bases.get(n % this.bases.size());
			long began = System.nanoTime();
			HttpResponse<String> submitted = timed(base, "submission", "POST", "/api/loan/resale-applications", "clerk1",
					"hpf-acceptance-clerk", LoanFixtures.newResaleApplication(), UUID.randomUUID().toString());
			if (submitted.statusCode() != 201 && submitted.statusCode() != 200) {
				throw new IllegalStateException("Submission refused: " + submitted.statusCode() + " " + submitted.body());
			}
			String caseNo = this.json.readTree(submitted.body()).path("caseFile").path("caseNo").asText();
			for (CaseDriver.Step step : CaseDriver.steps(caseNo)) {
				await(caseNo, step.taskKey());
				if (step.taskKey().equals(stopAt)) {
					return caseNo;
				}
				for (int attempt = 0;; attempt++) {
					HttpResponse<String> answer = timed(base, step.name(), "POST", step.path(), step.user(), step.group(),
							step.body(), null);
					if (answer.statusCode() / 100 == 2) {
						break;
					}
					if (answer.statusCode() != 409 || attempt > 50) {
						throw new IllegalStateException(step.name() + " of " + caseNo + " refused: "
								+ answer.statusCode() + " " + answer.body());
					}
					this.refused.incrementAndGet();
					Thread.sleep(20);
				}
			}
			await(caseNo, ENDED);
			return (System.nanoTime() - began) / 1_000_000;
		}

		/**
		 * One resale loan over HTTP from submission to its process's end: its time, ms. With two nodes, the {@code n}th
		 * case's requests all go to node {@code n % 2} (a client stays with one node, as behind a balancer that keeps
		 * connections open); its jobs run on whichever node's job executor takes them.
		 */
		long driveHall(int n) throws Exception {
			return (Long) driveHallTo(n, null);
		}

		/** Runs {@code cases} cases from {@code workers} threads, each driving one case at a time. */
		Phase run(String name, int workers, int cases, Driver driver, boolean measured) throws Exception {
			Window window = measured ? new Window(name, this) : null;
			this.measuring = measured;
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(workers, BenchmarkHall.DAEMONS);
			List<Double> loads = Collections.synchronizedList(new ArrayList<>());
			long[] cpu = BenchmarkHall.cpuTicks();
			long began = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
						latencies.add(driver.drive(i));
						loads.add(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
							.getSystemLoadAverage());
					}
					return null;
				}));
			}
			try {
				for (Future<?> f : running) {
					f.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			String busy = BenchmarkHall.busy(cpu, BenchmarkHall.cpuTicks());
			this.measuring = false;
			if (window != null) {
				window.close();
			}
			String load = String.format("%.1f–%.1f", loads.stream().mapToDouble(d -> d).min().orElse(0),
					loads.stream().mapToDouble(d -> d).max().orElse(0));
			System.out.printf("%s: %d cases in %.1f s (%.1f per minute), load %s, processors %s busy%n", name,
					latencies.size(), seconds, latencies.size() / seconds * 60, load, busy);
			return new Phase(name, latencies, seconds, window, load, busy);
		}

		/**
		 * {@code clerks} first reviewers, each with {@code perClerk} cases brought to first review beforehand, all at
		 * once: inbox, claim, first review, for each of their cases; with a JFR profile of the hall meanwhile. With
		 * {@code thinkMillis} 0, each sends its next request as soon as the last is answered (a burst: 50 requests
		 * always waiting, the worst a counter could do); else each first waits a random time up to that, then waits
		 * between 0.5 and 1.5 times it after each answer (officers reading the page and typing, as at a real counter).
		 */
		void counter(int clerks, int perClerk, int drivers, long thinkMillis) throws Exception {
			String kind = thinkMillis == 0 ? "at once" : "paced, " + thinkMillis / 1000.0 + " s between actions";
			List<String> prepared = Collections.synchronizedList(new ArrayList<>());
			long began = System.nanoTime();
			run("preparing " + clerks * perClerk + " cases at first review", drivers, clerks * perClerk, i -> {
				prepared.add((String) driveHallTo(i, "Task_FirstReview"));
				return 0L;
			}, false);
			System.out.printf("Prepared in %.1f s%n", (System.nanoTime() - began) / 1e9);
			Map<String, List<Long>> times = Collections.synchronizedMap(new LinkedHashMap<>());
			List<String> failures = Collections.synchronizedList(new ArrayList<>());
			Thread.sleep(2000);
			if (thinkMillis == 0) {
				// the inbox alone: one reviewer, one request at a time, the post's whole open list (what each request
				// costs the hall when nothing queues in front of it)
				Map<String, List<Long>> alone = Collections.synchronizedMap(new LinkedHashMap<>());
				int open = 0;
				for (int i = 0; i < 60; i++) {
					HttpResponse<String> inbox = timedInto(this.bases.get(0), i < 10 ? new ConcurrentHashMap<>() : alone,
							"inbox GET /api/tasks", "GET", "/api/tasks", "reviewer-bench-00", "hpf-first-reviewer", null,
							null);
					open = this.json.readTree(inbox.body()).size();
				}
				System.out.println(actions("The inbox alone, one request at a time (after 10 not counted), " + open
						+ " open steps in it", alone));
			}
			Path jfr = Path.of("target/" + NAME + (thinkMillis == 0 ? "" : "-paced") + ".jfr");
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> threads = new ArrayList<>();
			int offset = this.clerksSoFar;
			this.clerksSoFar += clerks;
			for (int c = 0; c < clerks; c++) {
				String user = String.format("reviewer-bench-%02d", offset + c + 1);
				Random random = new Random(offset + c);
				Runnable think = () -> {
					if (thinkMillis > 0) {
						try {
							Thread.sleep(thinkMillis / 2 + random.nextLong(thinkMillis));
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				};
				List<String> own = prepared.subList(c * perClerk, (c + 1) * perClerk);
				Thread thread = new Thread(() -> {
					try {
						start.await();
						if (thinkMillis > 0) {
							Thread.sleep(random.nextLong(thinkMillis));
						}
						for (String caseNo : own) {
							clerkAction(user, caseNo, times, failures, think);
						}
					}
					catch (Exception ex) {
						failures.add(user + ": " + ex);
					}
				}, user);
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
			String loadBefore = BenchmarkHall.load();
			try (Recording recording = new Recording()) {
				recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
				recording.start();
				long t0 = System.nanoTime();
				start.countDown();
				for (Thread thread : threads) {
					thread.join();
				}
				double seconds = (System.nanoTime() - t0) / 1e9;
				recording.stop();
				recording.dump(jfr);
				System.out.printf("%nCounter (%s): %d clerks × %d cases in %.1f s; load %s → %s; failures %d %s%n", kind,
						clerks, perClerk, seconds, loadBefore, BenchmarkHall.load(), failures.size(),
						failures.stream().limit(3).toList());
			}
			System.out.println(actions("Counter actions, " + clerks + " clerks " + kind, times));
			System.out.println(profile(jfr));
		}

		private void clerkAction(String user, String caseNo, Map<String, List<Long>> times, List<String> failures,
				Runnable think) throws Exception {
			String group = "hpf-first-reviewer";
			String base = this.bases.get(0);
			HttpResponse<String> inbox = timedInto(base, times, "inbox GET /api/tasks", "GET", "/api/tasks", user, group, null,
					null);
			String taskId = null;
			for (JsonNode task : this.json.readTree(inbox.body())) {
				if (caseNo.equals(task.path("caseNo").asText()) && "Task_FirstReview".equals(task.path("step").asText())) {
					taskId = task.path("id").asText();
				}
			}
			if (inbox.statusCode() != 200 || taskId == null) {
				failures.add(user + " inbox " + inbox.statusCode() + " without " + caseNo);
				return;
			}
			think.run();
			HttpResponse<String> claim = timedInto(base, times, "claim POST /api/tasks/{id}/claim", "POST",
					"/api/tasks/" + taskId + "/claim", user, group, null, null);
			if (claim.statusCode() / 100 != 2) {
				failures.add(user + " claim " + claim.statusCode() + " " + claim.body());
				return;
			}
			think.run();
			HttpResponse<String> review = timedInto(base, times, "first review POST …/first-review", "POST",
					"/api/loan/applications/" + caseNo + "/first-review", user, group, AGREE, null);
			if (review.statusCode() / 100 != 2) {
				failures.add(user + " first review " + review.statusCode() + " " + review.body());
			}
			think.run();
		}

		private HttpResponse<String> timed(String base, String action, String method, String path, String user,
				String group, Object body, String key) throws Exception {
			return timedInto(base, this.measuring ? this.steps : new ConcurrentHashMap<>(), action, method, path, user,
					group, body, key);
		}

		private HttpResponse<String> timedInto(String base, Map<String, List<Long>> into, String action, String method,
				String path, String user, String group, Object body, String key) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization",
						"Bearer " + this.tokens.computeIfAbsent(
						// a token lives 5 minutes: a new one every 4
						user + " " + group + " " + System.currentTimeMillis() / 240_000, u -> TestTokens.user(user, group)))
				.header("Accept", "application/json");
			if (key != null) {
				request.header("Idempotency-Key", key);
			}
			if ("POST".equals(method)) {
				request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : this.json.writeValueAsString(body)));
			}
			long sent = System.nanoTime();
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			into.computeIfAbsent(action, a -> Collections.synchronizedList(new ArrayList<>()))
				.add((System.nanoTime() - sent) / 1_000_000);
			return answer;
		}

		String actions(String title, Map<String, List<Long>> times) {
			StringBuilder table = new StringBuilder(title + "\n\n| Action | n | p50 ms | p95 ms | p99 ms | max ms |\n"
					+ "|---|---:|---:|---:|---:|---:|\n");
			synchronized (times) {
				times.forEach((action, list) -> {
					List<Long> sorted = new ArrayList<>(list);
					table.append(String.format("| %s | %d | %d | %d | %d | %d |%n", action, sorted.size(),
							BenchmarkHall.percentile(sorted, 0.5), BenchmarkHall.percentile(sorted, 0.95),
							BenchmarkHall.percentile(sorted, 0.99), sorted.get(sorted.size() - 1)));
				});
			}
			if (title.startsWith("Hall")) {
				table.append("(steps refused with 409 and sent again: ").append(this.refused.get()).append(")\n");
			}
			return table.toString();
		}

	}

	/** Where the samples of the hall's threads fall: the top frames, and the first frame of the hall's own code. */
	static String profile(Path jfr) throws IOException {
		Map<String, Integer> leaves = new java.util.HashMap<>();
		Map<String, Integer> hall = new java.util.HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
			if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			String thread = event.getThread("sampledThread") == null ? ""
					: event.getThread("sampledThread").getJavaName();
			if (thread != null && (thread.startsWith("reviewer-bench") || thread.startsWith("benchmark")
					|| thread.startsWith("HttpClient"))) {
				continue;
			}
			samples++;
			leaves.merge(frame(frames.get(0)), 1, Integer::sum);
			frames.stream()
				.filter(f -> f.getMethod().getType().getName().startsWith("cn.example.servicehall"))
				.findFirst()
				.ifPresent(f -> hall.merge(frame(f), 1, Integer::sum));
		}
		int total = Math.max(1, samples);
		StringBuilder text = new StringBuilder(
				String.format("Profile of the hall during the counter load (JFR execution samples every 10 ms, %d samples"
						+ " of the hall's threads; %s)%n%nTop frames:%n", samples, jfr));
		top(leaves, total, text);
		text.append("\nInnermost frame of the hall's own code (samples with one):\n");
		top(hall, total, text);
		return text.toString();
	}

	private static void top(Map<String, Integer> counts, int total, StringBuilder text) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(15)
			.forEach(e -> text.append(String.format("- %4.1f %% %s%n", 100.0 * e.getValue() / total, e.getKey())));
	}

	private static String frame(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	@FunctionalInterface
	interface Driver {

		long drive(int i) throws Exception;

	}

	@FunctionalInterface
	interface ResultReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

}
