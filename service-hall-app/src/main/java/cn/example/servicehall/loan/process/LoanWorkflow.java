package cn.example.servicehall.loan.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks;

/** The engine side of a loan case: starts its process, does its steps as the officer, sends it messages. */
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

	/** Checks that the case waits for acceptance by this officer's post. */
	public void checkAcceptanceOpen(ServiceType type, CaseNo caseNo, CurrentOfficer clerk) {
		this.tasks.openTaskFor(caseNo.value(), acceptanceStep(type), "受理", clerk);
	}

	/** 受理: with or without every material. */
	public void accept(ServiceType type, CaseNo caseNo, CurrentOfficer clerk, boolean materialsComplete, String remark) {
		VariableMap variables = Variables.createVariables()
			.putValue(LoanStages.MATERIALS_COMPLETE.name(), materialsComplete)
			.putValueTyped(LoanStages.ACCEPTANCE_REMARK.name(), Variables.stringValue(remark, true));
		this.tasks.complete(caseNo.value(), acceptanceStep(type), "受理", clerk, variables);
	}

	/** 补正: the citizen is back; the case returns to acceptance. */
	public void materialsSupplemented(CaseNo caseNo) {
		long waiting = this.runtime.createExecutionQuery()
			.processInstanceBusinessKey(caseNo.value())
			.messageEventSubscriptionName(LoanStages.MSG_MATERIALS_SUPPLEMENTED)
			.count();
		if (waiting == 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "notice-being-issued", "一次性告知书尚在生成",
					"案件 " + caseNo + " 的一次性告知书尚在生成，请稍候几秒再登记补正；如持续出现，请联系管理员处理文书生成故障。"
							+ " The one-time notice is still being issued; try again in a few seconds.");
		}
		this.runtime.createMessageCorrelation(LoanStages.MSG_MATERIALS_SUPPLEMENTED)
			.processInstanceBusinessKey(caseNo.value())
			.correlate();
	}

	/** 撤回: ends the case's process and every open task in it. */
	public void withdraw(ServiceType type, CaseNo caseNo, CurrentOfficer clerk, String reason) {
		if (type != ServiceType.RESALE_LOAN) {
			throw new UnsupportedOperationException("Withdrawal of " + type + " is not modelled yet");
		}
		// a second withdrawal at the same moment finds the case ended under it: 409, not the engine's failure
		this.tasks.asOfficer(clerk, () -> this.runtime.createMessageCorrelation(LoanStages.MSG_APPLICATION_WITHDRAWN)
			.processInstanceBusinessKey(caseNo.value())
			.setVariables(Variables.createVariables()
				.putValueTyped(LoanStages.WITHDRAWAL_REASON.name(), Variables.stringValue(reason, true)))
			.correlateWithResult(), () -> this.runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo.value())
				.count() > 0);
	}

	/** Completes an agency's step, setting its routing flag. */
	public void completeStep(CaseNo caseNo, String step, String stepName, CurrentOfficer officer, String flag,
			boolean value) {
		this.tasks.complete(caseNo.value(), step, stepName, officer, flag == null ? Map.of() : Map.of(flag, value));
	}

	/** 初审: PASS, REJECT or RETURN. */
	public void firstReview(CaseNo caseNo, CurrentOfficer reviewer, String outcome) {
		this.tasks.complete(caseNo.value(), LoanStages.TASK_FIRST_REVIEW, "初审", reviewer,
				LoanStages.FIRST_REVIEW_OUTCOME.with(outcome));
	}

	/** 审批: APPROVE, REJECT or RETURN. */
	public void approve(CaseNo caseNo, CurrentOfficer approver, String outcome) {
		this.tasks.complete(caseNo.value(), LoanStages.TASK_APPROVE_LOAN, "审批", approver,
				LoanStages.APPROVAL_OUTCOME.with(outcome));
	}

	/** Checks that the case waits at {@code step} for this officer's post, without doing it. */
	public void checkOpen(CaseNo caseNo, String step, String stepName, CurrentOfficer officer) {
		this.tasks.openTaskFor(caseNo.value(), step, stepName, officer);
	}

	private static String acceptanceStep(ServiceType type) {
		return type == ServiceType.NEW_HOUSE_LOAN ? NewHouseLoanProcess.TASK_ACCEPT_ONLINE_APPLICATION
				: ResaleLoanProcess.TASK_ACCEPT_APPLICATION;
	}

	private static String processKey(ServiceType type) {
		return switch (type) {
			case RESALE_LOAN -> ResaleLoanProcess.KEY;
			case NEW_HOUSE_LOAN -> NewHouseLoanProcess.KEY;
			default -> throw new IllegalArgumentException("Not a loan: " + type);
		};
	}

}
