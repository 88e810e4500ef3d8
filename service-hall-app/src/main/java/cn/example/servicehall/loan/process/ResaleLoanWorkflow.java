package cn.example.servicehall.loan.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.workflow.CaseTasks;

/** The engine side of a resale-loan case: starts its process and does its steps. */
@Component
public class ResaleLoanWorkflow {

	private final RuntimeService runtime;

	private final CaseTasks tasks;

	ResaleLoanWorkflow(RuntimeService runtime, CaseTasks tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** Starts the case's process with the case number as business key; returns the instance id. */
	public String start(CaseNo caseNo, CurrentOfficer officer) {
		return this.tasks.asOfficer(officer, () -> this.runtime
			.startProcessInstanceByKey(ResaleLoanProcess.KEY, caseNo.value(),
					ResaleLoanProcess.CASE_NO.with(caseNo.value()))
			.getId());
	}

	/** 窗口受理: the acceptance clerk accepts the application. */
	public void acceptApplication(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		this.tasks.complete(caseNo.value(), ResaleLoanProcess.TASK_ACCEPT_APPLICATION, "窗口受理", clerk,
				Variables.createVariables()
					.putValueTyped(ResaleLoanProcess.ACCEPTANCE_REMARK.name(), Variables.stringValue(remark, true)));
	}

}
