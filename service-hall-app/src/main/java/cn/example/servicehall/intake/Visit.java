package cn.example.servicehall.intake;

import java.time.OffsetDateTime;

/**
 * 来访: the citizen came to a counter for the case.
 *
 * @param visitedAt when they checked in
 * @param branch where
 * @param purpose why
 * @param recordedBy the officer who checked them in
 */
public record Visit(OffsetDateTime visitedAt, String branch, Purpose purpose, String recordedBy) {

	/** Why the citizen came. */
	public enum Purpose {

		/** 提交申请. */
		SUBMISSION,
		/** 补正材料. */
		SUPPLEMENT,
		/** 面签. */
		SIGNING,
		/** 领取文书. */
		COLLECTION,
		/** 咨询. */
		ENQUIRY,
		/** 其他. */
		OTHER

	}

}
