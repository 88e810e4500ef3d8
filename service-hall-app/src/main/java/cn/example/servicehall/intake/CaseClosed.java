package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The case ended: completed (办结回执 due), refused with reasons, or withdrawn by the applicant.
 *
 * @param caseNo the case
 * @param serviceType its service
 * @param outcome how it ended: {@link CaseStatus#COMPLETED}, {@link CaseStatus#REJECTED} or {@link CaseStatus#WITHDRAWN}
 * @param reasons why, for a refusal or a withdrawal
 * @param closedAt when
 */
public record CaseClosed(CaseNo caseNo, ServiceType serviceType, CaseStatus outcome, List<String> reasons,
		OffsetDateTime closedAt) {
}
