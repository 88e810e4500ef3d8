package cn.example.servicehall.loan.process;

import cn.example.servicehall.workflow.ProcessVariable;

/**
 * What the loan processes ({@link ResaleLoanProcess}, {@link NewHouseLoanProcess}) share: the stages that carry the
 * same ids in both models, the resale loan's agency stages, and the variables (ids and routing flags only).
 */
public final class LoanStages {

	/** 登记受理 ({@code ${recordAcceptance}}). */
	public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";

	/** 初审, by {@code hpf-first-reviewer}. */
	public static final String TASK_FIRST_REVIEW = "Task_FirstReview";

	/** 审批, by {@code hpf-approver}. */
	public static final String TASK_APPROVE_LOAN = "Task_ApproveLoan";

	/** 银行信贷审查, by {@code bank-loan-officer}. */
	public static final String TASK_REVIEW_CREDIT = "Task_ReviewCredit";

	/** 不动产权属审查, by {@code registry-clerk}. */
	public static final String TASK_REVIEW_TITLE = "Task_ReviewTitle";

	/** 担保评估, by {@code guarantor-officer}. */
	public static final String TASK_ASSESS_GUARANTEE = "Task_AssessGuarantee";

	/** 合同面签 at the fund centre (borrower, co-borrower, centre), by {@code hpf-acceptance-clerk}. */
	public static final String TASK_SIGN_AT_FUND_CENTRE = "Task_SignContractAtFundCentre";

	/** 合同签章 by the bank. */
	public static final String TASK_SIGN_AT_BANK = "Task_SignContractAtBank";

	/** 担保面签 by the guarantor. */
	public static final String TASK_SIGN_AT_GUARANTOR = "Task_SignContractAtGuarantor";

	/** 抵押登记, by {@code registry-clerk}. */
	public static final String TASK_REGISTER_MORTGAGE = "Task_RegisterMortgage";

	/** 放款 (asynchronous; the bank's core). */
	public static final String TASK_DISBURSE_LOAN = "Task_DisburseLoan";

	/** The case number, also the business key. */
	public static final ProcessVariable<String> CASE_NO = ProcessVariable.of("caseNo", String.class);

	/** Whether every material on the checklist was there. */
	public static final ProcessVariable<Boolean> MATERIALS_COMPLETE = ProcessVariable.of("materialsComplete", Boolean.class);

	/** The bank agreed. */
	public static final ProcessVariable<Boolean> CREDIT_APPROVED = ProcessVariable.of("creditApproved", Boolean.class);

	/** The registry confirmed the title. */
	public static final ProcessVariable<Boolean> TITLE_CONFIRMED = ProcessVariable.of("titleConfirmed", Boolean.class);

	/** The guarantor agreed. */
	public static final ProcessVariable<Boolean> GUARANTEE_ACCEPTED = ProcessVariable.of("guaranteeAccepted", Boolean.class);

	/** PASS, REJECT or RETURN. */
	public static final ProcessVariable<String> FIRST_REVIEW_OUTCOME = ProcessVariable.of("firstReviewOutcome", String.class);

	/** APPROVE, REJECT or RETURN. */
	public static final ProcessVariable<String> APPROVAL_OUTCOME = ProcessVariable.of("approvalOutcome", String.class);

	/** The acceptance clerk's note: transient, passed to {@code Task_RecordAcceptance} and never stored in history. */
	public static final ProcessVariable<String> ACCEPTANCE_REMARK = ProcessVariable.of("acceptanceRemark", String.class);

	/** Why the applicant withdrew: transient, for {@code Task_RecordWithdrawal}. */
	public static final ProcessVariable<String> WITHDRAWAL_REASON = ProcessVariable.of("withdrawalReason", String.class);

	/** The citizen came back with the missing materials. */
	public static final String MSG_MATERIALS_SUPPLEMENTED = "Msg_MaterialsSupplemented";

	/** The applicant withdrew. */
	public static final String MSG_APPLICATION_WITHDRAWN = "Msg_ApplicationWithdrawn";

	/** The registry reports the property sealed (查封). */
	public static final String ERR_PROPERTY_SEALED = "Err_PropertySealed";

	private LoanStages() {
	}

}
