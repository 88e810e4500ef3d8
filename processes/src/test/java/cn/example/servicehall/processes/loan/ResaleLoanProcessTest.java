package cn.example.servicehall.processes.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/loan/resale-loan.bpmn")
class ResaleLoanProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final List<String> recordedAcceptances = new ArrayList<>();

	@BeforeEach
	void fakeTheHallsTables() {
		Mocks.register("recordAcceptance",
				(JavaDelegate) execution -> this.recordedAcceptances.add(execution.getProcessBusinessKey()));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void goesFromTheWindowThroughFirstReviewToApprovalEachAtItsPost() {
		ProcessInstance pi = runtimeService().startProcessInstanceByKey("ResaleLoanProcess", "DK2026112300001",
				withVariables("caseNo", "DK2026112300001"));

		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptApplication");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-acceptance-clerk").hasFormKey("loan/accept-application");
		assertThat(this.recordedAcceptances).isEmpty();

		complete(task());
		assertThat(this.recordedAcceptances).containsExactly("DK2026112300001");
		BpmnAwareTests.assertThat(pi).hasPassed("Task_RecordAcceptance").isWaitingAt("Task_FirstReview");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-first-reviewer").hasFormKey("loan/first-review");

		complete(task());
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ApproveLoan");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-approver").hasFormKey("loan/approve-loan");

		complete(task());
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LoanApproved");
	}

}
