package cn.example.servicehall.bundle;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.example.servicehall.intake.CaseNo;

/** The bundle's own tables: which bundle a case applies for, and which of its parts each part of the case runs. */
@Repository
class BundleRecords {

	private final JdbcClient jdbc;

	BundleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertCase(CaseNo caseNo, String bundleCode, String phone, boolean hasFundLoan, OffsetDateTime at,
			OffsetDateTime due) {
		this.jdbc.sql("""
				insert into bundle_case (case_no, bundle_code, phone, has_fund_loan, accepted_at, due_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(caseNo.value(), bundleCode, phone, hasFundLoan, at, due)
			.update();
	}

	/** When each of the bundle cases among {@code caseNumbers} is due. */
	Map<String, java.time.Instant> dueOf(java.util.Collection<String> caseNumbers) {
		Map<String, java.time.Instant> due = new LinkedHashMap<>();
		if (caseNumbers.isEmpty()) {
			return due;
		}
		this.jdbc.sql("select case_no, due_at from bundle_case where case_no in (:numbers) and due_at is not null")
			.param("numbers", java.util.List.copyOf(caseNumbers))
			.query((rs, row) -> due.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list();
		return due;
	}

	void insertPart(CaseNo caseNo, int partNo, String partKey) {
		this.jdbc.sql("insert into bundle_part (case_no, part_no, part_key) values (?, ?, ?)")
			.params(caseNo.value(), partNo, partKey)
			.update();
	}

	/** The bundle's code and the applicant's phone of a bundle case. */
	Optional<Kept> find(CaseNo caseNo) {
		return this.jdbc.sql("select bundle_code, phone, has_fund_loan from bundle_case where case_no = ?")
			.param(caseNo.value())
			.query((rs, row) -> new Kept(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.optional();
	}

	/** The case's parts by number, each with its key in the catalogue. */
	Map<Integer, String> parts(CaseNo caseNo) {
		Map<Integer, String> parts = new LinkedHashMap<>();
		this.jdbc.sql("select part_no, part_key from bundle_part where case_no = ? order by part_no")
			.param(caseNo.value())
			.query((rs, row) -> parts.put(rs.getInt(1), rs.getString(2)))
			.list();
		return parts;
	}

	/**
	 * A bundle case as kept.
	 * @param bundleCode the catalogue's code
	 * @param phone the applicant's mobile, if given
	 * @param hasFundLoan whether the applicant had a fund loan outstanding at acceptance
	 */
	record Kept(String bundleCode, String phone, boolean hasFundLoan) {
	}

}
