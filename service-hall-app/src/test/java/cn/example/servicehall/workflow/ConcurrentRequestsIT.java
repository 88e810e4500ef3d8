package cn.example.servicehall.workflow;

import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * Two people doing the same thing at the same moment, for real: two HTTP requests released together by a latch,
 * several rounds. Whichever comes second is told, with 409 and in words, that the other was first; it never gets a
 * 500, and nothing is done twice.
 */
@ServiceHallIntegrationTest
class ConcurrentRequestsIT {

	private static final int ROUNDS = 6;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TaskService tasks;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private HistoryService history;

	private ExecutorService pool;

	@BeforeEach
	void twoCounters() {
		this.pool = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void closeCounters() {
		this.pool.shutdownNow();
	}

	@Test
	@DisplayName("同一案件同时撤回两次：一次成功，另一次 409")
	void twoWithdrawalsOfOneCaseAtOnceWithdrawItOnceAndTellTheSecondSo() throws Exception {
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		for (int round = 1; round <= ROUNDS; round++) {
			String caseNo = submit(this.http, newResaleApplication());
			String path = "/api/loan/applications/" + caseNo + "/withdrawal";

			List<ResponseEntity<String>> answers = atOnce(
					() -> clerk.raw(org.springframework.http.HttpMethod.POST, path, Map.of("reason", "申请人改用商业贷款")),
					() -> clerk.raw(org.springframework.http.HttpMethod.POST, path, Map.of("reason", "申请人改用商业贷款")));

			assertOneSucceededAndOneWasToldOfTheOther(answers, 200, round);
			assertThat(count("select count(*) from intake_case_event where case_no = ? and status = 'WITHDRAWN'", caseNo))
				.as("round %d: withdrawn once", round)
				.isEqualTo(1);
			assertThat(status(caseNo)).isEqualTo("WITHDRAWN");
			assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isZero();
		}
	}

	@Test
	@DisplayName("两名受理员同时认领同一待办：一人认领成功，另一人 409")
	void twoClerksClaimingOneStepAtOnceLeaveItWithOneOfThem() throws Exception {
		Api clerkA = Api.as(this.http, TestTokens.user("clerk-a", Groups.HPF_ACCEPTANCE_CLERK));
		Api clerkB = Api.as(this.http, TestTokens.user("clerk-b", Groups.HPF_ACCEPTANCE_CLERK));
		for (int round = 1; round <= ROUNDS; round++) {
			String caseNo = submit(this.http, newResaleApplication());
			Task step = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
			String path = "/api/tasks/" + step.getId() + "/claim";

			List<ResponseEntity<String>> answers = atOnce(
					() -> clerkA.raw(org.springframework.http.HttpMethod.POST, path, null),
					() -> clerkB.raw(org.springframework.http.HttpMethod.POST, path, null));

			assertOneSucceededAndOneWasToldOfTheOther(answers, 204, round);
			String winner = answers.get(0).getStatusCode().value() == 204 ? "clerk-a" : "clerk-b";
			assertThat(this.tasks.createTaskQuery().taskId(step.getId()).singleResult().getAssignee())
				.as("round %d: the step is the winner's", round)
				.isEqualTo(winner);
			assertThat(this.history.createUserOperationLogQuery().taskId(step.getId()).operationType("Claim").count())
				.as("round %d: claimed once", round)
				.isEqualTo(1);
			// the case goes on: the step is withdrawn with the case so that the next round's flat is free again
			Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
				.post("/api/loan/applications/" + caseNo + "/withdrawal", Map.of("reason", "测试结束"));
		}
	}

	private List<ResponseEntity<String>> atOnce(Callable<ResponseEntity<String>> first,
			Callable<ResponseEntity<String>> second) throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<ResponseEntity<String>>> running = new ArrayList<>();
		for (Callable<ResponseEntity<String>> call : List.of(first, second)) {
			running.add(this.pool.submit(() -> {
				ready.countDown();
				go.await();
				return call.call();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<ResponseEntity<String>> answers = new ArrayList<>();
		for (Future<ResponseEntity<String>> answer : running) {
			answers.add(answer.get(60, TimeUnit.SECONDS));
		}
		return answers;
	}

	private static void assertOneSucceededAndOneWasToldOfTheOther(List<ResponseEntity<String>> answers, int success,
			int round) {
		List<Integer> statuses = answers.stream().map(a -> a.getStatusCode().value()).sorted().toList();
		assertThat(statuses).as("round %d: %s", round, answers).isEqualTo(List.of(success, 409));
		ResponseEntity<String> refused = answers.stream()
			.filter(a -> a.getStatusCode().value() == 409)
			.findFirst()
			.orElseThrow();
		assertThat(refused.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(refused.getBody()).doesNotContain("Exception").doesNotContain("internal-error");
	}

	private int count(String sql, String caseNo) {
		return this.jdbc.sql(sql).param(caseNo).query(Integer.class).single();
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

}
