package cn.example.servicehall.intake;

/** Where a case stands, as the citizen would be told. */
public enum CaseStatus {

	/** 已提交: submitted, waiting for the acceptance clerk. */
	SUBMITTED,
	/** 已受理: accepted at the window; the clock runs. */
	ACCEPTED

}
