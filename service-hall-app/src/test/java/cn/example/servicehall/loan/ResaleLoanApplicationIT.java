package cn.example.servicehall.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * A resale-loan application entered through the hall's REST API at the window, accepted, first-reviewed and
 * approved by three officers, checked in the tables their colleagues would read and in the engine's record of who
 * did what.
 */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResaleLoanApplicationIT {

	private static final String ID_NUMBER = "11010519491231002X";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HistoryService history;

	private Api clerk() {
		return Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
	}

	@Test
	void drivesAnApplicationFromTheWindowThroughReviewToApproval(CapturedOutput output) {
		ResponseEntity<Map<String, Object>> submitted = clerk().post("/api/loan/resale-applications",
				application("500000.00", 240), UUID.randomUUID().toString());

		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) submitted.getBody().get("caseNo");
		assertThat(caseNo).matches("DK\\d{13}");
		assertThat(submitted.getHeaders().getLocation()).hasToString("/api/cases/" + caseNo);
		assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED")
			.containsEntry("applicantIdNumber", "110105********002X");

		List<Map<String, Object>> inbox = clerk().getList("/api/tasks").getBody();
		assertThat(inbox).filteredOn(t -> caseNo.equals(t.get("caseNo")))
			.singleElement()
			.satisfies(task -> assertThat(task).containsEntry("step", "Task_AcceptApplication")
				.containsEntry("name", "窗口受理")
				.containsEntry("formKey", "loan/accept-application"));

		ResponseEntity<Map<String, Object>> accepted = clerk().post("/api/loan/applications/" + caseNo + "/acceptance",
				Map.of("remark", "材料齐全"));
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED");

		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", "hpf-first-reviewer"));
		assertThat(reviewer.getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).contains(caseNo);
		assertThat(reviewer.post("/api/loan/applications/" + caseNo + "/first-review", Map.of("opinion", "符合贷款条件"))
			.getBody()).containsEntry("status", "FIRST_REVIEWED");

		Api approver = Api.as(this.http, TestTokens.user("approver1", "hpf-approver"));
		assertThat(approver.post("/api/loan/applications/" + caseNo + "/approval", Map.of("opinion", "同意贷款"))
			.getBody()).containsEntry("status", "APPROVED");

		// the tables: the case, its loan, its history with who did what
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class).single())
			.isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select applicant_id_no from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single()).isEqualTo(ID_NUMBER);
		assertThat(this.jdbc.sql("select requested_amount from loan_application where case_no = ?").param(caseNo)
			.query(BigDecimal.class).single()).isEqualByComparingTo("500000.00");
		assertThat(this.jdbc.sql("select action || '/' || actor_id || '/' || agency || '/' || coalesce(remark, '') "
				+ "from intake_case_event where case_no = ? order by occurred_at, id").param(caseNo).query(String.class).list())
			.containsExactly("SUBMITTED/clerk1/HPF/", "ACCEPTED/clerk1/HPF/材料齐全", "FIRST_REVIEWED/reviewer1/HPF/符合贷款条件",
					"APPROVED/approver1/HPF/同意贷款");

		// the engine: the process ended, each task's assignee is the officer who did it, the operation log names them
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult();
		assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_LoanApproved");
		assertThat(instance.getStartUserId()).isEqualTo("clerk1");
		assertThat(this.history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo)
			.orderByHistoricActivityInstanceStartTime().asc().list())
			.extracting(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee())
			.containsExactly("Task_AcceptApplication/clerk1", "Task_FirstReview/reviewer1", "Task_ApproveLoan/approver1");
		assertThat(this.history.createUserOperationLogQuery().processInstanceId(instance.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
			.extracting(UserOperationLogEntry::getUserId)
			.containsExactlyInAnyOrder("clerk1", "reviewer1", "approver1");
		assertThat(this.jdbc.sql("select process_instance_id from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single()).isEqualTo(instance.getId());
		// the remark was transient: not in the engine's history
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("acceptanceRemark").count()).isZero();

		// log lines about the case carry its number
		assertThat(output.getOut()).containsPattern("\\[" + caseNo + "\\] .*Case opened: RESALE_LOAN")
			.containsPattern("\\[" + caseNo + "\\] .*Case ACCEPTED by clerk1");

		// doing a step again is refused and changes nothing
		ResponseEntity<Map<String, Object>> again = clerk().post("/api/loan/applications/" + caseNo + "/acceptance", Map.of());
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("type", "/problems/task-not-open");
		assertThat(this.jdbc.sql("select count(*) from intake_case_event where case_no = ?").param(caseNo)
			.query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void aRetriedSubmissionReturnsTheFirstCaseAndCreatesNoSecond() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = application("320000.50", 180);
		int casesBefore = count("intake_case");

		ResponseEntity<Map<String, Object>> first = clerk().post("/api/loan/resale-applications", body, key);
		ResponseEntity<Map<String, Object>> retry = clerk().post("/api/loan/resale-applications", body, key);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.getBody().get("caseNo")).isEqualTo(first.getBody().get("caseNo"));
		assertThat(count("intake_case")).isEqualTo(casesBefore + 1);
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey((String) first.getBody().get("caseNo")).count()).isEqualTo(1);

		ResponseEntity<Map<String, Object>> sameKeyOtherBody = clerk().post("/api/loan/resale-applications",
				application("320000.51", 180), key);
		assertThat(sameKeyOtherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(sameKeyOtherBody.getBody()).containsEntry("type", "/problems/idempotency-key-reused");

		// the same key from another clerk is another request
		ResponseEntity<Map<String, Object>> otherClerk = Api.as(this.http, TestTokens.user("clerk2", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", body, key);
		assertThat(otherClerk.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(otherClerk.getBody().get("caseNo")).isNotEqualTo(first.getBody().get("caseNo"));
		assertThat(count("intake_case")).isEqualTo(casesBefore + 2);
	}

	@Test
	void refusesBadInputWithAProblemNamingEachFieldAndWritesNothing() {
		int cases = count("intake_case");
		int keys = count("platform_idempotent_request");

		Map<String, Object> bad = Map.of("applicant", Map.of("name", "张三", "idNumber", "110101199003074478"),
				"requestedAmount", "-1", "termMonths", 400);
		ResponseEntity<Map<String, Object>> refused = clerk().post("/api/loan/resale-applications", bad,
				UUID.randomUUID().toString());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("type", "/problems/invalid-input").doesNotContainKey("trace");
		assertThat(refused.getBody().get("errors")).asList()
			.extracting(e -> (String) (((Map<?, ?>) e).get("field") + ": " + ((Map<?, ?>) e).get("message")))
			.containsExactlyInAnyOrder("applicant.idNumber: 身份证号码校验位（最后一位）不符，请逐位核对",
					"requestedAmount: 申请贷款金额须大于 0", "termMonths: 贷款期限须在 12 至 360 个月之间");

		ResponseEntity<Map<String, Object>> impossibleBirthDate = clerk().post("/api/loan/resale-applications",
				Map.of("applicant", Map.of("name", "李四", "idNumber", "110105194902300012"), "requestedAmount",
						"100000.123", "termMonths", 120),
				UUID.randomUUID().toString());
		assertThat(impossibleBirthDate.getBody().get("errors")).asList()
			.extracting(e -> (String) ((Map<?, ?>) e).get("message"))
			.containsExactlyInAnyOrder("身份证号码中的出生日期（第 7 至 14 位）不是真实日期", "申请贷款金额最多两位小数（精确到分）");

		ResponseEntity<String> notJson = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.raw(HttpMethod.POST, "/api/loan/resale-applications", "{\"applicant\": ");
		assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<Map<String, Object>> noKey = clerk().post("/api/loan/resale-applications", application("1000.00", 12));
		assertThat(noKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noKey.getBody().get("detail")).contains("Idempotency-Key");

		assertThat(count("intake_case")).isEqualTo(cases);
		assertThat(count("platform_idempotent_request")).isEqualTo(keys);
	}

	@Test
	void answersAnUnknownCaseWithNotFound() {
		ResponseEntity<Map<String, Object>> unknown = clerk().get("/api/cases/DK2026010199999");

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("type", "/problems/case-not-found");
	}

	private static Map<String, Object> application(String amount, int termMonths) {
		return Map.of("applicant", Map.of("name", "张三", "idNumber", ID_NUMBER), "requestedAmount", amount,
				"termMonths", termMonths);
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
