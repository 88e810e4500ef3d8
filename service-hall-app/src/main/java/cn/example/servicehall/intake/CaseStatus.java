package cn.example.servicehall.intake;

/** Where a case stands, as the citizen would be told. */
public enum CaseStatus {

	/** 已提交: submitted, waiting for the acceptance clerk. */
	SUBMITTED,
	/** 已受理: accepted; the clock runs. */
	ACCEPTED,
	/** 初审通过: the first reviewer has given an opinion. */
	FIRST_REVIEWED,
	/** 已审批: approved by the approver. */
	APPROVED

}
