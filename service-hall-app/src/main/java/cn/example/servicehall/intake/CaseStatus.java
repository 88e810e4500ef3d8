package cn.example.servicehall.intake;

/** Where a case stands, as the citizen would be told. */
public enum CaseStatus {

	/** 已提交: submitted, waiting for the acceptance clerk. */
	SUBMITTED,
	/** 待补正: materials are missing; the one-time notice was issued and the case waits for the citizen. */
	AWAITING_MATERIALS,
	/** 已受理: accepted; the clock runs. */
	ACCEPTED,
	/** 已退回: returned to an earlier step for correction. */
	RETURNED,
	/** 已测算: eligibility and limit assessed, waiting for the first review. */
	ASSESSED,
	/** 初审通过. */
	FIRST_REVIEWED,
	/** 已审批. */
	APPROVED,
	/** 已签约: the contract is signed by every party. */
	CONTRACT_SIGNED,
	/** 已抵押: the mortgage is registered. */
	MORTGAGE_REGISTERED,
	/** 已放款: paid out. */
	DISBURSED,
	/** 已办结. */
	COMPLETED,
	/** 不予办理: refused, with reasons. */
	REJECTED,
	/** 已撤回: withdrawn by the applicant. */
	WITHDRAWN;

	/** Whether the case has ended. */
	public boolean isClosed() {
		return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
	}

}
