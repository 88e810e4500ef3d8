package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 一次性告知: the clerk found materials missing; the notice listing every one of them is due, and the case waits for
 * the citizen.
 *
 * @param caseNo the case
 * @param noticeNo the notice's number
 * @param round which check of the materials found them missing (1 for the first)
 * @param missing every missing material, as code and name
 * @param issuedAt when
 * @param issuedBy the clerk
 */
public record MissingMaterialsNotified(CaseNo caseNo, String noticeNo, int round, List<Material> missing,
		OffsetDateTime issuedAt, String issuedBy) {

	/**
	 * A material on a checklist.
	 * @param code the checklist's code, e.g. {@code BORROWER_ID}
	 * @param name its name as the citizen reads it, e.g. 借款人居民身份证
	 */
	public record Material(String code, String name) {
	}

}
