package cn.example.servicehall.audit;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;

/**
 * Who reads the trail, and how much they see: the auditor (稽核岗) everything; a hall manager the same with every
 * resident ID number masked. Each reading is itself recorded. The pages and the API both come through here.
 */
@Component
public class AuditReading {

	private final AuditSearch search;

	private final AuditVerification verification;

	private final AuditTrail trail;

	AuditReading(AuditSearch search, AuditVerification verification, AuditTrail trail) {
		this.search = search;
		this.verification = verification;
		this.trail = trail;
	}

	public static boolean mayRead(CurrentOfficer officer) {
		return officer != null && (officer.isIn(Groups.AUDITOR) || officer.isIn(Groups.HALL_MANAGER));
	}

	/** Whether the officer sees ID numbers in full: the auditor only. */
	public static boolean seesIdNumbers(CurrentOfficer officer) {
		return officer != null && officer.isIn(Groups.AUDITOR);
	}

	public AuditSearch.Found search(AuditSearch.Criteria criteria, CurrentOfficer officer) {
		AuditSearch.Found found = this.search.search(criteria);
		if (seesIdNumbers(officer)) {
			return found;
		}
		return new AuditSearch.Found(found.entries().stream().map(AuditEntry::masked).toList(), found.more());
	}

	public AuditVerification.DayReport verify(LocalDate day) {
		AuditVerification.DayReport report = this.verification.verify(day);
		this.trail.record(AuditEvent.of(AuditAction.AUDIT_READ, "verify " + day + ": " + report.outcome()));
		return report;
	}

}
