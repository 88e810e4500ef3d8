package cn.example.servicehall.loan.process;

import cn.example.servicehall.workflow.ProcessVariable;

/**
 * The contract between code and {@code bpmn/loan/resale-loan.bpmn}: every id and variable the code refers to.
 * {@code BpmnWiringIT} checks each against the model.
 */
public final class ResaleLoanProcess {

	public static final String KEY = "ResaleLoanProcess";

	public static final String RESOURCE = "bpmn/loan/resale-loan.bpmn";

	/** 窗口受理. */
	public static final String TASK_ACCEPT_APPLICATION = "Task_AcceptApplication";

	/** 登记受理. */
	public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";

	public static final ProcessVariable<String> CASE_NO = ProcessVariable.of("caseNo", String.class);

	/** The acceptance clerk's note: transient, passed to {@code Task_RecordAcceptance} and never stored in history. */
	public static final ProcessVariable<String> ACCEPTANCE_REMARK = ProcessVariable.of("acceptanceRemark", String.class);

	private ResaleLoanProcess() {
	}

}
