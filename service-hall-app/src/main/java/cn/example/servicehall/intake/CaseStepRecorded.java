package cn.example.servicehall.intake;

import java.time.OffsetDateTime;

/**
 * A line was added to a case's history: submission, acceptance, an agency's step, the wait for the citizen and their
 * return, the end. Published synchronously, inside the transaction that records the step, so that whatever follows
 * the history (the SLA clocks) commits or rolls back with it.
 *
 * @param caseNo the case
 * @param serviceType what the case is
 * @param serviceVariant the service's variant, if it has one (a withdrawal's type, a bundle's code)
 * @param branch the case's branch
 * @param action what was done, e.g. {@code ACCEPTED}
 * @param status the case's status after it: the lifecycle status or the service's stage (matched by its name)
 * @param agency which agency did it
 * @param at when
 */
public record CaseStepRecorded(CaseNo caseNo, ServiceType serviceType, java.util.Optional<String> serviceVariant,
		String branch, String action,
		CaseStage status, Agency agency, OffsetDateTime at) {
}
