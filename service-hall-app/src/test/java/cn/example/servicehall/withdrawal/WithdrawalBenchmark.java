package cn.example.servicehall.withdrawal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.BenchmarkHall;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;

/**
 * How fast a withdrawal the rules decide goes from submission to paid and receipt signed (docs/benchmarks.md). Not a
 * test: a main, run by hand. It starts the hall with the job executor on, as in production (no Keycloak: it trusts
 * {@link TestTokens}), on its own embedded PostgreSQL in a fresh {@code target/withdrawal-benchmark-pgdata} and on
 * free ports, and then, in one run:
 * <ol>
 * <li>submits retirement withdrawals (closing: assess, close and debit, transfer, closing certificate, receipt) and
 * rent withdrawals (partial: assess, debit, transfer, receipt) as the online hall, {@code POST /api/withdrawals}
 * with a bearer token, from 1 and from 10 submitters, each waiting for its case to be COMPLETED with its receipt in
 * {@code documents_document} before submitting the next; and</li>
 * <li>on the same engine and database, starts a bare process of as many asynchronous service tasks as the
 * retirement's straight-through path (six jobs) that do nothing, through the engine's Java API, from 1 and from 10
 * starters, each waiting for its instance to end.</li>
 * </ol>
 * A single watcher asks the database every 5 ms which of the cases (instances) waited for are done, so latencies are
 * late by up to that. It prints p50/p99 latency and throughput per scenario, where the time of a withdrawal goes
 * (per step of the process, from the engine's history), and the machine's load, as Markdown. The hall logs only its
 * warnings, on the console.
 * <p>
 * Arguments: [cases with 1 submitter=30] [cases with 10 submitters=150] [warm-up cases=20].
 */
public final class WithdrawalBenchmark {

	/** The bare process: as many asynchronous service tasks as the retirement's straight-through path. */
	static final int BARE_ASYNC_TASKS = 6;

	private static final String BARE_KEY = "BenchmarkBareProcess";

	private static final long WATCH_MILLIS = 5;

	/** Names of the depositors: 压测 and the number in Chinese digits (a name has no Arabic digits). */
	static String name(int n) {
		StringBuilder name = new StringBuilder("压测");
		for (char digit : String.valueOf(n).toCharArray()) {
			name.append("零一二三四五六七八九".charAt(digit - '0'));
		}
		return name.toString();
	}

	private WithdrawalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int single = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 150;
		int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		System.out.println("Load before: " + BenchmarkHall.load());
		try (ConfigurableApplicationContext hall = BenchmarkHall.start("withdrawal-benchmark", true)) {
			Benchmark benchmark = new Benchmark(hall);
			System.out.println(BenchmarkHall.jvm());
			benchmark.deployBareProcess();

			// warm-up: JIT, connection pools, the documents' fonts and keys; not counted
			benchmark.hall("warm-up retirement", "RETIREMENT", 2, warmUp / 2);
			benchmark.hall("warm-up rent", "RENT", 2, warmUp / 2);
			benchmark.bare("warm-up bare engine", 2, warmUp);

			List<Result> results = new ArrayList<>();
			results.add(benchmark.hall("retirement, 1 submitter", "RETIREMENT", 1, single));
			results.add(benchmark.hall("rent, 1 submitter", "RENT", 1, single));
			results.add(benchmark.bare("bare engine, 1 starter", 1, single));
			results.add(benchmark.hall("retirement, 10 submitters", "RETIREMENT", 10, concurrent));
			results.add(benchmark.hall("rent, 10 submitters", "RENT", 10, concurrent));
			results.add(benchmark.bare("bare engine, 10 starters", 10, concurrent));

			System.out.println();
			System.out.println("| Scenario | cases | p50 ms | p99 ms | max ms | POST p50 ms | per minute | load during |");
			System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
			results.forEach(r -> System.out.println(r.row()));
			for (Result r : results) {
				if (!r.caseNos().isEmpty()) {
					System.out.println();
					System.out.println("Where the time goes, " + r.name() + " (engine history; wait = since the step before "
							+ "ended, i.e. in the job executor's queue or acquisition):");
					System.out.println(benchmark.steps(r.caseNos()));
				}
			}
		}
		System.out.println("Load after: " + BenchmarkHall.load());
	}

	/** One scenario's figures. */
	record Result(String name, List<Long> latencies, List<Long> posts, double seconds, String load,
			List<String> caseNos) {

		String row() {
			List<Long> sorted = new ArrayList<>(this.latencies);
			Collections.sort(sorted);
			String post = this.posts.isEmpty() ? "–" : String.valueOf(percentile(new ArrayList<>(this.posts), 0.5));
			return String.format("| %s | %d | %d | %d | %d | %s | %.1f | %s |", this.name, sorted.size(),
					percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.get(sorted.size() - 1), post,
					sorted.size() / this.seconds * 60, this.load);
		}

	}

	static long percentile(List<Long> values, double p) {
		return BenchmarkHall.percentile(values, p);
	}

	private static final class Benchmark {

		private final JdbcClient jdbc;

		private final ProcessEngine engine;

		private final ObjectMapper json;

		private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, BenchmarkHall.DAEMONS)).build();

		private final String base;

		private final String token = TestTokens.user("service-account-online-hall-system", Groups.ONLINE_HALL);

		private final AtomicInteger names = new AtomicInteger();

		Benchmark(ConfigurableApplicationContext hall) {
			this.jdbc = hall.getBean(JdbcClient.class);
			this.engine = hall.getBean(ProcessEngine.class);
			this.json = hall.getBean(ObjectMapper.class);
			this.base = "http://localhost:" + hall.getEnvironment().getProperty("local.server.port");
		}

		/** A process of {@link #BARE_ASYNC_TASKS} asynchronous service tasks that do nothing. */
		void deployBareProcess() {
			AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_KEY)
				.camundaHistoryTimeToLive(1)
				.startEvent();
			for (int i = 1; i <= BARE_ASYNC_TASKS; i++) {
				flow = flow.serviceTask("Task_" + i).camundaAsyncBefore().camundaExpression("${true}");
			}
			this.engine.getRepositoryService()
				.createDeployment()
				.name("benchmark")
				.addModelInstance("benchmark-bare.bpmn", flow.endEvent().done())
				.deploy();
		}

		/** Withdrawals of a type from the online hall, {@code submitters} at a time, until {@code cases} are done. */
		Result hall(String name, String type, int submitters, int cases) throws Exception {
			List<Map<String, Object>> applications = new ArrayList<>();
			for (int i = 0; i < cases; i++) {
				String who = name(this.names.incrementAndGet());
				applications.add("RETIREMENT".equals(type)
						? WithdrawalFixtures.retirement(WithdrawalFixtures.retired(this.jdbc, who))
						: WithdrawalFixtures.rent(WithdrawalFixtures.renter(this.jdbc, who)));
			}
			List<Long> posts = Collections.synchronizedList(new ArrayList<>());
			return run(name, submitters, applications, application -> {
				long sent = System.nanoTime();
				HttpResponse<String> answer = send(application);
				posts.add((System.nanoTime() - sent) / 1_000_000);
				if (answer.statusCode() != 201) {
					throw new IllegalStateException("Refused: " + answer.statusCode() + " " + answer.body());
				}
				return WithdrawalFixtures.caseNo(read(answer.body()));
			}, """
					select c.case_no from intake_case c
					 where c.case_no in (:ids) and c.status = 'COMPLETED'
					   and exists (select 1 from documents_document d
					                where d.case_no = c.case_no and d.kind = 'WITHDRAWAL_RECEIPT')""", posts);
		}

		/** Instances of the bare process, {@code starters} at a time, until {@code cases} have ended. */
		Result bare(String name, int starters, int cases) throws Exception {
			List<Integer> instances = new ArrayList<>();
			for (int i = 0; i < cases; i++) {
				instances.add(i);
			}
			return run(name, starters, instances,
					i -> this.engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY).getId(),
					"select id_ from act_hi_procinst where id_ in (:ids) and end_time_ is not null", List.of());
		}

		/**
		 * Starts the items from {@code workers} threads, each waiting until its item is done before starting the next;
		 * one watcher finds the done ones with {@code doneQuery}.
		 */
		private <T> Result run(String name, int workers, List<T> items, Function<T, String> start, String doneQuery,
				List<Long> posts) throws Exception {
			Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			List<String> ids = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(workers, BenchmarkHall.DAEMONS);
			LoadSampler sampler = new LoadSampler(this.jdbc);
			Thread watcher = new Thread(() -> watch(waiting, doneQuery), "benchmark-watcher");
			watcher.setDaemon(true);
			long began = System.nanoTime();
			watcher.start();
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
						long sent = System.nanoTime();
						CompletableFuture<Long> done = new CompletableFuture<>();
						String id = start.apply(items.get(i));
						waiting.put(id, done);
						ids.add(id);
						long ended = done.get(120, TimeUnit.SECONDS);
						latencies.add((ended - sent) / 1_000_000);
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
				watcher.interrupt();
				pool.shutdownNow();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			Result result = new Result(name, latencies, posts, seconds, sampler.stop(), name.startsWith("warm-up")
					|| name.startsWith("bare") ? List.of() : List.copyOf(ids));
			System.out.println(result.row());
			System.out.println("  waiting on a lock in PostgreSQL (sessions, sampled every 50 ms): " + sampler.locks());
			return result;
		}

		private void watch(Map<String, CompletableFuture<Long>> waiting, String doneQuery) {
			while (!Thread.currentThread().isInterrupted()) {
				if (!waiting.isEmpty()) {
					List<String> done = this.jdbc.sql(doneQuery)
						.param("ids", List.copyOf(waiting.keySet()))
						.query(String.class)
						.list();
					long now = System.nanoTime();
					done.forEach(id -> waiting.remove(id).complete(now));
				}
				try {
					Thread.sleep(WATCH_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		private HttpResponse<String> send(Map<String, Object> application) {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/withdrawals"))
					.header("Authorization", "Bearer " + this.token)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(application)))
					.build();
				return this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> read(String body) {
			try {
				return this.json.readValue(body, Map.class);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Per step of the withdrawal process, from the engine's history of these cases: how long the step took, and
		 * how long it waited since the step before it ended (for the first, since the case was submitted).
		 */
		String steps(List<String> caseNos) {
			StringBuilder table = new StringBuilder(
					"| Step | n | p50 ms | p99 ms | wait p50 ms | wait p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
			this.jdbc.sql("""
					select act_id_, act_name_, count(*) as n,
					       percentile_disc(0.5) within group (order by duration_) as p50,
					       percentile_disc(0.99) within group (order by duration_) as p99,
					       percentile_disc(0.5) within group (order by wait) as wait50,
					       percentile_disc(0.99) within group (order by wait) as wait99
					  from (select a.act_id_, a.act_name_, a.start_time_ - c.submitted_at as since, a.duration_,
					               (extract(epoch from a.start_time_ - coalesce(lag(a.end_time_) over w, c.submitted_at))
					                   * 1000)::bigint as wait
					          from act_hi_actinst a
					          join act_hi_procinst p on p.id_ = a.proc_inst_id_
					          join intake_case c on c.case_no = p.business_key_
					         where p.business_key_ in (:caseNos)
					        window w as (partition by a.proc_inst_id_ order by a.start_time_, a.sequence_counter_)) s
					 group by act_id_, act_name_
					 order by avg(extract(epoch from since))""")
				.param("caseNos", caseNos)
				.query((rs, row) -> table.append(String.format("| %s %s | %d | %d | %d | %d | %d |%n",
						rs.getString("act_name_"), rs.getString("act_id_"), rs.getLong("n"), rs.getLong("p50"),
						rs.getLong("p99"), rs.getLong("wait50"), rs.getLong("wait99"))))
				.list();
			return table.toString();
		}

	}

	/**
	 * The load average every second while a scenario runs (its lowest and highest), and every 50 ms the statements
	 * of the sessions that wait on a lock in PostgreSQL (how many on average, and which).
	 */
	private static final class LoadSampler {

		private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

		private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

		private final AtomicInteger lockSamples = new AtomicInteger();

		private final Thread thread;

		LoadSampler(JdbcClient jdbc) {
			this.thread = new Thread(() -> {
				for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
					if (i % 20 == 0) {
						this.samples.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
					}
					jdbc.sql("""
							select regexp_replace(left(query, 70), '\\s+', ' ', 'g') from pg_stat_activity
							 where wait_event_type = 'Lock'""")
						.query(String.class)
						.list()
						.forEach(q -> this.waiting.merge(q, 1, Integer::sum));
					this.lockSamples.incrementAndGet();
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "benchmark-load");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		String stop() {
			this.thread.interrupt();
			List<Double> copy = List.copyOf(this.samples);
			return String.format("%.1f–%.1f", copy.stream().min(Comparator.naturalOrder()).orElse(0.0),
					copy.stream().max(Comparator.naturalOrder()).orElse(0.0));
		}

		String locks() {
			int n = Math.max(1, this.lockSamples.get());
			StringBuilder text = new StringBuilder(String.format("%.2f on average",
					this.waiting.values().stream().mapToInt(Integer::intValue).sum() / (double) n));
			this.waiting.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(3)
				.forEach(e -> text.append(String.format("; %.2f: %s", e.getValue() / (double) n, e.getKey())));
			return text.toString();
		}

	}

}
