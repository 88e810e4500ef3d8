package cn.example.servicehall.processes.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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

/**
 * Every path of a standing repayment-offset agreement (委托按月提取还贷): it waits for the due day each month, pays,
 * and waits again; it ends after the loan's last month, or at once when the citizen asks. The step is a fake that
 * records the months it paid.
 */
@Deployment(resources = "bpmn/withdrawal/repayment-offset.bpmn")
class RepaymentOffsetProcessTest {

	private static final String CASE_NO = "TQ2026120700002";

	private static final Instant FIRST_DUE = Instant.parse("2027-01-19T18:00:00Z");

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** The months paid, in order. */
	private final List<Date> paid = new ArrayList<>();

	/** How many months the loan has left. */
	private int monthsLeft = 3;

	@BeforeEach
	void fakeTheHall() {
		Mocks.register("offsetInstalment", (JavaDelegate) execution -> {
			this.paid.add((Date) execution.getVariable("nextOffsetAt"));
			this.monthsLeft--;
			execution.setVariable("offsetContinues", this.monthsLeft > 0);
			execution.setVariable("nextOffsetAt", Date.from(FIRST_DUE.plusSeconds(86_400L * 31 * this.paid.size())));
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void eachMonthOnTheDueDayTheInstalmentIsPaidUntilTheLoansLastMonth() {
		ProcessInstance pi = start();
		BpmnAwareTests.assertThat(pi).isWaitingAt("Gateway_WaitForDueDay");
		Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(FIRST_DUE));
		runMonth(pi);
		runMonth(pi);
		assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult()
			.getDuedate()).as("the third month's due day").isEqualTo(Date.from(FIRST_DUE.plusSeconds(86_400L * 62)));
		runMonth(pi);
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_AgreementRanOut");
		assertThat(this.paid).hasSize(3).first().isEqualTo(Date.from(FIRST_DUE));
	}

	@Test
	void theCitizenEndsTheAgreementAndNothingMoreIsPaid() {
		ProcessInstance pi = start();
		runMonth(pi);
		runtimeService().createMessageCorrelation("OffsetAgreementEnded").processInstanceBusinessKey(CASE_NO).correlate();
		BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_EndedOnRequest");
		assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(this.paid).hasSize(1);
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("RepaymentOffsetProcess", CASE_NO,
				withVariables("caseNo", CASE_NO, "nextOffsetAt", Date.from(FIRST_DUE)));
	}

	/** The due day's timer fires, then the step runs as its own job. */
	private static void runMonth(ProcessInstance pi) {
		execute(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
		Job step = managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
		assertThat(step).as("the month's step, after the timer").isNotNull();
		execute(step);
	}

}
