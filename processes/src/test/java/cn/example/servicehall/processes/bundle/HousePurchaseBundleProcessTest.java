package cn.example.servicehall.processes.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * 购房一件事's paths, its parts run by the services' own models (call activities): the purchase withdrawal for the
 * down payment is paid first and counted in the loan's assessment, then the resale loan; one acceptance receipt and
 * one completion receipt for the bundle, none of the parts' own; a refused loan asks the acceptance clerk whether the
 * buyer goes on with own funds (the bundle completes with the withdrawal paid) or cancels (the withdrawal paid stays
 * paid); a refused withdrawal asks too. Delegates are fakes that record what the hall would have done, part by part.
 */
@Deployment(resources = { "bpmn/bundle/house-purchase-bundle.bpmn", "bpmn/withdrawal/withdrawal.bpmn",
		"bpmn/loan/resale-loan.bpmn" })
class HousePurchaseBundleProcessTest {

	private static final String CASE_NO = "YS2026120700002";

	private static final int WITHDRAWAL = 2;

	private static final int LOAN = 3;

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

	/** What the hall's delegates did, in order; a part's steps carry its number ({@code debitFundAccount#2}). */
	private final List<String> done = new ArrayList<>();

	private String withdrawalRoute = "PAY_AUTOMATICALLY";

	@BeforeEach
	void fakeTheHall() {
		for (String bean : List.of("debitFundAccount", "closeFundAccount", "issueClosingCertificate",
				"issueWithdrawalReceipt", "completeWithdrawal", "notifyWithdrawalPaid", "transferToCitizen",
				"recordWithdrawalRefusal", "notifyWithdrawalRefused", "signOffsetAgreement", "issueOffsetAgreement",
				"issueAcceptanceReceipt", "completeBundle", "issueCompletionReceipt", "cancelBundle",
				"countWithdrawalInLoan", "notifyMissingMaterials", "recordAcceptance", "requestCreditReport",
				"checkTitle", "assessEligibility", "recordContract", "disburseLoan", "issueIou", "completeCase",
				"recordRejection", "recordWithdrawal", "issueMissingMaterialsNotice", "issueLoanContract",
				"issueIouDocument", "issueDisbursementNotice", "issueRefusalNotice")) {
			Mocks.register(bean, (JavaDelegate) execution -> {
				Object part = execution.getVariable("bundlePartNo");
				this.done.add(part == null ? bean : bean + "#" + part);
			});
		}
		Mocks.register("assessWithdrawal", (JavaDelegate) execution -> {
			this.done.add("assessWithdrawal#" + execution.getVariable("bundlePartNo"));
			execution.setVariable("withdrawalRoute", this.withdrawalRoute);
			execution.setVariable("closesAccount", false);
			execution.setVariable("secondApprovalNeeded", false);
			execution.setVariable("offsetAgreement", false);
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void theWithdrawalIsPaidAndCountedBeforeTheLoanIsAssessedAndTheBundleCompletesOnce() {
		ProcessInstance pi = start();
		runJobs();
		Task credit = waitingTask("Task_ReviewCredit");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "assessWithdrawal#2", "debitFundAccount#2",
				"transferToCitizen#2", "issueWithdrawalReceipt#2", "countWithdrawalInLoan", "requestCreditReport#3",
				"checkTitle#3");
		complete(credit, withVariables("creditApproved", true));
		complete(waitingTask("Task_ReviewTitle"), withVariables("titleConfirmed", true));
		complete(waitingTask("Task_AssessGuarantee"), withVariables("guaranteeAccepted", true));
		runJobs();
		complete(waitingTask("Task_FirstReview"), withVariables("firstReviewOutcome", "PASS"));
		complete(waitingTask("Task_ApproveLoan"), withVariables("approvalOutcome", "APPROVE"));
		complete(waitingTask("Task_SignContractAtFundCentre"));
		complete(waitingTask("Task_SignContractAtBank"));
		complete(waitingTask("Task_SignContractAtGuarantor"));
		runJobs();
		complete(waitingTask("Task_RegisterMortgage"));
		runJobs();

		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_PurchaseWithdrawal", "Task_CountWithdrawalInLoan",
				"CallActivity_Loan", "Task_CompleteBundle", "EndEvent_Done");
		assertThat(this.done).containsSubsequence("issueWithdrawalReceipt#2", "countWithdrawalInLoan",
				"assessEligibility#3", "disburseLoan#3", "issueDisbursementNotice#3", "completeBundle",
				"issueCompletionReceipt");
		assertThat(this.done).doesNotContain("completeWithdrawal#2", "notifyWithdrawalPaid#2", "recordAcceptance#3",
				"issueAcceptanceReceipt#3", "completeCase#3", "issueCompletionReceipt#3");
		assertThat(this.done).filteredOn(step -> step.startsWith("issueAcceptanceReceipt")).hasSize(1);
	}

	@Test
	void aRefusedLoanAsksTheClerkAndTheBuyerGoesOnWithOwnFunds() {
		ProcessInstance pi = start();
		runJobs();
		complete(waitingTask("Task_ReviewCredit"), withVariables("creditApproved", false));
		runJobs();
		Task decide = waitingTask("Task_DecideAfterLoanRefused");
		BpmnAwareTests.assertThat(decide).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("bundle/after-refusal");
		assertThat(this.done).doesNotContain("recordRejection#3", "issueRefusalNotice#3");
		complete(decide, withVariables("afterRefusal", "CONTINUE"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CompleteBundle", "EndEvent_Done")
			.hasNotPassed("Task_CancelBundle");
		assertThat(this.done).contains("transferToCitizen#2").endsWith("completeBundle", "issueCompletionReceipt");
	}

	@Test
	void aRefusedLoanCancelledByTheBuyerEndsCancelledWithTheWithdrawalPaid() {
		ProcessInstance pi = start();
		runJobs();
		complete(waitingTask("Task_ReviewCredit"), withVariables("creditApproved", true));
		complete(waitingTask("Task_ReviewTitle"), withVariables("titleConfirmed", true));
		complete(waitingTask("Task_AssessGuarantee"), withVariables("guaranteeAccepted", true));
		runJobs();
		complete(waitingTask("Task_FirstReview"), withVariables("firstReviewOutcome", "REJECT"));
		runJobs();
		complete(waitingTask("Task_DecideAfterLoanRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CancelBundle", "EndEvent_Cancelled")
			.hasNotPassed("Task_CompleteBundle");
		assertThat(this.done).contains("transferToCitizen#2").endsWith("cancelBundle").doesNotContain("completeBundle");
	}

	@Test
	void aRefusedWithdrawalAsksTheClerkAndTheLoanGoesOnWithoutItOrTheBundleIsCancelled() {
		this.withdrawalRoute = "NOT_ELIGIBLE";
		ProcessInstance goesOn = start();
		runJobs();
		Task decide = waitingTask("Task_DecideAfterWithdrawalRefused");
		BpmnAwareTests.assertThat(decide).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("bundle/after-refusal");
		assertThat(this.done).doesNotContain("debitFundAccount#2", "recordWithdrawalRefusal#2");
		complete(decide, withVariables("afterRefusal", "CONTINUE"));
		runJobs();
		BpmnAwareTests.assertThat(goesOn).isActive();
		assertThat(waitingTask("Task_ReviewCredit")).isNotNull();
		assertThat(this.done).doesNotContain("countWithdrawalInLoan").contains("requestCreditReport#3");
		runtimeService().deleteProcessInstance(goesOn.getId(), "test done");

		ProcessInstance cancelled = start();
		runJobs();
		complete(waitingTask("Task_DecideAfterWithdrawalRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(cancelled).isEnded().hasPassed("Task_CancelBundle", "EndEvent_Cancelled")
			.hasNotPassed("CallActivity_Loan");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("HousePurchaseBundleProcess", CASE_NO, Map.of("caseNo",
				CASE_NO, "purchaseWithdrawalPartNo", WITHDRAWAL, "loanPartNo", LOAN, "hasFundLoan", false));
	}

	private static Task waitingTask(String step) {
		Task task = taskQuery().taskDefinitionKey(step).singleResult();
		assertThat(task).as("waiting at " + step).isNotNull();
		return task;
	}

	/** Runs every job of the parent and its parts until none is left, as the job executor would. */
	private static void runJobs() {
		List<Job> jobs = managementService().createJobQuery().list();
		while (!jobs.isEmpty()) {
			jobs.forEach(job -> execute(job));
			jobs = managementService().createJobQuery().list();
		}
	}

}
