package cn.example.servicehall.intake;

import java.util.Optional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;

/**
 * Which cases an officer may see. Staff of the four agencies, hall managers and administrators see every case; a
 * developer agent sees only the applications of their own company, and none while the company may not act (not
 * registered, or suspended by the fund centre: {@link ActingCompanies}); the online hall's system ({@code online-hall})
 * only the applications it submitted itself; anyone else sees none. A case one may not see
 * does not exist for them: it answers 404 and appears in no list or count.
 */
public sealed interface CaseVisibility {

	/** Every case. */
	record All() implements CaseVisibility {
	}

	/** The applications submitted by one developer company. */
	record OfCompany(String developerCompanyId) implements CaseVisibility {
	}

	/** The applications one account submitted (a system that files for citizens, like the online hall). */
	record OfSubmitter(String submittedBy) implements CaseVisibility {
	}

	/** No case at all. */
	record None() implements CaseVisibility {
	}

	static CaseVisibility of(CurrentOfficer officer, ActingCompanies companies) {
		if (officer.groups().stream().anyMatch(Groups.CASE_POSTS::contains) || officer.isIn(Groups.HALL_MANAGER)
				|| officer.isIn(Groups.SYSTEM_ADMIN)) {
			return new All();
		}
		if (officer.isIn(Groups.DEVELOPER_AGENT)) {
			Optional<String> company = officer.developerCompanyId();
			return company.filter(companies::mayAct).<CaseVisibility>map(OfCompany::new).orElseGet(None::new);
		}
		if (officer.isIn(Groups.ONLINE_HALL)) {
			return new OfSubmitter(officer.id());
		}
		return new None();
	}

}
