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

	/** 出具一次性告知书 (asynchronous: a document). */
	public static final String TASK_ISSUE_MISSING_MATERIALS_NOTICE = "Task_IssueMissingMaterialsNotice";

	/** 出具受理回执 (asynchronous: a document). */
	public static final String TASK_ISSUE_ACCEPTANCE_RECEIPT = "Task_IssueAcceptanceReceipt";

	/** 出具电子借款合同 (asynchronous: a document). */
	public static final String TASK_ISSUE_LOAN_CONTRACT = "Task_IssueLoanContract";

	/** 出具电子借据 (asynchronous: a document). */
	public static final String TASK_ISSUE_IOU_DOCUMENT = "Task_IssueIouDocument";

	/** 出具放款通知书 (asynchronous: a document). */
	public static final String TASK_ISSUE_DISBURSEMENT_NOTICE = "Task_IssueDisbursementNotice";

	/** 出具办结回执 (asynchronous: a document). */
	public static final String TASK_ISSUE_COMPLETION_RECEIPT = "Task_IssueCompletionReceipt";

	/** 出具不予贷款回执 (asynchronous: a document). */
	public static final String TASK_ISSUE_REFUSAL_NOTICE = "Task_IssueRefusalNotice";

	/** 贷款已发放. */
	public static final String END_LOAN_DISBURSED = "EndEvent_LoanDisbursed";

	/** 不予贷款. */
	public static final String END_APPLICATION_REJECTED = "EndEvent_ApplicationRejected";

	/** 事项已办结（一件事）: the loan disbursed as a bundle's part; the bundle completes the case. */
	public static final String END_PART_DONE = "EndEvent_PartDone";

	/** 事项不予办理（一件事）: a bundle's loan part refused ({@code Error_PartRefused}, caught by the bundle). */
	public static final String END_PART_REFUSED = "EndEvent_PartRefused";

	/** 已撤回. */
	public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

	private ResaleLoanProcess() {
	}

}
