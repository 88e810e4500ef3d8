package cn.example.servicehall.withdrawal;

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

	OpenCaseTask checkOpen(CaseNo caseNo, String step, String stepName, CurrentOfficer officer) {
		return this.tasks.openTaskFor(part(caseNo), step, stepName, officer);
	}

	void complete(OpenCaseTask step, CurrentOfficer officer, String variable, String value) {
		this.tasks.complete(step, officer, Map.of(variable, value));
	}

	private CasePart part(CaseNo caseNo) {
		return this.cases.part(caseNo, Withdrawals.SERVICE)
			.orElseThrow(() -> new TaskNotOpen(caseNo.value(), "提取"));
	}

}
