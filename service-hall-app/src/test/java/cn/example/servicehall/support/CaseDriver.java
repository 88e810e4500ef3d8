package cn.example.servicehall.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Resale-loan cases (and retirement withdrawals) driven through the hall's REST API over real HTTP, as each agency's
 * officer would, by a client
 * that keeps its promises when the hall does not answer: a submission is retried with the same
 * {@code Idempotency-Key} until it is answered, a step is tried again until the hall says it is done or no longer
 * open. Works against any hall that trusts {@link TestTokens} (the in-process hall, or one the test started).
 * <p>
 * Each {@link #round()} tries, for every case that has not ended, its submission or every step it has not seen
 * answered yet, in the model's order: a step that is not open yet is refused with 409 and tried in the next round; a
 * step whose answer was lost (the hall killed after the commit) stays "unanswered" and keeps being refused as no
 * longer open, which is harmless, while the later steps go on. What the fault suite must see is only this: no answer
 * but 2xx, 409 or "unavailable" (503, or no connection), and every case at the end.
 */
public final class CaseDriver {

	/**
	 * One step of the resale loan, as the officer of its post sends it; {@code taskKey} is the model's user task
	 * that the step completes.
	 */
	public record Step(String name, String taskKey, String user, String group, String path, Object body) {
	}

	/** The services the driver runs. */
	public enum Service {

		/** 二手房公积金贷款: ten officers' steps across four agencies. */
		RESALE_LOAN,

		/**
		 * 退休提取: decided by rule at the counter; the social security check, the debit and closing, the payment and
		 * the text message are the system's.
		 */
		RETIREMENT_WITHDRAWAL

	}

	/** A case the driver runs: its application and submission key, and what it knows of it. */
	public static final class DrivenCase {

		private final Service service;

		private final Map<String, Object> application;

		private final String submissionKey = UUID.randomUUID().toString();

		private final Set<String> answered = ConcurrentHashMap.newKeySet();

		private volatile String caseNo;

		private volatile boolean completed;

		DrivenCase(Service service, Map<String, Object> application) {
			this.service = service;
			this.application = application;
		}

		public Service service() {
			return this.service;
		}

		public String caseNo() {
			return this.caseNo;
		}

		public boolean completed() {
			return this.completed;
		}

		/**
		 * The applicant's (the borrower's) resident ID number: how the case is found if its number never reached the
		 * client.
		 */
		@SuppressWarnings("unchecked")
		public String applicantIdNumber() {
			Object applicant = this.application.get(this.service == Service.RESALE_LOAN ? "borrower" : "applicant");
			return (String) ((Map<String, Object>) applicant).get("idNumber");
		}

		/** The steps whose 2xx answer the client saw. */
		public Set<String> answeredSteps() {
			return Set.copyOf(this.answered);
		}

	}

	/** What one round met: answers by kind. */
	public record Round(int done, int notOpen, int unavailable, int completedNow) {
	}

	private static final Map<String, Object> AGREE = Map.of("outcome", "APPROVE", "opinion", "同意");

	private volatile URI base;

	/** A token for a user in a group: {@link TestTokens#user} unless the hall trusts another issuer. */
	private final java.util.function.BiFunction<String, String, String> tokens;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final List<DrivenCase> cases = new CopyOnWriteArrayList<>();

	/** Answers the hall must never give: a 5xx but 503, a 4xx but 409, an answer that is not problem details. */
	private final List<String> wrongAnswers = new CopyOnWriteArrayList<>();

	private final java.util.concurrent.atomic.AtomicInteger unavailable = new java.util.concurrent.atomic.AtomicInteger();

	public CaseDriver(int port) {
		this(port, (user, group) -> TestTokens.user(user, group));
	}

	/** A driver whose officers carry tokens from {@code tokens} (user, group → token). */
	public CaseDriver(int port, java.util.function.BiFunction<String, String, String> tokens) {
		this.base = URI.create("http://localhost:" + port);
		this.tokens = tokens;
	}

	/** Sends every later request to the hall (node) on {@code port}. */
	public void useHallAt(int port) {
		this.base = URI.create("http://localhost:" + port);
	}

	/** A new couple buying a new copy of 王强's 2008 flat: a case no other collides with. */
	public DrivenCase newCase() {
		DrivenCase driven = new DrivenCase(Service.RESALE_LOAN, LoanFixtures.newResaleApplication());
		this.cases.add(driven);
		return driven;
	}

	/**
	 * A retirement withdrawal of {@code retired} (a depositor the fakes record as retired, {@link
	 * WithdrawalFixtures#retired}): the assessment's materials are all brought to the counter.
	 */
	public DrivenCase newRetirementWithdrawal(WithdrawalFixtures.Depositor retired) {
		DrivenCase driven = new DrivenCase(Service.RETIREMENT_WITHDRAWAL, WithdrawalFixtures.retirement(retired));
		this.cases.add(driven);
		return driven;
	}

	public List<DrivenCase> cases() {
		return Collections.unmodifiableList(this.cases);
	}

	/** Answers that were neither a success, nor "not open", nor "unavailable, try again": each a defect. */
	public List<String> wrongAnswers() {
		return List.copyOf(this.wrongAnswers);
	}

	/** How many requests found the hall unavailable (503 or no connection) and were tried again. */
	public int unavailableAnswers() {
		return this.unavailable.get();
	}

	public boolean allCompleted() {
		return this.cases.stream().allMatch(DrivenCase::completed);
	}

	/** One pass over every case that has not ended. */
	public Round round() {
		int done = 0;
		int notOpen = 0;
		int unavailableBefore = this.unavailable.get();
		int completedNow = 0;
		for (DrivenCase driven : this.cases) {
			if (driven.completed) {
				continue;
			}
			if (driven.caseNo == null) {
				done += submit(driven) ? 1 : 0;
				continue;
			}
			if (driven.service == Service.RESALE_LOAN) {
				int[] answers = stepsOf(driven);
				done += answers[0];
				notOpen += answers[1];
			}
			if ("COMPLETED".equals(lifecycle(driven.caseNo)) && issuedAll(driven)) {
				driven.completed = true;
				completedNow++;
			}
		}
		return new Round(done, notOpen, this.unavailable.get() - unavailableBefore, completedNow);
	}

	/**
	 * The officers at work on a thread of their own: a {@link #round()} every quarter second until every case has
	 * completed or {@code stop} is set. The thread, started.
	 */
	public Thread roundsUntilCompleted(java.util.concurrent.atomic.AtomicBoolean stop) {
		Thread officers = new Thread(() -> {
			while (!stop.get() && !allCompleted()) {
				round();
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "officers");
		officers.start();
		return officers;
	}

	/** Tries the steps of a loan the client has not seen answered: how many were done, how many not open. */
	private int[] stepsOf(DrivenCase driven) {
		int done = 0;
		int notOpen = 0;
		{
			// after the first step that is not open, three more: the parallel reviews and signings, and the step
			// after one whose answer was lost
			int triesAfterRefusal = 3;
			for (Step step : steps(driven.caseNo)) {
				if (driven.answered.contains(step.name())) {
					continue;
				}
				if (triesAfterRefusal < 0) {
					break;
				}
				int status = send(step);
				if (status / 100 == 2) {
					driven.answered.add(step.name());
					done++;
				}
				else {
					notOpen += status == 409 ? 1 : 0;
					triesAfterRefusal--;
				}
			}
		}
		return new int[] { done, notOpen };
	}

	/**
	 * Sends one step's request as its officer would, on a thread of its own per copy, all at the same moment: the
	 * statuses, in the order of the copies.
	 */
	public List<Integer> sendAtOnce(String caseNo, String stepName, int copies) throws InterruptedException {
		Step step = steps(caseNo).stream()
			.filter(s -> s.name().equals(stepName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No step " + stepName));
		List<Integer> statuses = atOnce(copies, () -> send(step));
		this.cases.stream()
			.filter(c -> caseNo.equals(c.caseNo))
			.findFirst()
			.ifPresent(c -> {
				if (statuses.stream().anyMatch(s -> s / 100 == 2)) {
					c.answered.add(stepName);
				}
			});
		return statuses;
	}

	/**
	 * Sends the case's submission, with its one Idempotency-Key, from {@code copies} threads at the same moment: the
	 * statuses, in the order of the copies. The case number is taken from a successful answer.
	 */
	public List<Integer> submitAtOnce(DrivenCase driven, int copies) throws InterruptedException {
		return atOnce(copies, () -> {
			HttpResponse<String> answer = exchange("POST", submissionPath(driven),
					this.tokens.apply("clerk1", "hpf-acceptance-clerk"), driven.application, driven.submissionKey);
			if (answer == null) {
				return 503;
			}
			if (answer.statusCode() / 100 == 2) {
				String caseNo = read(answer).path("caseFile").path("caseNo").asText(null);
				synchronized (driven) {
					if (driven.caseNo != null && !driven.caseNo.equals(caseNo)) {
						this.wrongAnswers.add("Two case numbers for one submission: " + driven.caseNo + ", " + caseNo);
					}
					driven.caseNo = caseNo;
				}
			}
			return answer.statusCode();
		});
	}

	private static List<Integer> atOnce(int copies, java.util.function.IntSupplier call) throws InterruptedException {
		List<Integer> statuses = new ArrayList<>(Collections.nCopies(copies, 0));
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < copies; i++) {
			int copy = i;
			Thread thread = new Thread(() -> {
				try {
					start.await();
					int status = call.getAsInt();
					synchronized (statuses) {
						statuses.set(copy, status);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		return statuses;
	}

	/** The names of the resale loan's steps, in the model's order. */
	public static List<String> stepNames() {
		return steps("X").stream().map(Step::name).toList();
	}

	/** The resale loan's ten officers' steps for the case, in the model's order. */
	public static List<Step> steps(String caseNo) {
		String path = "/api/loan/applications/" + caseNo;
		return List.of(new Step("acceptance", "Task_AcceptApplication", "clerk1", "hpf-acceptance-clerk", path + "/acceptance",
				LoanFixtures.allMaterials(true)),
				new Step("credit-review", "Task_ReviewCredit", "bank1", "bank-loan-officer", path + "/credit-review", AGREE),
				new Step("title-review", "Task_ReviewTitle", "registry1", "registry-clerk", path + "/title-review", AGREE),
				new Step("guarantee-assessment", "Task_AssessGuarantee", "guarantor1", "guarantor-officer", path + "/guarantee-assessment",
						AGREE),
				new Step("first-review", "Task_FirstReview", "reviewer1", "hpf-first-reviewer", path + "/first-review", AGREE),
				new Step("approval", "Task_ApproveLoan", "approver1", "hpf-approver", path + "/approval",
						Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")),
				new Step("signing-bank", "Task_SignContractAtBank", "bank1", "bank-loan-officer", path + "/contract-signing/bank", null),
				new Step("signing-guarantor", "Task_SignContractAtGuarantor", "guarantor1", "guarantor-officer", path + "/contract-signing/guarantor",
						null),
				new Step("signing-fund-centre", "Task_SignContractAtFundCentre", "clerk1", "hpf-acceptance-clerk",
						path + "/contract-signing/fund-centre", null),
				new Step("mortgage-registration", "Task_RegisterMortgage", "registry1", "registry-clerk", path + "/mortgage-registration",
						Map.of("certificateNo", "豫(2026)焦作市不动产证明第" + caseNo + "号")));
	}

	private boolean submit(DrivenCase driven) {
		if (driven.service == Service.RETIREMENT_WITHDRAWAL && !driven.application.containsKey("materials")) {
			HttpResponse<String> assessment = exchange("POST", "/api/withdrawals/assessment",
					this.tokens.apply("clerk1", "hpf-acceptance-clerk"), driven.application, null);
			if (assessment == null || assessment.statusCode() != 200) {
				return false;
			}
			Map<String, Boolean> materials = new java.util.LinkedHashMap<>();
			read(assessment).path("materials").forEach(m -> materials.put(m.path("code").asText(), true));
			driven.application.put("materials", materials);
		}
		HttpResponse<String> answer = exchange("POST", submissionPath(driven),
				this.tokens.apply("clerk1", "hpf-acceptance-clerk"), driven.application, driven.submissionKey);
		if (answer == null || answer.statusCode() / 100 != 2) {
			return false;
		}
		driven.caseNo = read(answer).path("caseFile").path("caseNo").asText(null);
		return driven.caseNo != null;
	}

	private int send(Step step) {
		HttpResponse<String> answer = exchange("POST", step.path(), this.tokens.apply(step.user(), step.group()),
				step.body(), null);
		return answer == null ? 503 : answer.statusCode();
	}

	private static String submissionPath(DrivenCase driven) {
		return driven.service == Service.RESALE_LOAN ? "/api/loan/resale-applications" : "/api/withdrawals";
	}

	/** Where the case stands as a whole: {@code COMPLETED} once it is closed with its outcome delivered. */
	private String lifecycle(String caseNo) {
		HttpResponse<String> answer = exchange("GET", "/api/cases/" + caseNo,
				this.tokens.apply("clerk1", "hpf-acceptance-clerk"), null, null);
		return answer == null || answer.statusCode() != 200 ? null : read(answer).path("lifecycle").asText(null);
	}

	/**
	 * Whether every document a completed case of its service issues is there: a case is closed before its last
	 * document (the loan's completion receipt) is issued by a job of its own, which a node killed while holding it runs
	 * only once its lock has run out.
	 */
	private boolean issuedAll(DrivenCase driven) {
		HttpResponse<String> answer = exchange("GET", "/api/cases/" + driven.caseNo + "/documents",
				this.tokens.apply("clerk1", "hpf-acceptance-clerk"), null, null);
		if (answer == null || answer.statusCode() != 200) {
			return false;
		}
		Set<String> kinds = new HashSet<>();
		read(answer).forEach(document -> kinds.add(document.path("kind").asText()));
		return kinds.containsAll(FaultCounts.documentsOf(driven.service));
	}

	/**
	 * One request; null when the hall was unavailable (no connection, or a 503 problem), after noting it. Any other
	 * answer outside 2xx and 409 is noted as wrong.
	 */
	private HttpResponse<String> exchange(String method, String path, String token, Object body, String key) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json");
			if (key != null) {
				request.header("Idempotency-Key", key);
			}
			if (method.equals("POST")) {
				request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : this.json.writeValueAsString(body)));
			}
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = answer.statusCode();
			boolean problem = answer.headers().firstValue("Content-Type").orElse("").contains("problem+json");
			if (status == 503 && problem) {
				this.unavailable.incrementAndGet();
				return null;
			}
			if (status >= 500 || (status >= 400 && status != 409) || (status >= 400 && !problem)) {
				this.wrongAnswers.add(method + " " + path + " → " + status + " " + abbreviate(answer.body()));
			}
			return answer;
		}
		catch (IOException ex) {
			this.unavailable.incrementAndGet();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private JsonNode read(HttpResponse<String> answer) {
		try {
			return this.json.readTree(answer.body());
		}
		catch (IOException ex) {
			this.wrongAnswers.add("Not JSON: " + abbreviate(answer.body()));
			return this.json.createObjectNode();
		}
	}

	private static String abbreviate(String text) {
		return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

	/** The case numbers of the cases that were submitted (their number known to the client). */
	public List<String> caseNumbers() {
		List<String> numbers = new ArrayList<>();
		this.cases.forEach(c -> {
			if (c.caseNo != null) {
				numbers.add(c.caseNo);
			}
		});
		return numbers;
	}

}
