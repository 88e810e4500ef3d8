package cn.example.servicehall.intake;

import java.time.OffsetDateTime;

/**
 * One line of a case's status history: who did what, for which agency, and when.
 *
 * @param occurredAt when
 * @param status the case status after the step
 * @param action what was done
 * @param actorId who did it (a user id, or {@code system})
 * @param agency for which agency
 * @param remark what they noted, if anything
 */
public record CaseEvent(OffsetDateTime occurredAt, CaseStatus status, String action, String actorId, Agency agency,
		String remark) {
}
