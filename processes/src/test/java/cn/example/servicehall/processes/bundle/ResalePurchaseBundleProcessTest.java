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
 * 二手房买卖+公积金贷款's paths: the filing first, then the deed tax and the loan side by side, the transfer and the
 * mortgage registered in one registration once the tax is paid and the loan signed, then the loan disburses; a
 * refused loan asks the clerk (own funds: the transfer alone; cancel: the tax marked for refund, the filing
 * withdrawn); a refused filing cancels the bundle before anything else is done. The loan's model is a stand-in
 * (test resources) that behaves as the resale loan does in a bundle with jointRegistration.
 */
@Deployment(resources = { "bpmn/bundle/resale-purchase-bundle.bpmn", "bpmn/stub/resale-loan-stub.bpmn" })
class ResalePurchaseBundleProcessTest {

	private static final String CASE_NO = "YS2026120700007";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

	/** What the hall's delegates did, in order. */
	private final List<String> done = new ArrayList<>();

	private boolean loanApproved = true;

	private boolean filingRefused;

	@BeforeEach
	void fakeTheHall() {
		for (String bean : List.of("issueAcceptanceReceipt", "assessDeedTax", "recordDeedTaxPayment",
				"registerTransferWithMortgage", "registerTransfer", "refundDeedTax", "withdrawSaleFiling",
				"disburseLoan", "completeBundle", "issueCompletionReceipt", "cancelBundle")) {
			Mocks.register(bean, (JavaDelegate) execution -> this.done.add(bean));
		}
		Mocks.register("fileSaleContract", (JavaDelegate) execution -> {
			this.done.add("fileSaleContract");
			if (this.filingRefused) {
				throw new BpmnError("FILING_REFUSED", "房屋已被查封");
			}
		});
		Mocks.register("reviewLoanStub", (JavaDelegate) execution -> {
			this.done.add("loan:" + execution.getVariable("bundlePartNo") + ":"
					+ execution.getVariable("jointRegistration") + ":" + execution.getVariable("acceptedInBundle"));
			execution.setVariable("loanApproved", this.loanApproved);
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void theTransferAndTheMortgageAreRegisteredOnceTheTaxIsPaidAndTheLoanSignedThenTheLoanDisburses() {
		ProcessInstance pi = start();
		runJobs();
		Task pay = waitingTask(pi, "Task_PayDeedTax");
		BpmnAwareTests.assertThat(pay).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("bundle/deed-tax-paid");
		// the loan is signed and waits; the registry waits for the tax
		assertThat(this.done).containsExactlyInAnyOrder("issueAcceptanceReceipt", "fileSaleContract", "assessDeedTax",
				"loan:4:true:true");
		assertThat(this.done.subList(0, 2)).containsExactly("issueAcceptanceReceipt", "fileSaleContract");

		complete(pay);
		runJobs();

		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RegisterTransferWithMortgage", "Event_RegistrationDone",
				"CallActivity_Loan", "EndEvent_Done").hasNotPassed("Task_RegisterTransfer", "Task_CancelBundle");
		assertThat(this.done.subList(4, this.done.size())).containsExactly("recordDeedTaxPayment",
				"registerTransferWithMortgage", "disburseLoan", "completeBundle", "issueCompletionReceipt");
	}

	@Test
	void aRefusedLoanAsksTheClerkAndWithOwnFundsTheTitleMovesWithoutAMortgage() {
		this.loanApproved = false;
		ProcessInstance pi = start();
		runJobs();
		Task decide = waitingTask(pi, "Task_DecideAfterLoanRefused");
		BpmnAwareTests.assertThat(decide).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("bundle/after-refusal");
		complete(decide, withVariables("afterRefusal", "CONTINUE"));
		runJobs();
		assertThat(this.done).doesNotContain("registerTransfer");
		complete(waitingTask(pi, "Task_PayDeedTax"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RegisterTransfer", "EndEvent_Done")
			.hasNotPassed("Task_RegisterTransferWithMortgage", "Task_CancelBundle");
		assertThat(this.done).endsWith("recordDeedTaxPayment", "registerTransfer", "completeBundle",
				"issueCompletionReceipt").doesNotContain("disburseLoan", "refundDeedTax", "withdrawSaleFiling");
	}

	@Test
	void aRefusedLoanCancelledByTheBuyerUndoesTheTaxAndTheFilingWhetherOrNotTheTaxWasPaid() {
		this.loanApproved = false;
		ProcessInstance pi = start();
		runJobs();
		complete(waitingTask(pi, "Task_PayDeedTax"));
		runJobs();
		complete(waitingTask(pi, "Task_DecideAfterLoanRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RefundDeedTax", "Task_WithdrawSaleFiling",
				"Task_CancelBundle", "EndEvent_Cancelled").hasNotPassed("Task_CompleteBundle");
		assertThat(this.done).endsWith("recordDeedTaxPayment", "refundDeedTax", "withdrawSaleFiling", "cancelBundle")
			.doesNotContain("registerTransfer", "registerTransferWithMortgage");

		this.done.clear();
		ProcessInstance unpaid = start();
		runJobs();
		complete(waitingTask(unpaid, "Task_DecideAfterLoanRefused"), withVariables("afterRefusal", "CANCEL"));
		runJobs();
		BpmnAwareTests.assertThat(unpaid).isEnded().hasPassed("EndEvent_Cancelled");
		assertThat(taskQuery().processInstanceId(unpaid.getId()).count()).isZero();
		assertThat(this.done).endsWith("refundDeedTax", "withdrawSaleFiling", "cancelBundle")
			.doesNotContain("recordDeedTaxPayment");
	}

	@Test
	void aRefusedFilingCancelsTheBundleBeforeTheTaxOrTheLoanStart() {
		this.filingRefused = true;
		ProcessInstance pi = start();
		runJobs();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("BoundaryEvent_FilingRefused", "EndEvent_Cancelled")
			.hasNotPassed("SubProcess_SaleAndLoan");
		assertThat(this.done).containsExactly("issueAcceptanceReceipt", "fileSaleContract", "cancelBundle");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("ResalePurchaseBundleProcess", CASE_NO,
				Map.of("caseNo", CASE_NO, "contractFilingPartNo", 2, "deedTaxPartNo", 3, "loanPartNo", 4,
						"registrationPartNo", 5));
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
