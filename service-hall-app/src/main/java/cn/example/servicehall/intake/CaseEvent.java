package cn.example.servicehall.intake;

import java.time.OffsetDateTime;

/**
 * One line of a case's status history: who did what, for which agency, and when.
 *
 * @param occurredAt when
 * @param status the case status after the step: the lifecycle status or the service's stage
 * @param action what was done
 * @param actorId who did it (a user id, or {@code system}), for the audit
 * @param actorName their name as they were signed in ({@code 王晓明}); null for the system and for lines written before
 * names were kept
 * @param agency for which agency
 * @param remark what they noted, if anything
 */
public record CaseEvent(OffsetDateTime occurredAt, CaseStage status, String action, String actorId, String actorName,
		Agency agency, String remark) {

	/** Whom to name: the staff member's name, or their login when no name was recorded. */
	public String actor() {
		return this.actorName != null ? this.actorName : this.actorId;
	}

}
