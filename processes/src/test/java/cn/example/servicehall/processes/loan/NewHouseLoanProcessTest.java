package cn.example.servicehall.processes.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

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

@Deployment(resources = "bpmn/loan/new-house-loan.bpmn")
class NewHouseLoanProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final List<String> recordedAcceptances = new ArrayList<>();

	/** What the hall's delegates after approval did, in order. */
	private final List<String> done = new ArrayList<>();

	@BeforeEach
	void fakeTheHallsTables() {
		Mocks.register("recordAcceptance",
				(JavaDelegate) execution -> this.recordedAcceptances.add(execution.getProcessBusinessKey()));
		for (String bean : List.of("recordContract", "issueLoanContract", "disburseLoan", "issueIou",
				"issueIouDocument", "issueDisbursementNotice", "completeCase", "issueCompletionReceipt",
				"notifyMissingMaterials", "issueMissingMaterialsNotice", "recordWithdrawal", "issueAcceptanceReceipt",
				"recordRejection", "issueRefusalNotice")) {
			Mocks.register(bean, (JavaDelegate) execution -> this.done.add(bean));
		}
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void acceptsTheDevelopersOnlineApplicationAtTheFundCentreThenReviewsAndApproves() {
		ProcessInstance pi = runtimeService().startProcessInstanceByKey("NewHouseLoanProcess", "DK2026112300002",
				withVariables("caseNo", "DK2026112300002"));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptOnlineApplication");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-acceptance-clerk")
			.hasFormKey("loan/accept-online-application");

		complete(task(), withVariables("materialsComplete", true));
		assertThat(this.recordedAcceptances).containsExactly("DK2026112300002");
		BpmnAwareTests.assertThat(pi).as("the receipt is its own step, after the acceptance")
			.isWaitingAt("Task_IssueAcceptanceReceipt");
		executeJobs(pi);
		assertThat(this.done).containsExactly("issueAcceptanceReceipt");
		this.done.clear();
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-first-reviewer");

		complete(task(), withVariables("firstReviewOutcome", "PASS"));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ApproveLoan");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-approver");

		complete(task(), withVariables("approvalOutcome", "APPROVE"));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Event_SigningCheckedIn");
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).as("nobody works while the buyer's slot comes")
			.isZero();

		runtimeService().createMessageCorrelation("Msg_SigningCheckedIn").processInstanceId(pi.getId()).correlate();
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SignContractAtFundCentre", "Task_SignContractAtBank",
				"Task_SignContractAtGuarantor");
		completeAt(pi, "Task_SignContractAtFundCentre", "hpf-acceptance-clerk", "loan/sign-contract");
		completeAt(pi, "Task_SignContractAtBank", "bank-loan-officer", "loan/sign-contract");
		assertThat(this.done).as("the contract waits for every party").isEmpty();
		completeAt(pi, "Task_SignContractAtGuarantor", "guarantor-officer", "loan/sign-contract");
		executeJobs(pi);
		assertThat(this.done).containsExactly("recordContract", "issueLoanContract");

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RegisterPreMortgage");
		completeAt(pi, "Task_RegisterPreMortgage", "registry-clerk", "loan/register-pre-mortgage");
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_DisburseLoan");
		executeJobs(pi);
		assertThat(this.done).containsExactly("recordContract", "issueLoanContract", "disburseLoan", "issueIou",
				"issueIouDocument", "issueDisbursementNotice", "completeCase", "issueCompletionReceipt");

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConvertPreMortgage");
		completeAt(pi, "Task_ConvertPreMortgage", "registry-clerk", "loan/convert-pre-mortgage");
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MortgageConverted");
	}

	private static void completeAt(ProcessInstance pi, String step, String candidateGroup, String formKey) {
		Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
		assertThat(task).as("waiting at " + step).isNotNull();
		BpmnAwareTests.assertThat(task).hasCandidateGroup(candidateGroup).hasFormKey(formKey);
		complete(task);
	}

	/** Runs jobs until none is left, as the job executor would (a job's step may create the next job). */
	private static void executeJobs(ProcessInstance pi) {
		List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		while (!jobs.isEmpty()) {
			jobs.forEach(job -> execute(job));
			jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		}
	}

	@Test
	void aCorrectionRoundWaitsForTheSalesOfficeAndResumesAtOnlineAcceptance() {
		ProcessInstance pi = start("DK2026112300003");
		complete(task(), withVariables("materialsComplete", false));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_IssueMissingMaterialsNotice");
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Event_MaterialsSupplemented");
		assertThat(this.done).containsExactly("notifyMissingMaterials", "issueMissingMaterialsNotice");
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();

		runtimeService().createMessageCorrelation("Msg_MaterialsSupplemented").processInstanceId(pi.getId()).correlate();
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptOnlineApplication");
		complete(task(), withVariables("materialsComplete", true));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
		assertThat(this.done).as("one acceptance receipt, once the case is accepted").containsExactly(
				"notifyMissingMaterials", "issueMissingMaterialsNotice", "issueAcceptanceReceipt");
	}

	@Test
	void theFirstReviewerRefusesAndTheCaseEndsWithTheRefusalNotice() {
		ProcessInstance pi = acceptedWithItsReceipt("DK2026112300005");
		complete(task(), withVariables("firstReviewOutcome", "REJECT"));
		BpmnAwareTests.assertThat(pi).as("the notice is its own step").isWaitingAt("Task_IssueRefusalNotice");
		executeJobs(pi);
		assertRefused(pi);
	}

	@Test
	void theApproverRefusesAndTheCaseEndsWithTheRefusalNotice() {
		ProcessInstance pi = acceptedWithItsReceipt("DK2026112300006");
		complete(task(), withVariables("firstReviewOutcome", "PASS"));
		complete(task(), withVariables("approvalOutcome", "REJECT"));
		executeJobs(pi);
		assertRefused(pi);
		assertThat(runtimeService().createEventSubscriptionQuery().eventName("Msg_SigningCheckedIn").count())
			.as("no signing appointment for a refused case").isZero();
	}

	/** Accepted online with every material, its acceptance receipt issued: at first review. */
	private static ProcessInstance acceptedWithItsReceipt(String caseNo) {
		ProcessInstance pi = start(caseNo);
		complete(task(), withVariables("materialsComplete", true));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
		return pi;
	}

	private void assertRefused(ProcessInstance pi) {
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "Task_IssueRefusalNotice",
				"EndEvent_ApplicationRejected");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "recordRejection", "issueRefusalNotice");
	}

	@Test
	void theSalesOfficeWithdrawsAndEveryOpenStepEnds() {
		ProcessInstance pi = start("DK2026112300004");
		complete(task(), withVariables("materialsComplete", true));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");

		runtimeService().createMessageCorrelation("Msg_ApplicationWithdrawn").processInstanceId(pi.getId()).correlate();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_ApplicationWithdrawn");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "recordWithdrawal");
	}

	private static ProcessInstance start(String caseNo) {
		ProcessInstance pi = runtimeService().startProcessInstanceByKey("NewHouseLoanProcess", caseNo,
				withVariables("caseNo", caseNo));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptOnlineApplication");
		return pi;
	}

}
