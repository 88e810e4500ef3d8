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

	private final List<String> done = new ArrayList<>();

	@BeforeEach
	void fakeTheHallsTables() {
		Mocks.register("recordAcceptance",
				(JavaDelegate) execution -> this.recordedAcceptances.add(execution.getProcessBusinessKey()));
		for (String step : List.of("notifyMissingMaterials", "issueMissingMaterialsNotice", "recordWithdrawal")) {
			Mocks.register(step, (JavaDelegate) execution -> this.done.add(step));
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
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-first-reviewer");

		complete(task());
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ApproveLoan");
		BpmnAwareTests.assertThat(task()).hasCandidateGroup("hpf-approver");

		complete(task());
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LoanApproved");
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
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");
	}

	@Test
	void theSalesOfficeWithdrawsAndEveryOpenStepEnds() {
		ProcessInstance pi = start("DK2026112300004");
		complete(task(), withVariables("materialsComplete", true));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_FirstReview");

		runtimeService().createMessageCorrelation("Msg_ApplicationWithdrawn").processInstanceId(pi.getId()).correlate();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_ApplicationWithdrawn");
		assertThat(this.done).containsExactly("recordWithdrawal");
	}

	private static ProcessInstance start(String caseNo) {
		ProcessInstance pi = runtimeService().startProcessInstanceByKey("NewHouseLoanProcess", caseNo,
				withVariables("caseNo", caseNo));
		BpmnAwareTests.assertThat(pi).isWaitingAt("Task_AcceptOnlineApplication");
		return pi;
	}

	private static void executeJobs(ProcessInstance pi) {
		List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		while (!jobs.isEmpty()) {
			jobs.forEach(job -> execute(job));
			jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list();
		}
	}

}
