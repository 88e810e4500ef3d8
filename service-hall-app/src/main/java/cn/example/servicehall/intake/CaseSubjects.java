package cn.example.servicehall.intake;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.audit.AuditedCases;

/** Tells the audit trail whose case a case number is: the applicant's resident ID number. */
@Component
class CaseSubjects implements AuditedCases {

	private final JdbcClient jdbc;

	CaseSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> personOf(String caseNo) {
		return this.jdbc.sql("select applicant_id_no from intake_case where case_no = ?")
			.param(caseNo)
			.query(String.class)
			.optional();
	}

}
