package cn.example.servicehall.loan.process;

import cn.example.servicehall.workflow.ProcessVariable;

/**
 * What the loan processes ({@link ResaleLoanProcess}, {@link NewHouseLoanProcess}) share: the stages after
 * acceptance, which carry the same ids in both models, and the variables.
 */
public final class LoanStages {

	/** 登记受理 ({@code ${recordAcceptance}}). */
	public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";

	/** 初审, by {@code hpf-first-reviewer}. */
	public static final String TASK_FIRST_REVIEW = "Task_FirstReview";

	/** 审批, by {@code hpf-approver}. */
	public static final String TASK_APPROVE_LOAN = "Task_ApproveLoan";

	/** 贷款已审批. */
	public static final String END_LOAN_APPROVED = "EndEvent_LoanApproved";

	/** The case number, also the business key. */
	public static final ProcessVariable<String> CASE_NO = ProcessVariable.of("caseNo", String.class);

	/** The acceptance clerk's note: transient, passed to {@code Task_RecordAcceptance} and never stored in history. */
	public static final ProcessVariable<String> ACCEPTANCE_REMARK = ProcessVariable.of("acceptanceRemark", String.class);

	private LoanStages() {
	}

}
