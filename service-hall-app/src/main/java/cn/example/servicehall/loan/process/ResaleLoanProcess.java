package cn.example.servicehall.loan.process;

/**
 * The contract between code and {@code bpmn/loan/resale-loan.bpmn} (二手房公积金贷款): every id the code refers
 * to, beside the shared stages in {@link LoanStages}. {@code BpmnWiringIT} checks each against the model.
 */
public final class ResaleLoanProcess {

	public static final String KEY = "ResaleLoanProcess";

	public static final String RESOURCE = "bpmn/loan/resale-loan.bpmn";

	/** 窗口受理. */
	public static final String TASK_ACCEPT_APPLICATION = "Task_AcceptApplication";

	private ResaleLoanProcess() {
	}

}
