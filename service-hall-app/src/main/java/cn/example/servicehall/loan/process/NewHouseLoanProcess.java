package cn.example.servicehall.loan.process;

/**
 * The contract between code and {@code bpmn/loan/new-house-loan.bpmn} (新房公积金贷款, submitted online by a
 * developer's sales office), beside the shared stages in {@link LoanStages}.
 */
public final class NewHouseLoanProcess {

	public static final String KEY = "NewHouseLoanProcess";

	public static final String RESOURCE = "bpmn/loan/new-house-loan.bpmn";

	/** 购房人预约面签并到场取号: the case waits, on the citizen's time, for the buyer's check-in. */
	public static final String EVENT_SIGNING_CHECKED_IN = "Event_SigningCheckedIn";

	/** The buyer checked in at the hall for the signing appointment (from booking's {@code CHECKED_IN}). */
	public static final String MSG_SIGNING_CHECKED_IN = "Msg_SigningCheckedIn";

	/** 预告登记（预抵押）, by {@code registry-clerk}. */
	public static final String TASK_REGISTER_PRE_MORTGAGE = "Task_RegisterPreMortgage";

	/** 预抵押转现抵押, by {@code registry-clerk}, after the case is completed, when the house is delivered. */
	public static final String TASK_CONVERT_PRE_MORTGAGE = "Task_ConvertPreMortgage";

	/** 抵押已转现: the loan's collateral file is closed. */
	public static final String END_MORTGAGE_CONVERTED = "EndEvent_MortgageConverted";

	/** 网上受理. */
	public static final String TASK_ACCEPT_ONLINE_APPLICATION = "Task_AcceptOnlineApplication";

	private NewHouseLoanProcess() {
	}

}
