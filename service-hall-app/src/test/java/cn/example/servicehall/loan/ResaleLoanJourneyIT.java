package cn.example.servicehall.loan;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.intake.ApplicationAccepted;
import cn.example.servicehall.intake.CaseClosed;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.MissingMaterialsNotified;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.EventRecorder;
import cn.example.servicehall.support.LoanFixtures.Flat;
import cn.example.servicehall.support.TestTokens;

/**
 * A second-hand house loan as one case across the fund centre, the entrusted bank, the real-estate registry and the
 * guarantor, driven through the hall's REST API by each agency's officer, from the window to the payment to the
 * seller, and checked in the tables: the loan, its schedule, the status history.
 */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResaleLoanJourneyIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private cn.example.servicehall.calendar.WorkingCalendar calendar;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Autowired
	private EventRecorder events;

	private Api as(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private Api clerk() {
		return as("clerk1", "hpf-acceptance-clerk");
	}

	@Test
	void runsFromTheWindowThroughEveryAgencyToThePaymentToTheSeller(CapturedOutput output) {
		String caseNo = submit(this.http, newResaleApplication());
		String path = "/api/loan/applications/" + caseNo;

		// the registry's data is on file; both applicants are
		assertThat(row("select address || '|' || build_year from loan_property where case_no = ?", caseNo))
			.startsWith("焦作市解放区民主南路 88 号 ")
			.endsWith("|2008")
			.isEqualTo(row("select t.address || '|' || t.build_year from fake_registry_title t join loan_property p "
					+ "on p.certificate_no = t.certificate_no where p.case_no = ?", caseNo));
		assertThat(this.jdbc.sql("select role from loan_party where case_no = ? order by role").param(caseNo)
			.query(String.class).list()).containsExactly("BORROWER", "CO_BORROWER");

		// 受理 with two materials missing: one notice lists both; the case waits for the citizen
		assertThat(clerk().getList(path + "/checklist").getBody()).hasSize(10);
		Map<String, Object> incomplete = new LinkedHashMap<>(allMaterials(true));
		@SuppressWarnings("unchecked")
		Map<String, Boolean> materials = new LinkedHashMap<>((Map<String, Boolean>) incomplete.get("materials"));
		materials.put("INCOME_PROOF", false);
		materials.put("SELLER_ACCOUNT", false);
		incomplete.put("materials", materials);
		ResponseEntity<Map<String, Object>> notice = clerk().post(path + "/acceptance", incomplete);
		assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(notice.getBody().get("missingMaterials")).asList()
			.extracting(m -> (String) ((Map<?, ?>) m).get("name"))
			.containsExactly("借款人及共同借款人收入证明", "卖方收款账户证明");
		assertThat(status(caseNo)).isEqualTo("AWAITING_MATERIALS");
		assertThat(runJobs(this.engine, caseNo)).as("the one-time notice").isEqualTo(1);
		assertThat(row("select count(*) from intake_missing_materials_notice where case_no = ?", caseNo)).isEqualTo("1");
		assertThat(clerk().getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).doesNotContain(caseNo);

		// 补正, then 受理 with everything
		assertThat(clerk().post(path + "/materials-supplemented", Map.of("remark", "已补收入证明和收款账户证明"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(clerk().getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).contains(caseNo);
		assertThat(clerk().post(path + "/acceptance", allMaterials(true)).getBody().get("missingMaterials")).asList()
			.isEmpty();
		assertThat(status(caseNo)).isEqualTo("ACCEPTED");

		// the receipt is issued, the bank's and the registry's systems answer; then each agency's officer gives an opinion
		assertThat(runJobs(this.engine, caseNo)).isEqualTo(3);
		assertThat(row("select count(*) from loan_credit_report where case_no = ?", caseNo)).isEqualTo("2");
		assertThat(row("select owner_matches || '/' || sealed from loan_title_check where case_no = ?", caseNo))
			.isEqualTo("true/false");
		ok(as("bank1", "bank-loan-officer").post(path + "/credit-review", review("APPROVE", "征信良好，还款能力充足")));
		ok(as("registry1", "registry-clerk").post(path + "/title-review", review("APPROVE", "权属清晰，无抵押查封")));
		ok(as("guarantor1", "guarantor-officer").post(path + "/guarantee-assessment", review("APPROVE", "同意提供阶段性担保")));

		// 资格审查与额度测算 reads both fund accounts and binds at the cap of the city policy in force
		assertThat(runJobs(this.engine, caseNo)).isEqualTo(1);
		Map<String, Object> decision = decision(caseNo);
		assertThat(decision).containsEntry("eligible", true)
			.containsEntry("policyId", "JIAOZUO-2024")
			.containsEntry("bindingLimit", "CAP");
		assertThat(new BigDecimal(decision.get("approvableAmount").toString())).isEqualByComparingTo("800000.00");
		assertThat(new BigDecimal(decision.get("grantedAmount").toString())).isEqualByComparingTo("600000.00");
		assertThat((String) decision.get("explanation")).contains("最高额度").contains("焦作市政策 JIAOZUO-2024");
		assertThat(row("select fund_balance || '/' || fund_continuous_months from loan_party where case_no = ? "
				+ "and role = 'BORROWER'", caseNo)).isEqualTo("62000.00/60");

		// 初审 and 审批 (four-eyes holds: three different people)
		ok(as("reviewer1", "hpf-first-reviewer").post(path + "/first-review", review("APPROVE", "符合贷款条件")));
		ok(as("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意贷款 60 万元")));

		// the schedule is kept with the loan, exact to the fen: 600,000 at 2.6 % over 240 months
		assertThat(row("select approved_amount || '/' || annual_rate || '/' || term_months from loan_approval "
				+ "where case_no = ?", caseNo)).isEqualTo("600000.00/2.600/240");
		assertThat(row("select count(*) from loan_repayment_schedule where case_no = ?", caseNo)).isEqualTo("240");
		// 3,208.73 = round(600000·r·(1+r)^240/((1+r)^240−1)), r = 2.6 %/12, computed independently (Python decimal)
		assertThat(row("select payment || '/' || interest from loan_repayment_schedule where case_no = ? and period = 1",
				caseNo)).isEqualTo("3208.73/1300.00");
		assertThat(row("select sum(principal) from loan_repayment_schedule where case_no = ?", caseNo))
			.isEqualTo("600000.00");
		assertThat(row("select remaining_principal from loan_repayment_schedule where case_no = ? and period = 240",
				caseNo)).isEqualTo("0.00");
		assertThat(clerk().getList(path + "/schedule").getBody()).hasSize(240);

		// 合同面签 by every party; then 抵押登记 at the registry
		ok(as("bank1", "bank-loan-officer").post(path + "/contract-signing/bank", null));
		ok(as("guarantor1", "guarantor-officer").post(path + "/contract-signing/guarantor", null));
		assertThat(row("select count(*) from loan_contract where case_no = ?", caseNo)).isEqualTo("0");
		ok(clerk().post(path + "/contract-signing/fund-centre", null));
		assertThat(row("select contract_no from loan_contract where case_no = ?", caseNo)).matches("JK\\d{10}");
		assertThat(runJobs(this.engine, caseNo)).as("the contract").isEqualTo(1);
		assertThat(this.jdbc.sql("select party from loan_contract_signature where case_no = ? order by party").param(caseNo)
			.query(String.class).list()).containsExactly("BANK", "BORROWER", "CO_BORROWER", "FUND_CENTRE", "GUARANTOR");
		ok(as("registry1", "registry-clerk").post(path + "/mortgage-registration",
				Map.of("certificateNo", "豫(2026)焦作市不动产证明第0098765号")));
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");

		// 放款: the bank pays the seller once; the IOU, the notice and the completion receipt are issued
		assertThat(runJobs(this.engine, caseNo)).isEqualTo(4);
		assertThat(status(caseNo)).isEqualTo("COMPLETED");
		assertThat(row("select amount || '/' || payee_name || '/' || payee_account_no from loan_disbursement "
				+ "where case_no = ?", caseNo)).isEqualTo("600000.00/王强/6217000010012345678");
		assertThat(row("select count(*) || '/' || sum(amount) from fake_bank_payment where order_id = ?", "FK" + caseNo))
			.isEqualTo("1/600000.00");
		assertThat(row("select iou_no from loan_iou where case_no = ?", caseNo)).matches("JJ\\d{10}");
		assertThat(row("select (closed_at is not null)::text from intake_case where case_no = ?", caseNo)).isEqualTo("true");

		// one timeline of every agency's steps, who did them and when
		assertThat(this.jdbc.sql("select action || '/' || actor_id || '/' || agency from intake_case_event "
				+ "where case_no = ? order by occurred_at, id").param(caseNo).query(String.class).list())
			.containsExactly("SUBMITTED/clerk1/HPF", "MISSING_MATERIALS_NOTIFIED/clerk1/HPF",
					"MATERIALS_SUPPLEMENTED/clerk1/HPF", "ACCEPTED/clerk1/HPF", "CREDIT_REVIEWED/bank1/BANK",
					"TITLE_REVIEWED/registry1/REGISTRY", "GUARANTEE_REVIEWED/guarantor1/GUARANTOR",
					"ASSESSED/system/SYSTEM", "FIRST_REVIEWED/reviewer1/HPF", "APPROVAL_DECIDED/approver1/HPF",
					"CONTRACT_SIGNED_BY_BANK/bank1/BANK", "CONTRACT_SIGNED_BY_GUARANTOR/guarantor1/GUARANTOR",
					"CONTRACT_SIGNED_BY_FUND_CENTRE/clerk1/HPF", "CONTRACT_RECORDED/system/HPF",
					"MORTGAGE_REGISTERED/registry1/REGISTRY", "DISBURSED/system/BANK", "COMPLETED/system/HPF");

		// the engine: the process ended at its end event; every officer's task had a due date
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult();
		assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_LoanDisbursed");
		List<HistoricTaskInstance> done = this.history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.list();
		assertThat(done).hasSize(11).allSatisfy(task -> assertThat(task.getDueDate()).as(task.getName()).isNotNull());
		assertThat(done).filteredOn(t -> "Task_AcceptApplication".equals(t.getTaskDefinitionKey()))
			.allSatisfy(t -> assertThat(t.getDueDate().toInstant()).as("two working hours after the minute it opened")
				.isEqualTo(this.calendar
					.addWorkingTime(t.getStartTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
							java.time.Duration.ofHours(2))
					.toInstant()));

		// the documents' events, one per step that issues one
		assertThat(this.events.stream(ApplicationAccepted.class)).filteredOn(e -> e.caseNo().value().equals(caseNo))
			.hasSize(1);
		assertThat(this.events.stream(MissingMaterialsNotified.class)).filteredOn(e -> e.caseNo().value().equals(caseNo))
			.singleElement()
			.satisfies(e -> assertThat(e.noticeNo()).matches("GZ\\d{10}"));
		assertThat(this.events.stream(ContractSigned.class)).filteredOn(e -> e.caseNo().value().equals(caseNo)).hasSize(1);
		assertThat(this.events.stream(LoanDisbursed.class)).filteredOn(e -> e.caseNo().value().equals(caseNo)).hasSize(1);
		assertThat(this.events.stream(IouIssued.class)).filteredOn(e -> e.caseNo().value().equals(caseNo)).hasSize(1);
		assertThat(this.events.stream(CaseClosed.class)).filteredOn(e -> e.caseNo().value().equals(caseNo))
			.singleElement()
			.satisfies(e -> assertThat(e.outcome()).isEqualTo(CaseStatus.COMPLETED));

		assertThat(output.getOut()).containsPattern("\\[" + caseNo + "\\] .*Case DISBURSED by system");
	}

	@Test
	void explainsAnIneligibleApplicationAndEndsItOnRefusal() {
		String caseNo = throughAgencyChecks(Flat.BUILT_1996);
		String path = "/api/loan/applications/" + caseNo;

		Map<String, Object> decision = decision(caseNo);
		assertThat(decision).containsEntry("eligible", false);
		assertThat(decision.get("reasons")).asList()
			.extracting(r -> (String) ((Map<?, ?>) r).get("reason"))
			.containsExactly("房龄与贷款期限之和 50 年，超过本市上限 40 年");
		assertThat(new BigDecimal(decision.get("grantedAmount").toString())).as("nothing is granted")
			.isEqualByComparingTo("0");
		assertThat((String) decision.get("explanation")).as("the sentence agrees: why nothing is granted")
			.startsWith("不符合贷款条件，不予核定贷款金额：房龄与贷款期限之和 50 年，超过本市上限 40 年。")
			.contains("可贷额度 800,000.00 元")
			.doesNotContain("核定 ")
			.doesNotContain("600,000.00");

		ResponseEntity<Map<String, Object>> pass = as("reviewer1", "hpf-first-reviewer").post(path + "/first-review",
				review("APPROVE", "同意"));
		assertThat(pass.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) pass.getBody().get("detail")).contains("房龄与贷款期限之和 50 年");

		ok(as("reviewer1", "hpf-first-reviewer").post(path + "/first-review", review("REJECT", "房龄超限，不予贷款")));
		assertThat(status(caseNo)).isEqualTo("REJECTED");
		assertThat(lastRemark(caseNo))
			.isEqualTo("不符合贷款条件：房龄与贷款期限之和 50 年，超过本市上限 40 年；初审不通过：房龄超限，不予贷款");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
	}

	@Test
	void endsTheCaseWhenTheRegistryReportsThePropertySealedAndCancelsEveryAgencysTask() {
		String caseNo = submit(this.http, newResaleApplication(Flat.SEALED));
		ok(clerk().post("/api/loan/applications/" + caseNo + "/acceptance", allMaterials(true)));
		assertThat(cn.example.servicehall.support.LoanFixtures.dueSteps(this.engine, caseNo))
			.containsExactly("Task_IssueAcceptanceReceipt");
		this.engine.getManagementService()
			.executeJob(cn.example.servicehall.support.LoanFixtures.jobsOf(this.engine, caseNo).get(0).getId());
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_AssessGuarantee")
			.count()).isEqualTo(1);

		runJobs(this.engine, caseNo);

		assertThat(status(caseNo)).isEqualTo("REJECTED");
		assertThat(lastRemark(caseNo)).contains("房产已被查封");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
		assertThat(cn.example.servicehall.support.LoanFixtures.jobsOf(this.engine, caseNo)).isEmpty();
	}

	@Test
	void letsTheApplicantWithdrawAndEndsEveryOpenAgencyTask() {
		String caseNo = submit(this.http, newResaleApplication());
		String path = "/api/loan/applications/" + caseNo;
		ok(clerk().post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isEqualTo(3);

		ok(clerk().post(path + "/withdrawal", Map.of("reason", "申请人改用商业贷款")));

		assertThat(status(caseNo)).isEqualTo("WITHDRAWN");
		assertThat(lastRemark(caseNo)).isEqualTo("申请人改用商业贷款");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
		ResponseEntity<Map<String, Object>> late = as("bank1", "bank-loan-officer").post(path + "/credit-review",
				review("APPROVE", "同意"));
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(clerk().post(path + "/withdrawal", Map.of("reason", "again")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void returnsFromApprovalToFirstReviewAndFromFirstReviewToTheWindow() {
		String caseNo = throughAgencyChecks(Flat.BUILT_2008);
		String path = "/api/loan/applications/" + caseNo;
		ok(as("reviewer1", "hpf-first-reviewer").post(path + "/first-review", review("APPROVE", "符合条件")));

		ok(as("approver1", "hpf-approver").post(path + "/approval", Map.of("outcome", "RETURN", "opinion", "请核实收入证明")));
		assertThat(status(caseNo)).isEqualTo("RETURNED");
		assertThat(openSteps(caseNo)).containsExactly("Task_FirstReview");

		ok(as("reviewer1", "hpf-first-reviewer").post(path + "/first-review", review("RETURN", "请窗口补录收入")));
		assertThat(openSteps(caseNo)).containsExactly("Task_AcceptApplication");
	}

	@Test
	void refusesAnApprovedAmountAboveTheLimit() {
		String caseNo = throughAgencyChecks(Flat.BUILT_2008);
		String path = "/api/loan/applications/" + caseNo;
		ok(as("reviewer1", "hpf-first-reviewer").post(path + "/first-review", review("APPROVE", "符合条件")));

		ResponseEntity<Map<String, Object>> tooMuch = as("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.01", "opinion", "同意"));

		assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(tooMuch.getBody()).containsEntry("type", "/problems/above-limit");
		String detail = (String) tooMuch.getBody().get("detail");
		assertThat(detail).as("the amount asked and the limit, once each, written the same way")
			.startsWith("批准金额 600,000.01 元超过可批金额 600,000.00 元")
			.doesNotContain("600000")
			.doesNotContain("可贷额度 600,000.00");
		assertThat(detail.split("600,000\\.00", -1)).hasSize(2);
		assertThat(detail.split("600,000\\.01", -1)).hasSize(2);

		ResponseEntity<Map<String, Object>> negative = as("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "-1", "opinion", "同意"));
		assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(negative.getBody().get("errors")).asList()
			.extracting(e -> ((Map<?, ?>) e).get("field") + ": " + ((Map<?, ?>) e).get("message"))
			.containsExactly("approvedAmount: 批准金额须大于 0");
		assertThat(row("select count(*) from loan_approval where case_no = ?", caseNo)).isEqualTo("0");
		assertThat(openSteps(caseNo)).containsExactly("Task_ApproveLoan");
	}

	private String throughAgencyChecks(Flat flat) {
		String caseNo = submit(this.http, newResaleApplication(flat));
		String path = "/api/loan/applications/" + caseNo;
		ok(clerk().post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		ok(as("bank1", "bank-loan-officer").post(path + "/credit-review", review("APPROVE", "同意")));
		ok(as("registry1", "registry-clerk").post(path + "/title-review", review("APPROVE", "同意")));
		ok(as("guarantor1", "guarantor-officer").post(path + "/guarantee-assessment", review("APPROVE", "同意")));
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	private static Map<String, Object> review(String outcome, String opinion) {
		return Map.of("outcome", outcome, "opinion", opinion);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> decision(String caseNo) {
		Map<String, Object> loan = (Map<String, Object>) clerk().get("/api/loan/applications/" + caseNo).getBody().get("loan");
		return (Map<String, Object>) loan.get("decision");
	}

	private List<String> openSteps(String caseNo) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).list().stream()
			.map(t -> t.getTaskDefinitionKey())
			.toList();
	}

	private static void ok(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
	}

	private String status(String caseNo) {
		return row("select coalesce(stage, status) from intake_case where case_no = ?", caseNo);
	}

	private String lastRemark(String caseNo) {
		return row("select remark from intake_case_event where case_no = ? order by occurred_at desc, id desc limit 1",
				caseNo);
	}

	private String row(String sql, String parameter) {
		return this.jdbc.sql(sql).param(parameter).query((rs, row) -> rs.getString(1)).single();
	}

}
