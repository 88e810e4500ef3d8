package cn.example.servicehall.loan.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;
import cn.example.servicehall.workflow.TaskNotOpen;

/**
 * The engine side of a loan case: starts its process, does its steps as the officer, sends it messages. The process
 * is found by the case's loan part (ADR 0008), never by the case number alone.
 */
@Component
public class LoanWorkflow {

	private final RuntimeService runtime;

	private final CaseTasks tasks;

	private final CaseFiles cases;

	LoanWorkflow(RuntimeService runtime, CaseTasks tasks, CaseFiles cases) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.cases = cases;
	}

	/** Starts the case's process with the case number as business key; returns the instance id. */
	public String start(ServiceType type, CaseNo caseNo, CurrentOfficer officer) {
		return this.tasks.asOfficer(officer, () -> this.runtime
			.startProcessInstanceByKey(processKey(type), caseNo.value(), LoanStages.CASE_NO.with(caseNo.value()))
			.getId());
	}

	/** Checks that the case waits for acceptance by this officer's post; the step to complete with {@link #accept}. */
	public OpenCaseTask checkAcceptanceOpen(ServiceType type, CaseNo caseNo, CurrentOfficer clerk) {
		return this.tasks.openTaskFor(part(caseNo), acceptanceStep(type), "受理", clerk);
	}

	/** 受理: with or without every material. */
	public void accept(OpenCaseTask acceptance, CurrentOfficer clerk, boolean materialsComplete, String remark) {
		VariableMap variables = Variables.createVariables()
			.putValue(LoanStages.MATERIALS_COMPLETE.name(), materialsComplete)
			.putValueTyped(LoanStages.ACCEPTANCE_REMARK.name(), Variables.stringValue(remark, true));
		this.tasks.complete(acceptance, clerk, variables);
	}

	/** 补正: the citizen is back; the case returns to acceptance. */
	public void materialsSupplemented(CaseNo caseNo) {
		String instance = instance(caseNo);
		long waiting = this.runtime.createExecutionQuery()
			.processInstanceId(instance)
			.messageEventSubscriptionName(LoanStages.MSG_MATERIALS_SUPPLEMENTED)
			.count();
		if (waiting == 0) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "notice-being-issued",
					"problem.loan.notice-being-issued", caseNo);
		}
		this.runtime.createMessageCorrelation(LoanStages.MSG_MATERIALS_SUPPLEMENTED)
			.processInstanceId(instance)
			.correlate();
	}

	/**
	 * 预约面签: whether the case's new-house loan waits for the buyer's check-in at the hall (the citizen's time).
	 */
	public boolean awaitsSigningCheckIn(CaseNo caseNo) {
		return this.cases.part(caseNo, ServiceType.NEW_HOUSE_LOAN)
			.flatMap(CasePart::processInstanceId)
			.map(instance -> this.runtime.createExecutionQuery()
				.processInstanceId(instance)
				.messageEventSubscriptionName(NewHouseLoanProcess.MSG_SIGNING_CHECKED_IN)
				.count() > 0)
			.orElse(false);
	}

	/** 到场取号: the buyer checked in for signing; the case moves on to the signing steps. */
	public void signingCheckedIn(CaseNo caseNo) {
		this.runtime.createMessageCorrelation(NewHouseLoanProcess.MSG_SIGNING_CHECKED_IN)
			.processInstanceId(instance(caseNo))
			.correlate();
	}

	/** 撤回: ends the case's process and every open task in it. */
	public void withdraw(ServiceType type, CaseNo caseNo, CurrentOfficer clerk, String reason) {
		processKey(type); // both loans' models end on Msg_ApplicationWithdrawn
		String instance = instance(caseNo);
		// a second withdrawal at the same moment finds the case ended under it: 409, not the engine's failure
		this.tasks.asOfficer(clerk, () -> this.runtime.createMessageCorrelation(LoanStages.MSG_APPLICATION_WITHDRAWN)
			.processInstanceId(instance)
			.setVariables(Variables.createVariables()
				.putValueTyped(LoanStages.WITHDRAWAL_REASON.name(), Variables.stringValue(reason, true)))
			.correlateWithResult(), () -> this.runtime.createProcessInstanceQuery()
				.processInstanceId(instance)
				.count() > 0);
	}

	/** Completes an agency's step found by {@link #checkOpen}, setting its routing flag. */
	public void completeStep(OpenCaseTask step, CurrentOfficer officer, String flag, boolean value) {
		this.tasks.complete(step, officer, flag == null ? Map.of() : Map.of(flag, value));
	}

	/** 初审: PASS, REJECT or RETURN, on the step found by {@link #checkOpen}. */
	public void firstReview(OpenCaseTask step, CurrentOfficer reviewer, String outcome) {
		this.tasks.complete(step, reviewer, LoanStages.FIRST_REVIEW_OUTCOME.with(outcome));
	}

	/** 审批: APPROVE, REJECT or RETURN, on the step found by {@link #checkOpen}. */
	public void approve(OpenCaseTask step, CurrentOfficer approver, String outcome) {
		this.tasks.complete(step, approver, LoanStages.APPROVAL_OUTCOME.with(outcome));
	}

	/** Checks that the case waits at {@code step} for this officer's post; the step, to complete without reading it again. */
	public OpenCaseTask checkOpen(CaseNo caseNo, String step, String stepName, CurrentOfficer officer) {
		return this.tasks.openTaskFor(part(caseNo), step, stepName, officer);
	}

	/**
	 * Which loan the case's loan part is: the case's own service for a loan case, the part's for a bundle's case
	 * (一件事一次办, whose case is a {@code BUNDLE}).
	 */
	public ServiceType loanOf(CaseNo caseNo) {
		return part(caseNo).serviceType();
	}

	/** The case's loan part. */
	private CasePart part(CaseNo caseNo) {
		return this.cases.parts(caseNo)
			.stream()
			.filter(p -> LOANS.contains(p.serviceType()))
			.findFirst()
			.orElseThrow(() -> new TaskNotOpen(caseNo.value(), "贷款"));
	}

	private String instance(CaseNo caseNo) {
		return part(caseNo).processInstanceId().orElseThrow(() -> new TaskNotOpen(caseNo.value(), "贷款"));
	}

	private static final java.util.Set<ServiceType> LOANS = java.util.Set.of(ServiceType.RESALE_LOAN,
			ServiceType.NEW_HOUSE_LOAN);

	private static String acceptanceStep(ServiceType type) {
		return ServiceType.NEW_HOUSE_LOAN.equals(type) ? NewHouseLoanProcess.TASK_ACCEPT_ONLINE_APPLICATION
				: ResaleLoanProcess.TASK_ACCEPT_APPLICATION;
	}

	private static String processKey(ServiceType type) {
		if (ServiceType.RESALE_LOAN.equals(type)) {
			return ResaleLoanProcess.KEY;
		}
		if (ServiceType.NEW_HOUSE_LOAN.equals(type)) {
			return NewHouseLoanProcess.KEY;
		}
		throw new IllegalArgumentException("Not a loan: " + type);
	}

}
