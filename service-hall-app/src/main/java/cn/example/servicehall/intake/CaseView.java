package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.List;


/**
 * A case as the API shows it. The applicant's ID number is masked; the full number appears only where a task needs
 * it. {@code status} is where the case stands as before the lifecycle was shared: the service's stage while it works
 * on the case ({@code APPROVED}), else the lifecycle status; {@code lifecycle} is the status every service shares.
 */
public record CaseView(String caseNo, String serviceType, String channel, String status, String lifecycle,
		String applicantName, String applicantIdNumber, OffsetDateTime submittedAt, String submittedBy,
		OffsetDateTime updatedAt, List<Event> history) {

	/**
	 * A line of the case's history.
	 * @param occurredAt when
	 * @param status the case's status after it
	 * @param action what was done
	 * @param actorId who did it: their login, or {@code system}
	 * @param actorName their name ({@code 王晓明}), null for the system
	 * @param agency for which agency
	 * @param remark what they noted
	 */
	public record Event(OffsetDateTime occurredAt, String status, String action, String actorId, String actorName,
			String agency, String remark) {
	}

	public static CaseView of(CaseFile file, List<CaseEvent> history) {
		return new CaseView(file.caseNo().value(), file.serviceType().name(), file.channel().name(),
				file.status().name(), file.lifecycle().name(), file.applicantName(), file.applicantIdNumber().masked(),
				file.submittedAt(), file.submittedBy(), file.updatedAt(),
				history.stream()
					.map(e -> new Event(e.occurredAt(), e.status().name(), e.action(), e.actorId(), e.actorName(),
							e.agency().name(), e.remark()))
					.toList());
	}

}
