package cn.example.servicehall.withdrawal;

/**
 * The ids of {@code bpmn/withdrawal/repayment-offset.bpmn} that code names: the process that carries out a standing
 * repayment-offset agreement (委托按月提取还贷) month by month, and what its timer and gateway read.
 * {@code BpmnWiringIT} checks that each is in the model.
 */
public final class RepaymentOffsetProcess {

	public static final String KEY = "RepaymentOffsetProcess";

	/** Where the model is on the classpath (from the {@code processes} module). */
	public static final String RESOURCE = "bpmn/withdrawal/repayment-offset.bpmn";

	/** The message that ends the agreement at once (终止协议). */
	public static final String MESSAGE_ENDED = "OffsetAgreementEnded";

	/** The case number of the agreement, set at the start. */
	static final String CASE_NO = "caseNo";

	/** When the next month is paid: the loan's due day, early in the morning. */
	static final String NEXT_OFFSET_AT = "nextOffsetAt";

	/** Whether the agreement goes on after a month. */
	static final String CONTINUES = "offsetContinues";

	private RepaymentOffsetProcess() {
	}

}
