package cn.example.servicehall.processes.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
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
 * 退休一件事's paths, its parts run by the withdrawal's own model (call activities): with a fund loan, the payoff is
 * booked before the closing; without one, only the closing runs; one acceptance receipt and one completion receipt
 * for the bundle, none of the parts' own; a refused part waits for the acceptance clerk, who goes on or cancels.
 * Delegates are fakes that record what the hall would have done, part by part.
 */
@Deployment(resources = { "bpmn/bundle/retirement-bundle.bpmn", "bpmn/withdrawal/withdrawal.bpmn" })
class RetirementBundleProcessTest {

	private static final String CASE_NO = "YS2026120700001";

	private static final int PAYOFF = 2;

	private static final int CLOSING = 3;

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

	/** What the hall's delegates did, in order; a part's steps carry its number ({@code debitFundAccount#2}). */
	private final List<String> done = new ArrayList<>();

	/** The rules' route per part. */
	private final Map<Integer, String> routes = new HashMap<>(Map.of(PAYOFF, "PAY_AUTOMATICALLY", CLOSING,
			"PAY_AUTOMATICALLY"));

	@BeforeEach
	void fakeTheHall() {
		for (String bean : List.of("debitFundAccount", "closeFundAccount", "issueClosingCertificate",
				"issueWithdrawalReceipt", "completeWithdrawal", "notifyWithdrawalPaid", "transferToCitizen",
				"recordWithdrawalRefusal", "notifyWithdrawalRefused", "signOffsetAgreement", "issueOffsetAgreement", "repayFundLoan",
				"issueAcceptanceReceipt", "completeBundle", "issueCompletionReceipt", "cancelBundle")) {
			Mocks.register(bean, (JavaDelegate) execution -> {
				Object part = execution.getVariable("bundlePartNo");
				this.done.add(part == null ? bean : bean + "#" + part);
			});
		}
		Mocks.register("assessWithdrawal", (JavaDelegate) execution -> {
			int part = (Integer) execution.getVariable("bundlePartNo");
			this.done.add("assessWithdrawal#" + part);
			execution.setVariable("withdrawalRoute", this.routes.get(part));
			execution.setVariable("closesAccount", part == CLOSING);
			execution.setVariable("secondApprovalNeeded", false);
			execution.setVariable("offsetAgreement", false);
			// the payoff (LOAN_PAYOFF) is paid to the fund loan, the closing to the citizen's card
			execution.setVariable("paysLoan", part == PAYOFF);
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void withAFundLoanThePayoffIsPaidToTheLoanBeforeTheClosingUnderOneAcceptanceAndOneCompletion() {
		ProcessInstance pi = start(true);
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_LoanPayoff", "CallActivity_Closing",
				"EndEvent_Done");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "assessWithdrawal#2", "debitFundAccount#2",
				"repayFundLoan#2", "issueWithdrawalReceipt#2", "assessWithdrawal#3", "closeFundAccount#3",
				"transferToCitizen#3", "issueClosingCertificate#3", "issueWithdrawalReceipt#3", "completeBundle",
				"issueCompletionReceipt");
		assertThat(this.done).doesNotContain("completeWithdrawal#2", "completeWithdrawal#3", "notifyWithdrawalPaid#3",
				"transferToCitizen#2", "repayFundLoan#3");
	}

	@Test
	void withoutAFundLoanOnlyTheClosingRuns() {
		ProcessInstance pi = start(false);
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_Closing", "EndEvent_Done")
			.hasNotPassed("CallActivity_LoanPayoff");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "assessWithdrawal#3", "closeFundAccount#3",
				"transferToCitizen#3", "issueClosingCertificate#3", "issueWithdrawalReceipt#3", "completeBundle",
				"issueCompletionReceipt");
	}

	@Test
	void aRefusedPayoffAsksTheAcceptanceClerkAndTheCitizenGoesOnWithTheClosing() {
		this.routes.put(PAYOFF, "NOT_ELIGIBLE");
		ProcessInstance pi = start(true);
		runJobs();
		Task decide = waitingTask(pi, "Task_DecideAfterPayoffRefused");
		BpmnAwareTests.assertThat(decide).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("bundle/after-refusal");
		assertThat(this.done).doesNotContain("debitFundAccount#2", "recordWithdrawalRefusal#2");
		complete(decide, withVariables("afterRefusal", "CONTINUE"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_Closing", "EndEvent_Done");
		assertThat(this.done).contains("closeFundAccount#3", "completeBundle", "issueCompletionReceipt");
	}

	@Test
	void aRefusedPayoffCancelledByTheCitizenClosesNothing() {
		this.routes.put(PAYOFF, "NOT_ELIGIBLE");
		ProcessInstance pi = start(true);
		runJobs();
		complete(waitingTask(pi, "Task_DecideAfterPayoffRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CancelBundle", "EndEvent_Cancelled")
			.hasNotPassed("CallActivity_Closing");
		assertThat(this.done).endsWith("cancelBundle").doesNotContain("closeFundAccount#3", "completeBundle");
	}

	@Test
	void aRefusedClosingAfterThePayoffEndsWithWhatWasDoneOrIsCancelled() {
		this.routes.put(CLOSING, "NOT_ELIGIBLE");
		ProcessInstance kept = start(true);
		runJobs();
		complete(waitingTask(kept, "Task_DecideAfterClosingRefused"), withVariables("afterRefusal", "CONTINUE"));
		runJobs();
		BpmnAwareTests.assertThat(kept).isEnded().hasPassed("Task_CompleteBundle", "EndEvent_Done");

		ProcessInstance cancelled = start(true);
		runJobs();
		complete(waitingTask(cancelled, "Task_DecideAfterClosingRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(cancelled).isEnded().hasPassed("Task_CancelBundle", "EndEvent_Cancelled");
	}

	private ProcessInstance start(boolean hasFundLoan) {
		Map<String, Object> variables = new HashMap<>(Map.of("caseNo", CASE_NO, "hasFundLoan", hasFundLoan,
				"closingPartNo", CLOSING));
		if (hasFundLoan) {
			variables.put("loanPayoffPartNo", PAYOFF);
		}
		return runtimeService().startProcessInstanceByKey("RetirementBundleProcess", CASE_NO, variables);
	}

	private static Task waitingTask(ProcessInstance pi, String step) {
		Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
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
