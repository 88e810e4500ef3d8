package cn.example.servicehall.processes.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the resale loan: the happy path to disbursement, missing materials and the citizen's return, each
 * agency's refusal, a sealed property, first review and approval refusing or returning, and the applicant
 * withdrawing; and the same model as a part of a bundle (acceptedInBundle), which skips its own acceptance and
 * completion and ends a refusal with Error_PartRefused. Delegates are fakes that record what the hall would have done.
 */
@Deployment(resources = "bpmn/loan/resale-loan.bpmn")
class ResaleLoanProcessTest {

	private static final String CASE_NO = "DK2026112300001";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** What the hall's delegates did, in order. */
	private final List<String> done = new ArrayList<>();

	private boolean propertySealed;

	private boolean receiptFails;

	@BeforeEach
	void fakeTheHall() {
		for (String bean : List.of("notifyMissingMaterials", "recordAcceptance", "requestCreditReport",
				"assessEligibility", "recordContract", "disburseLoan", "issueIou", "completeCase", "recordRejection",
				"recordWithdrawal", "issueMissingMaterialsNotice", "issueLoanContract", "issueIouDocument",
				"issueDisbursementNotice", "issueCompletionReceipt", "issueRefusalNotice")) {
			Mocks.register(bean, (JavaDelegate) execution -> this.done.add(bean));
		}
		Mocks.register("issueAcceptanceReceipt", (JavaDelegate) execution -> {
			if (this.receiptFails) {
				throw new IllegalStateException("the font is missing");
			}
			this.done.add("issueAcceptanceReceipt");
		});
		Mocks.register("checkTitle", (JavaDelegate) execution -> {
			this.done.add("checkTitle");
			if (this.propertySealed) {
				throw new BpmnError("Err_PropertySealed", "查封");
			}
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void runsFromTheWindowThroughEveryAgencyToDisbursement() {
		ProcessInstance pi = start();
		BpmnAwareTests.assertThat(taskQuery().processInstanceId(pi.getId()).singleResult())
			.hasFormKey("loan/accept-application");
		accept(pi, true);

		passAgencyChecks(pi);
		executeJobs(pi); // assessEligibility
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "APPROVE"));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SignContractAtFundCentre", "Task_SignContractAtBank",
				"Task_SignContractAtGuarantor");
		completeAt(pi, "Task_SignContractAtBank", "bank-loan-officer", null);
		completeAt(pi, "Task_SignContractAtGuarantor", "guarantor-officer", null);
		assertThat(this.done).doesNotContain("recordContract");
		completeAt(pi, "Task_SignContractAtFundCentre", "hpf-acceptance-clerk", null);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueLoanContract");
		executeJobs(pi);

		completeAt(pi, "Task_RegisterMortgage", "registry-clerk", null);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_DisburseLoan");
		executeJobs(pi);

		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LoanDisbursed");
		assertThat(this.done).containsExactly("recordAcceptance", "issueAcceptanceReceipt", "requestCreditReport",
				"checkTitle", "assessEligibility", "recordContract", "issueLoanContract", "disburseLoan", "issueIou",
				"issueIouDocument", "issueDisbursementNotice", "completeCase", "issueCompletionReceipt");
	}

	@Test
	void withJointRegistrationTheSignedLoanTellsTheBundleAndWaitsForTheRegistryInsteadOfItsOwnMortgageStep() {
		ProcessInstance pi = runtimeService().startProcessInstanceByKey("ResaleLoanProcess", CASE_NO,
				withVariables("caseNo", CASE_NO, "jointRegistration", true));
		accept(pi, true);
		passAgencyChecks(pi);
		executeJobs(pi);
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "APPROVE"));
		completeAt(pi, "Task_SignContractAtBank", "bank-loan-officer", null);
		completeAt(pi, "Task_SignContractAtGuarantor", "guarantor-officer", null);
		completeAt(pi, "Task_SignContractAtFundCentre", "hpf-acceptance-clerk", null);
		executeJobs(pi);

		BpmnAwareTests.assertThat(pi).hasPassed("Event_LoanSignedForRegistration").isWaitingAt("Event_JointRegistrationDone");
		assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RegisterMortgage").count()).isZero();
		assertThat(this.done).doesNotContain("disburseLoan");

		runtimeService().signalEventReceived("JointRegistrationDone-" + CASE_NO);
		executeJobs(pi);

		BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("Task_RegisterMortgage");
		assertThat(this.done).endsWith("issueLoanContract", "disburseLoan", "issueIou", "issueIouDocument",
				"issueDisbursementNotice", "completeCase", "issueCompletionReceipt");
	}

	@Test
	void sendsOneNoticeOfEverythingMissingAndWaitsForTheCitizenToReturn() {
		ProcessInstance pi = start();
		accept(pi, false);

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueMissingMaterialsNotice");
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Event_MaterialsSupplemented");
		assertThat(this.done).containsExactly("notifyMissingMaterials", "issueMissingMaterialsNotice");
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();

		runtimeService().createMessageCorrelation("Msg_MaterialsSupplemented").processInstanceBusinessKey(CASE_NO)
			.correlate();
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptApplication");
		accept(pi, true);

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueAcceptanceReceipt");
		assertThat(this.done).containsExactly("notifyMissingMaterials", "issueMissingMaterialsNotice", "recordAcceptance");
	}

	@Test
	void keepsTheAcceptanceWhenTheReceiptFailsRetriesAndFinallyRaisesAnIncident() {
		this.receiptFails = true;
		ProcessInstance pi = start();
		accept(pi, true);
		Job receipt = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();

		assertThatThrownBy(() -> managementService().executeJob(receipt.getId())).hasMessageContaining("font");
		Job retried = managementService().createJobQuery().jobId(receipt.getId()).singleResult();
		assertThat(retried.getRetries()).isEqualTo(4);
		assertThat(retried.getDuedate()).isAfter(receipt.getDuedate() == null ? new java.util.Date(0) : receipt.getDuedate());
		assertThat(this.done).containsExactly("recordAcceptance");
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueAcceptanceReceipt");

		managementService().setJobRetries(receipt.getId(), 1);
		assertThatThrownBy(() -> managementService().executeJob(receipt.getId())).hasMessageContaining("font");
		assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
			.isEqualTo("Task_IssueAcceptanceReceipt");

		this.receiptFails = false;
		managementService().setJobRetries(receipt.getId(), 1);
		managementService().executeJob(receipt.getId());
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RequestCreditReport", "Task_CheckTitle", "Task_AssessGuarantee");
		assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(this.done).containsExactly("recordAcceptance", "issueAcceptanceReceipt");
	}

	@Test
	void endsTheCaseWhenTheBankRefusesAndCancelsTheOtherAgenciesWork() {
		ProcessInstance pi = acceptedAndChecked();
		completeAt(pi, "Task_ReviewCredit", "bank-loan-officer", withVariables("creditApproved", false));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueRefusalNotice");
		assertRejected(pi);
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void endsTheCaseWhenTheRegistryFindsTheTitleWrong() {
		ProcessInstance pi = acceptedAndChecked();
		completeAt(pi, "Task_ReviewTitle", "registry-clerk", withVariables("titleConfirmed", false));

		assertRejected(pi);
	}

	@Test
	void endsTheCaseWhenTheGuarantorDeclines() {
		ProcessInstance pi = acceptedAndChecked();
		completeAt(pi, "Task_AssessGuarantee", "guarantor-officer", withVariables("guaranteeAccepted", false));

		assertRejected(pi);
	}

	@Test
	void endsTheCaseWhenTheRegistryReportsThePropertySealed() {
		this.propertySealed = true;
		ProcessInstance pi = start();
		accept(pi, true);
		executeJobs(pi);

		assertRejected(pi);
		assertThat(this.done).contains("checkTitle").doesNotContain("assessEligibility");
	}

	@Test
	void refusesAtFirstReview() {
		ProcessInstance pi = atFirstReview();
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "REJECT"));

		assertRejected(pi);
	}

	@Test
	void returnsFromFirstReviewToTheWindowForCorrection() {
		ProcessInstance pi = atFirstReview();
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "RETURN"));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptApplication");
	}

	@Test
	void refusesAtApproval() {
		ProcessInstance pi = atFirstReview();
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "REJECT"));

		assertRejected(pi);
	}

	@Test
	void returnsFromApprovalToFirstReview() {
		ProcessInstance pi = atFirstReview();
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "RETURN"));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
	}

	@Test
	void endsEverythingWhenTheApplicantWithdraws() {
		ProcessInstance pi = acceptedAndChecked();
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(3);

		runtimeService().createMessageCorrelation("Msg_ApplicationWithdrawn").processInstanceBusinessKey(CASE_NO)
			.correlate();

		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_ApplicationWithdrawn");
		assertThat(this.done).endsWith("recordWithdrawal");
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void inABundleSkipsItsOwnAcceptanceAndCompletionAndEndsDisbursed() {
		ProcessInstance pi = startInBundle();
		BpmnAwareTests.assertThat(pi).hasNotPassed("Task_AcceptApplication");
		passAgencyChecks(pi);
		executeJobs(pi); // assessEligibility
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "APPROVE"));
		completeAt(pi, "Task_SignContractAtBank", "bank-loan-officer", null);
		completeAt(pi, "Task_SignContractAtGuarantor", "guarantor-officer", null);
		completeAt(pi, "Task_SignContractAtFundCentre", "hpf-acceptance-clerk", null);
		executeJobs(pi);
		completeAt(pi, "Task_RegisterMortgage", "registry-clerk", null);
		executeJobs(pi);

		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_PartDone").hasNotPassed("Task_CompleteCase",
				"Task_RecordAcceptance", "Task_IssueAcceptanceReceipt");
		assertThat(this.done).containsExactly("requestCreditReport", "checkTitle", "assessEligibility",
				"recordContract", "issueLoanContract", "disburseLoan", "issueIou", "issueIouDocument",
				"issueDisbursementNotice");
	}

	@Test
	void inABundleAnAgencysRefusalEndsThePartRefusedForTheBundle() {
		ProcessInstance pi = startInBundle();
		executeJobs(pi);
		completeAt(pi, "Task_ReviewCredit", "bank-loan-officer", withVariables("creditApproved", false));

		assertPartRefused(pi);
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void inABundleARefusalAtFirstReviewEndsThePartRefused() {
		ProcessInstance pi = startInBundle();
		passAgencyChecks(pi);
		executeJobs(pi);
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "REJECT"));

		assertPartRefused(pi);
	}

	@Test
	void inABundleARefusalAtApprovalEndsThePartRefused() {
		ProcessInstance pi = startInBundle();
		passAgencyChecks(pi);
		executeJobs(pi);
		completeAt(pi, "Task_FirstReview", "hpf-first-reviewer", withVariables("firstReviewOutcome", "PASS"));
		completeAt(pi, "Task_ApproveLoan", "hpf-approver", withVariables("approvalOutcome", "REJECT"));

		assertPartRefused(pi);
	}

	/** As a bundle's call activity starts it (ADR 0009): the bundle's case number, acceptedInBundle, the part. */
	private ProcessInstance startInBundle() {
		return runtimeService().startProcessInstanceByKey("ResaleLoanProcess", "YS2026120700001",
				withVariables("caseNo", "YS2026120700001", "acceptedInBundle", true, "bundlePartNo", 3));
	}

	private void assertPartRefused(ProcessInstance pi) {
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_PartRefused").hasNotPassed("Task_RecordRejection",
				"Task_IssueRefusalNotice");
		assertThat(this.done).doesNotContain("recordRejection", "issueRefusalNotice", "recordAcceptance",
				"issueAcceptanceReceipt");
	}

	private void accept(ProcessInstance pi, boolean materialsComplete) {
		completeAt(pi, "Task_AcceptApplication", "hpf-acceptance-clerk",
				withVariables("materialsComplete", materialsComplete));
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("ResaleLoanProcess", CASE_NO, withVariables("caseNo", CASE_NO));
	}

	/** Accepted, with the bank's and the registry's system queries done: three agency tasks open. */
	private ProcessInstance acceptedAndChecked() {
		ProcessInstance pi = start();
		accept(pi, true);
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewCredit", "Task_ReviewTitle", "Task_AssessGuarantee");
		return pi;
	}

	private ProcessInstance atFirstReview() {
		ProcessInstance pi = start();
		accept(pi, true);
		passAgencyChecks(pi);
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
		return pi;
	}

	private void passAgencyChecks(ProcessInstance pi) {
		executeJobs(pi);
		completeAt(pi, "Task_ReviewCredit", "bank-loan-officer", withVariables("creditApproved", true));
		completeAt(pi, "Task_ReviewTitle", "registry-clerk", withVariables("titleConfirmed", true));
		completeAt(pi, "Task_AssessGuarantee", "guarantor-officer", withVariables("guaranteeAccepted", true));
	}

	private void completeAt(ProcessInstance pi, String step, String candidateGroup, java.util.Map<String, Object> variables) {
		Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
		assertThat(task).as("waiting at " + step).isNotNull();
		BpmnAwareTests.assertThat(task).hasCandidateGroup(candidateGroup);
		if (variables == null) {
			complete(task);
		}
		else {
			complete(task, variables);
		}
	}

	/** Runs jobs until none is left, as the job executor would (a job's step may create the next job). */
	private static void executeJobs(ProcessInstance pi) {
		List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		while (!jobs.isEmpty()) {
			jobs.forEach(job -> execute(job));
			jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		}
	}

	private void assertRejected(ProcessInstance pi) {
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "Task_IssueRefusalNotice",
				"EndEvent_ApplicationRejected");
		assertThat(this.done).endsWith("recordRejection", "issueRefusalNotice").doesNotContain("recordContract");
	}

}
