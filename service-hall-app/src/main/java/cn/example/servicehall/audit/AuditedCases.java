package cn.example.servicehall.audit;

import java.util.Optional;

/** Whose case it is: the port through which the trail names the citizen of a case read (implemented by intake). */
public interface AuditedCases {

	/** The applicant's resident ID number, if the case exists. */
	Optional<String> personOf(String caseNo);

}
