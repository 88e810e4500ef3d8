package cn.example.servicehall.loan;

/** What a reviewer decides. */
public enum ReviewOutcome {

	/** 同意 / 通过 / 批准. */
	APPROVE,
	/** 不同意 / 不予贷款. */
	REJECT,
	/** 退回: back to the earlier step for correction (first review and approval only). */
	RETURN

}
