package cn.example.servicehall.loan.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.workflow.CaseTasks;

/** The engine side of a loan case: starts its process and does its steps as the officer. */
@Component
public class LoanWorkflow {

	private final RuntimeService runtime;

	private final CaseTasks tasks;

	LoanWorkflow(RuntimeService runtime, CaseTasks tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** Starts the case's process with the case number as business key; returns the instance id. */
	public String start(ServiceType type, CaseNo caseNo, CurrentOfficer officer) {
		return this.tasks.asOfficer(officer, () -> this.runtime
			.startProcessInstanceByKey(processKey(type), caseNo.value(), LoanStages.CASE_NO.with(caseNo.value()))
			.getId());
	}

	/** 受理: at the window for a resale loan, online for a developer's new-house application. */
	public void accept(ServiceType type, CaseNo caseNo, CurrentOfficer clerk, String remark) {
		String step = type == ServiceType.NEW_HOUSE_LOAN ? NewHouseLoanProcess.TASK_ACCEPT_ONLINE_APPLICATION
				: ResaleLoanProcess.TASK_ACCEPT_APPLICATION;
		this.tasks.complete(caseNo.value(), step, "受理", clerk, Variables.createVariables()
			.putValueTyped(LoanStages.ACCEPTANCE_REMARK.name(), Variables.stringValue(remark, true)));
	}

	/** 初审. */
	public void firstReview(CaseNo caseNo, CurrentOfficer reviewer) {
		this.tasks.complete(caseNo.value(), LoanStages.TASK_FIRST_REVIEW, "初审", reviewer, Map.of());
	}

	/** 审批. */
	public void approve(CaseNo caseNo, CurrentOfficer approver) {
		this.tasks.complete(caseNo.value(), LoanStages.TASK_APPROVE_LOAN, "审批", approver, Map.of());
	}

	/** Checks that the case waits at {@code step} for this officer's post, without doing it. */
	public void checkOpen(CaseNo caseNo, String step, String stepName, CurrentOfficer officer) {
		this.tasks.openTaskFor(caseNo.value(), step, stepName, officer);
	}

	private static String processKey(ServiceType type) {
		return switch (type) {
			case RESALE_LOAN -> ResaleLoanProcess.KEY;
			case NEW_HOUSE_LOAN -> NewHouseLoanProcess.KEY;
			default -> throw new IllegalArgumentException("Not a loan: " + type);
		};
	}

}
