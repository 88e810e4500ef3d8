package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.List;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;

/**
 * 来访: the citizen came to a counter for the case.
 *
 * @param visitedAt when they checked in
 * @param branch where
 * @param purpose why
 * @param recordedBy the officer who checked them in
 */
public record Visit(OffsetDateTime visitedAt, String branch, Purpose purpose, String recordedBy) {

	/** Who checks a citizen in (来访登记): the counters' staff of every agency in the hall. */
	public static final List<String> CHECK_IN_POSTS = Groups.CASE_POSTS;

	/** Whether the officer works at a counter and may check a citizen in. */
	public static boolean mayCheckIn(CurrentOfficer officer) {
		return CHECK_IN_POSTS.stream().anyMatch(officer::isIn);
	}

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
