package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A case as the hall keeps it.
 *
 * @param caseNo the case number
 * @param serviceType what is applied for
 * @param channel where it came in
 * @param status where it stands: the lifecycle status, or the service's stage while it works on the case
 * @param applicantName the applicant's name
 * @param applicantIdNumber the applicant's resident ID number
 * @param developerCompanyId the developer that submitted it, if any
 * @param submittedAt when it came in
 * @param submittedBy who entered it
 * @param updatedAt when it last changed
 * @param closedAt when it ended, if it has
 */
public record CaseFile(CaseNo caseNo, ServiceType serviceType, Channel channel, CaseStage status, String applicantName,
		ResidentIdNumber applicantIdNumber, Optional<String> developerCompanyId,
		OffsetDateTime submittedAt, String submittedBy, OffsetDateTime updatedAt, Optional<OffsetDateTime> closedAt) {

	/** The lifecycle status every service shares. */
	public CaseStatus lifecycle() {
		return this.status.lifecycle();
	}

}
