package cn.example.servicehall.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;

/**
 * A resale-loan application entered through the hall's REST API, accepted by the acceptance clerk and driven to the
 * end of its process, checked in the tables a clerk's colleagues would read.
 */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResaleLoanIntakeIT {

	private static final String ID_NUMBER = "11010519491231002X";

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HistoryService history;

	private TestRestTemplate admin;

	@BeforeEach
	void signIn() {
		this.admin = this.anonymous.withBasicAuth("admin", ServiceHallIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void drivesAnApplicationFromSubmissionThroughAcceptanceToTheEndOfItsProcess(CapturedOutput output) {
		ResponseEntity<Map<String, Object>> submitted = submit(UUID.randomUUID().toString(), application("500000.00", 240));

		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) submitted.getBody().get("caseNo");
		assertThat(caseNo).matches("DK\\d{13}");
		assertThat(submitted.getHeaders().getLocation()).hasToString("/api/cases/" + caseNo);
		assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED")
			.containsEntry("applicantIdNumber", "110105********002X");

		List<Map<String, Object>> inbox = this.admin
			.exchange("/api/tasks", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.getBody();
		assertThat(inbox).filteredOn(t -> caseNo.equals(t.get("caseNo")))
			.singleElement()
			.satisfies(task -> assertThat(task).containsEntry("step", "Task_AcceptApplication")
				.containsEntry("name", "窗口受理")
				.containsEntry("formKey", "loan/accept-application"));

		ResponseEntity<Map<String, Object>> accepted = this.admin.exchange(
				"/api/loan/resale-applications/" + caseNo + "/acceptance", HttpMethod.POST,
				json(Map.of("remark", "材料齐全"), null), new ParameterizedTypeReference<>() {
				});
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED");

		// the tables: the case, its loan, its history
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class).single())
			.isEqualTo("ACCEPTED");
		assertThat(this.jdbc.sql("select applicant_id_no from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single()).isEqualTo(ID_NUMBER);
		assertThat(this.jdbc.sql("select requested_amount from loan_application where case_no = ?").param(caseNo)
			.query(BigDecimal.class).single()).isEqualByComparingTo("500000.00");
		assertThat(this.jdbc.sql("select action || '/' || actor_id || '/' || agency || '/' || coalesce(remark, '') "
				+ "from intake_case_event where case_no = ? order by occurred_at, id").param(caseNo).query(String.class).list())
			.containsExactly("SUBMITTED/admin/HPF/", "ACCEPTED/admin/HPF/材料齐全");

		// the process ran to its end, as the clerk, who the engine recorded as the task's assignee
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult();
		assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_ApplicationAccepted");
		assertThat(this.history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getAssignee())
			.isEqualTo("admin");
		assertThat(this.jdbc.sql("select process_instance_id from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single()).isEqualTo(instance.getId());
		// the remark was transient: not in the engine's history
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("acceptanceRemark").count()).isZero();

		// log lines about the case carry its number
		assertThat(output.getOut()).containsPattern("\\[" + caseNo + "\\] .*Case opened: RESALE_LOAN")
			.containsPattern("\\[" + caseNo + "\\] .*Case accepted by admin");

		// doing the step again is refused and changes nothing
		ResponseEntity<Map<String, Object>> again = this.admin.exchange(
				"/api/loan/resale-applications/" + caseNo + "/acceptance", HttpMethod.POST, json(Map.of(), null),
				new ParameterizedTypeReference<>() {
				});
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("type", "/problems/task-not-open");
		assertThat(this.jdbc.sql("select count(*) from intake_case_event where case_no = ?").param(caseNo)
			.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aRetriedSubmissionReturnsTheFirstCaseAndCreatesNoSecond() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = application("320000.50", 180);
		int casesBefore = count("intake_case");

		ResponseEntity<Map<String, Object>> first = submit(key, body);
		ResponseEntity<Map<String, Object>> retry = submit(key, body);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.getBody().get("caseNo")).isEqualTo(first.getBody().get("caseNo"));
		assertThat(count("intake_case")).isEqualTo(casesBefore + 1);
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey((String) first.getBody().get("caseNo")).count()).isEqualTo(1);

		ResponseEntity<Map<String, Object>> sameKeyOtherBody = submit(key, application("320000.51", 180));
		assertThat(sameKeyOtherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(sameKeyOtherBody.getBody()).containsEntry("type", "/problems/idempotency-key-reused");
		assertThat(count("intake_case")).isEqualTo(casesBefore + 1);
	}

	@Test
	void refusesBadInputWithAProblemNamingEachFieldAndWritesNothing() {
		int cases = count("intake_case");
		int keys = count("platform_idempotent_request");

		Map<String, Object> bad = Map.of("applicant", Map.of("name", "张三", "idNumber", "110101199003074478"),
				"requestedAmount", "-1", "termMonths", 400);
		ResponseEntity<Map<String, Object>> refused = submit(UUID.randomUUID().toString(), bad);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("type", "/problems/invalid-input").doesNotContainKey("trace");
		assertThat(refused.getBody().get("errors")).asList()
			.extracting(e -> (String) (((Map<?, ?>) e).get("field") + ": " + ((Map<?, ?>) e).get("message")))
			.containsExactlyInAnyOrder("applicant.idNumber: 身份证号码校验位（最后一位）不符，请逐位核对",
					"requestedAmount: 申请贷款金额须大于 0", "termMonths: 贷款期限须在 12 至 360 个月之间");

		ResponseEntity<Map<String, Object>> impossibleBirthDate = submit(UUID.randomUUID().toString(),
				Map.of("applicant", Map.of("name", "李四", "idNumber", "110105194902300012"), "requestedAmount",
						"100000.123", "termMonths", 120));
		assertThat(impossibleBirthDate.getBody().get("errors")).asList()
			.extracting(e -> (String) ((Map<?, ?>) e).get("message"))
			.containsExactlyInAnyOrder("身份证号码中的出生日期（第 7 至 14 位）不是真实日期", "申请贷款金额最多两位小数（精确到分）");

		ResponseEntity<Map<String, Object>> notJson = this.admin.exchange("/api/loan/resale-applications",
				HttpMethod.POST, json("{\"applicant\": ", UUID.randomUUID().toString()), new ParameterizedTypeReference<>() {
				});
		assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notJson.getBody()).containsEntry("type", "/problems/unreadable-request");

		ResponseEntity<Map<String, Object>> noKey = this.admin.exchange("/api/loan/resale-applications",
				HttpMethod.POST, json(application("1000.00", 12), null), new ParameterizedTypeReference<>() {
				});
		assertThat(noKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noKey.getBody().get("detail")).contains("Idempotency-Key");

		assertThat(count("intake_case")).isEqualTo(cases);
		assertThat(count("platform_idempotent_request")).isEqualTo(keys);
	}

	@Test
	void answersAnUnknownCaseWithNotFound() {
		ResponseEntity<Map<String, Object>> unknown = this.admin.exchange("/api/cases/DK2026010199999", HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("type", "/problems/case-not-found");
	}

	private ResponseEntity<Map<String, Object>> submit(String key, Object body) {
		return this.admin.exchange("/api/loan/resale-applications", HttpMethod.POST, json(body, key),
				new ParameterizedTypeReference<>() {
				});
	}

	private static HttpEntity<Object> json(Object body, String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return new HttpEntity<>(body, headers);
	}

	private static Map<String, Object> application(String amount, int termMonths) {
		return Map.of("applicant", Map.of("name", "张三", "idNumber", ID_NUMBER), "requestedAmount", amount,
				"termMonths", termMonths);
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
