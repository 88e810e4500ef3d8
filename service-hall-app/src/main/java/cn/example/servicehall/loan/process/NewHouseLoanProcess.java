package cn.example.servicehall.loan.process;

/**
 * The contract between code and {@code bpmn/loan/new-house-loan.bpmn} (新房公积金贷款, submitted online by a
 * developer's sales office), beside the shared stages in {@link LoanStages}.
 */
public final class NewHouseLoanProcess {

	public static final String KEY = "NewHouseLoanProcess";

	public static final String RESOURCE = "bpmn/loan/new-house-loan.bpmn";

	/** 贷款已审批 (the end of the online process for now). */
	public static final String END_LOAN_APPROVED = "EndEvent_LoanApproved";

	/** 网上受理. */
	public static final String TASK_ACCEPT_ONLINE_APPLICATION = "Task_AcceptOnlineApplication";

	private NewHouseLoanProcess() {
	}

}
