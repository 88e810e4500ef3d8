package cn.example.servicehall.intake;

/**
 * Where a case stands in the lifecycle every service shares, as the citizen would be told. What a service does in
 * between (a loan's assessment, approval, signing ...) is its own stage ({@link CaseStage}), recorded with
 * {@link #IN_PROGRESS}.
 */
public enum CaseStatus implements CaseStage {

	/** 已提交: submitted, waiting for the acceptance clerk. */
	SUBMITTED,
	/** 待补正: materials are missing; the one-time notice was issued and the case waits for the citizen. */
	AWAITING_MATERIALS,
	/** 已受理: accepted; the clock runs. */
	ACCEPTED,
	/** 办理中: the service's own stages ({@link CaseStage}) say where. */
	IN_PROGRESS,
	/** 已办结. */
	COMPLETED,
	/** 不予办理: refused, with reasons. */
	REJECTED,
	/** 已撤回: withdrawn by the applicant. */
	WITHDRAWN,
	/**
	 * 已撤销: cancelled, as a bundle is when the citizen chooses to after a part was refused (its history says what was
	 * undone and what could not be).
	 */
	CANCELLED;

	/** Whether the case has ended. */
	@Override
	public boolean isClosed() {
		return this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == CANCELLED;
	}

	@Override
	public CaseStatus lifecycle() {
		return this;
	}

}
