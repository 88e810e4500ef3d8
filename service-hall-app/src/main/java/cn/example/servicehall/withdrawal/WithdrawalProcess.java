package cn.example.servicehall.withdrawal;

/**
 * The ids of {@code bpmn/withdrawal/withdrawal.bpmn} that code names: the process, its people's steps and the
 * variables its gateways read. {@code BpmnWiringIT} checks that each is in the model.
 */
public final class WithdrawalProcess {

	public static final String KEY = "WithdrawalProcess";

	/** Where the model is on the classpath (from the {@code processes} module). */
	public static final String RESOURCE = "bpmn/withdrawal/withdrawal.bpmn";

	/** 提取审核: a person looks at what the rules could not decide. */
	public static final String TASK_REVIEW = "Task_ReviewWithdrawal";

	/** 提取复核: the second person above the city's amount (四眼). */
	public static final String TASK_APPROVE = "Task_ApproveWithdrawal";

	/** The case number, set at the start. */
	static final String CASE_NO = "caseNo";

	/** Where the rules sent the case: PAY_AUTOMATICALLY, REVIEW or NOT_ELIGIBLE. */
	static final String ROUTE = "withdrawalRoute";

	/** Whether a second person approves. */
	static final String SECOND_APPROVAL = "secondApprovalNeeded";

	/** Whether the type closes the account. */
	static final String CLOSES_ACCOUNT = "closesAccount";

	/** Whether the type signs a standing monthly repayment-offset agreement instead of paying now. */
	static final String OFFSET_AGREEMENT = "offsetAgreement";

	/** Whether the type pays the fund loan off: paid to the loan ({@code Task_RepayFundLoan}), not to the card. */
	static final String PAYS_LOAN = "paysLoan";

	/** 以公积金偿还贷款: a payoff's debit paid to the fund loan. */
	public static final String TASK_REPAY_FUND_LOAN = "Task_RepayFundLoan";

	/** The number of the case's part the process runs when a bundle called it; absent for a withdrawal alone (part 1). */
	static final String BUNDLE_PART_NO = "bundlePartNo";

	/** The reviewer's APPROVE or REJECT. */
	static final String REVIEW_OUTCOME = "reviewOutcome";

	/** The second approver's APPROVE or REJECT. */
	static final String APPROVAL_OUTCOME = "approvalOutcome";

	private WithdrawalProcess() {
	}

}
