package cn.example.servicehall.loan.process;

/**
 * The contract between code and {@code bpmn/loan/resale-loan.bpmn} (二手房公积金贷款): the ids only this model has,
 * beside the stages in {@link LoanStages}. {@code BpmnWiringIT} checks each against the model.
 */
public final class ResaleLoanProcess {

	public static final String KEY = "ResaleLoanProcess";

	public static final String RESOURCE = "bpmn/loan/resale-loan.bpmn";

	/** 窗口受理. */
	public static final String TASK_ACCEPT_APPLICATION = "Task_AcceptApplication";

	/** 一次性告知补正材料. */
	public static final String TASK_NOTIFY_MISSING_MATERIALS = "Task_NotifyMissingMaterials";

	/** 资格审查与额度测算 (asynchronous; the fund's account system). */
	public static final String TASK_ASSESS_ELIGIBILITY = "Task_AssessEligibility";

	/** 查询征信 (asynchronous; the credit bureau). */
	public static final String TASK_REQUEST_CREDIT_REPORT = "Task_RequestCreditReport";

	/** 查询权属 (asynchronous; the registry). */
	public static final String TASK_CHECK_TITLE = "Task_CheckTitle";

	/** 贷款已发放. */
	public static final String END_LOAN_DISBURSED = "EndEvent_LoanDisbursed";

	/** 不予贷款. */
	public static final String END_APPLICATION_REJECTED = "EndEvent_ApplicationRejected";

	/** 已撤回. */
	public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

	private ResaleLoanProcess() {
	}

}
