package cn.example.servicehall.withdrawal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;
import cn.example.servicehall.workflow.TaskNotOpen;

/** The engine side of a withdrawal: starts its process and does its people's steps, found by the case's part. */
@Component
class WithdrawalWorkflow {

	private final RuntimeService runtime;

	private final CaseTasks tasks;

	private final CaseFiles cases;

	WithdrawalWorkflow(RuntimeService runtime, CaseTasks tasks, CaseFiles cases) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.cases = cases;
	}

	String start(CaseNo caseNo, CurrentOfficer officer) {
		return this.tasks.asOfficer(officer, () -> this.runtime
			.startProcessInstanceByKey(WithdrawalProcess.KEY, caseNo.value(),
					Map.of(WithdrawalProcess.CASE_NO, caseNo.value()))
			.getId());
	}

	/**
	 * The officer's open step of the case's withdrawal part at {@code step}: a case alone has one withdrawal part, a
	 * bundle's case may have two (the loan's payoff, the closing), and the step is the one whose part has it open.
	 */
	OpenStep checkOpen(CaseNo caseNo, String step, String stepName, CurrentOfficer officer) {
		List<CasePart> parts = this.cases.parts(caseNo)
			.stream()
			.filter(p -> p.serviceType().equals(Withdrawals.SERVICE))
			.toList();
		if (parts.isEmpty()) {
			throw new TaskNotOpen(caseNo.value(), stepName);
		}
		TaskNotOpen notOpen = null;
		for (CasePart part : parts) {
			try {
				return new OpenStep(part.ref(), this.tasks.openTaskFor(part, step, stepName, officer));
			}
			catch (TaskNotOpen ex) {
				notOpen = ex;
			}
		}
		throw notOpen;
	}

	/**
	 * An open step of a withdrawal part.
	 * @param part the case's part whose process has it
	 * @param task the engine's task
	 */
	record OpenStep(CasePart.Ref part, OpenCaseTask task) {
	}

	void complete(OpenStep step, CurrentOfficer officer, String variable, String value) {
		this.tasks.complete(step.task(), officer, Map.of(variable, value));
	}

}
