package cn.example.servicehall.intake;

import java.time.OffsetDateTime;

/**
 * 已受理: a case was accepted at the window. The acceptance receipt (受理回执) is due, and the clock starts.
 *
 * @param caseNo the case
 * @param serviceType what is applied for
 * @param acceptedAt when
 * @param acceptedBy the acceptance clerk
 */
public record ApplicationAccepted(CaseNo caseNo, ServiceType serviceType, OffsetDateTime acceptedAt,
		String acceptedBy) {
}
