package cn.example.servicehall.processes.withdrawal;

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
 * Every path of a withdrawal: decided by the rules and paid with no clerk (a partial debit, or a closing that books
 * interest, debit and 提取销户 at once), a monthly repayment offset that signs a standing agreement instead, a
 * review passed by one person or by two (四眼), refused by the reviewer, by the second approver or by the rules, and the
 * bank down during the transfer (retried on its own: the debit is not made twice). Delegates are fakes that record
 * what the hall would have done.
 */
@Deployment(resources = "bpmn/withdrawal/withdrawal.bpmn")
class WithdrawalProcessTest {

	private static final String CASE_NO = "TQ2026120700001";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** What the hall's delegates did, in order. */
	private final List<String> done = new ArrayList<>();

	/** What the rules decide: PAY_AUTOMATICALLY, REVIEW or NOT_ELIGIBLE. */
	private String route = "PAY_AUTOMATICALLY";

	private boolean closesAccount;

	private boolean secondApprovalNeeded;

	private boolean offsetAgreement;

	private int bankOutages;

	private boolean paysLoan;

	private int loanServicingOutages;

	@BeforeEach
	void fakeTheHall() {
		for (String bean : List.of("debitFundAccount", "closeFundAccount", "issueClosingCertificate",
				"issueWithdrawalReceipt", "completeWithdrawal", "notifyWithdrawalPaid", "issueAcceptanceReceipt",
				"recordWithdrawalRefusal", "notifyWithdrawalRefused", "signOffsetAgreement", "issueOffsetAgreement")) {
			Mocks.register(bean, (JavaDelegate) execution -> this.done.add(bean));
		}
		Mocks.register("assessWithdrawal", (JavaDelegate) execution -> {
			this.done.add("assessWithdrawal");
			execution.setVariable("withdrawalRoute", this.route);
			execution.setVariable("closesAccount", this.closesAccount);
			execution.setVariable("secondApprovalNeeded", this.secondApprovalNeeded);
			execution.setVariable("offsetAgreement", this.offsetAgreement);
			if (this.paysLoan) {
				execution.setVariable("paysLoan", true);
			}
		});
		Mocks.register("repayFundLoan", (JavaDelegate) execution -> {
			if (this.loanServicingOutages > 0) {
				this.loanServicingOutages--;
				throw new IllegalStateException("loan servicing unavailable");
			}
			this.done.add("repayFundLoan");
		});
		Mocks.register("transferToCitizen", (JavaDelegate) execution -> {
			if (this.bankOutages > 0) {
				this.bankOutages--;
				throw new IllegalStateException("bank core unavailable");
			}
			this.done.add("transferToCitizen");
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void theRulesDecideAndThePartialWithdrawalIsPaidWithNoClerk() {
		ProcessInstance pi = start();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Paid").hasNotPassed("Task_CloseFundAccount");
		assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(this.done).containsExactly("assessWithdrawal", "debitFundAccount", "transferToCitizen",
				"issueWithdrawalReceipt", "completeWithdrawal", "notifyWithdrawalPaid");
	}

	@Test
	void aClosingWithdrawalIsBookedAsOneClosingPaidAndCertified() {
		this.closesAccount = true;
		ProcessInstance pi = start();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CloseFundAccount", "EndEvent_Paid")
			.hasNotPassed("Task_DebitFundAccount");
		assertThat(this.done).containsExactly("assessWithdrawal", "closeFundAccount", "transferToCitizen",
				"issueClosingCertificate", "issueWithdrawalReceipt", "completeWithdrawal", "notifyWithdrawalPaid");
	}

	@Test
	void aMonthlyRepaymentOffsetSignsAStandingAgreementAndPaysNothingNow() {
		this.offsetAgreement = true;
		ProcessInstance pi = start();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_SignOffsetAgreement", "Task_IssueOffsetAgreement",
				"EndEvent_Paid");
		assertThat(this.done).containsExactly("assessWithdrawal", "signOffsetAgreement", "issueOffsetAgreement",
				"completeWithdrawal", "notifyWithdrawalPaid");
	}

	@Test
	void aCaseTheRulesCannotDecideWaitsForOneReviewerAndIsPaidOnApproval() {
		this.route = "REVIEW";
		ProcessInstance pi = start();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewWithdrawal");
		assertThat(this.done).containsExactly("assessWithdrawal", "issueAcceptanceReceipt");
		Task review = taskQuery().processInstanceId(pi.getId()).singleResult();
		BpmnAwareTests.assertThat(review).hasFormKey("withdrawal/review").hasCandidateGroup("hpf-first-reviewer");
		complete(review, withVariables("reviewOutcome", "APPROVE"));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Paid").hasNotPassed("Task_ApproveWithdrawal");
		assertThat(this.done).contains("debitFundAccount", "transferToCitizen", "issueWithdrawalReceipt");
	}

	@Test
	void aboveTheCitysAmountASecondPersonApprovesBeforeAnythingIsPaid() {
		this.route = "REVIEW";
		this.secondApprovalNeeded = true;
		ProcessInstance pi = start();
		executeJobs(pi);
		completeAt(pi, "Task_ReviewWithdrawal", "hpf-first-reviewer", Map.of("reviewOutcome", "APPROVE"));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ApproveWithdrawal");
		assertThat(this.done).doesNotContain("debitFundAccount");
		completeAt(pi, "Task_ApproveWithdrawal", "hpf-approver", Map.of("approvalOutcome", "APPROVE"));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_ApproveWithdrawal", "EndEvent_Paid");
	}

	@Test
	void theSecondApproverRefusesAndNothingIsPaid() {
		this.route = "REVIEW";
		this.secondApprovalNeeded = true;
		ProcessInstance pi = start();
		executeJobs(pi);
		completeAt(pi, "Task_ReviewWithdrawal", "hpf-first-reviewer", Map.of("reviewOutcome", "APPROVE"));
		completeAt(pi, "Task_ApproveWithdrawal", "hpf-approver", Map.of("approvalOutcome", "REJECT"));
		assertRefused(pi);
	}

	@Test
	void theReviewerRefusesAndNothingIsPaid() {
		this.route = "REVIEW";
		ProcessInstance pi = start();
		executeJobs(pi);
		completeAt(pi, "Task_ReviewWithdrawal", "hpf-first-reviewer", Map.of("reviewOutcome", "REJECT"));
		assertRefused(pi);
	}

	@Test
	void theRulesRefuseAnIneligibleApplicationWithoutAReview() {
		this.route = "NOT_ELIGIBLE";
		ProcessInstance pi = start();
		assertRefused(pi);
		assertThat(this.done).doesNotContain("issueAcceptanceReceipt");
	}

	@Test
	void theBankDownDuringTheTransferIsRetriedWithoutASecondDebit() {
		this.bankOutages = 2;
		ProcessInstance pi = start();
		executeJob(pi); // assessWithdrawal
		executeJob(pi); // debitFundAccount
		for (int outage = 0; outage < 2; outage++) {
			Job transfer = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
			assertThatThrownBy(() -> managementService().executeJob(transfer.getId())).hasMessageContaining("bank");
		}
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_TransferToCitizen");
		assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getRetries())
			.isEqualTo(8); // R10/PT5M: ten tries, five minutes apart, then an incident
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Paid");
		assertThat(this.done).containsOnlyOnce("debitFundAccount", "transferToCitizen");
	}

	@Test
	void aWithdrawalInABundleIsPaidAndLeavesTheCaseAndItsMessageToTheBundle() {
		this.closesAccount = true;
		ProcessInstance pi = startInBundle();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CloseFundAccount", "EndEvent_PartDone")
			.hasNotPassed("Task_CompleteCase", "EndEvent_Paid");
		assertThat(this.done).containsExactly("assessWithdrawal", "closeFundAccount", "transferToCitizen",
				"issueClosingCertificate", "issueWithdrawalReceipt");
	}

	@Test
	void aLoanPayoffInABundleIsPaidToTheLoanNotToTheCardAndAnOutageIsRetriedWithoutASecondDebit() {
		this.paysLoan = true;
		this.loanServicingOutages = 1;
		ProcessInstance pi = startInBundle();
		executeJob(pi); // assessWithdrawal
		executeJob(pi); // debitFundAccount
		Job repay = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
		assertThatThrownBy(() -> managementService().executeJob(repay.getId())).hasMessageContaining("loan servicing");
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RepayFundLoan");
		assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getRetries())
			.isEqualTo(9); // R10/PT5M, as the bank's transfer
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RepayFundLoan", "EndEvent_PartDone")
			.hasNotPassed("Task_TransferToCitizen", "Task_IssueClosingCertificate");
		assertThat(this.done).containsExactly("assessWithdrawal", "debitFundAccount", "repayFundLoan",
				"issueWithdrawalReceipt");
	}

	@Test
	void aWithdrawalInABundleWaitingForAReviewerIssuesNoAcceptanceReceiptOfItsOwn() {
		this.route = "REVIEW";
		ProcessInstance pi = startInBundle();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewWithdrawal");
		assertThat(this.done).containsExactly("assessWithdrawal");
		completeAt(pi, "Task_ReviewWithdrawal", "hpf-first-reviewer", Map.of("reviewOutcome", "APPROVE"));
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_PartDone");
	}

	@Test
	void aWithdrawalRefusedInABundleEndsInTheRefusalTheBundleCatchesAndClosesNothing() {
		this.route = "NOT_ELIGIBLE";
		ProcessInstance pi = startInBundle();
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_PartRefused").hasNotPassed("Task_RecordRefusal");
		assertThat(this.done).containsExactly("assessWithdrawal");
	}

	private ProcessInstance startInBundle() {
		return runtimeService().startProcessInstanceByKey("WithdrawalProcess", "YS2026120700001",
				withVariables("caseNo", "YS2026120700001", "acceptedInBundle", true, "bundlePartNo", 3));
	}

	private void assertRefused(ProcessInstance pi) {
		executeJobs(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_RecordRefusal", "EndEvent_Refused");
		assertThat(this.done).endsWith("recordWithdrawalRefusal", "notifyWithdrawalRefused")
			.doesNotContain("debitFundAccount", "transferToCitizen");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("WithdrawalProcess", CASE_NO, withVariables("caseNo", CASE_NO));
	}

	private void completeAt(ProcessInstance pi, String step, String candidateGroup, Map<String, Object> variables) {
		Task task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
		assertThat(task).as("waiting at " + step).isNotNull();
		BpmnAwareTests.assertThat(task).hasCandidateGroup(candidateGroup);
		complete(task, variables);
	}

	private static void executeJob(ProcessInstance pi) {
		execute(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult());
	}

	/** Runs jobs until none is left, as the job executor would (a job's step may create the next job). */
	private static void executeJobs(ProcessInstance pi) {
		List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		while (!jobs.isEmpty()) {
			jobs.forEach(job -> execute(job));
			jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		}
	}

}
