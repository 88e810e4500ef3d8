package cn.example.servicehall.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The auditor's search: entries by the citizen's ID number, the case, the staff member and the days, newest first, a
 * page at a time. Each search is itself an entry ({@link AuditAction#AUDIT_READ}).
 */
@Component
public class AuditSearch {

	public static final int PAGE_SIZE = 100;

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	AuditSearch(JdbcClient jdbc, AuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
	}

	/**
	 * @param personId a resident ID number (exact), or empty
	 * @param caseNo a case number (exact), or empty
	 * @param staff a sign-in name (exact), or empty
	 * @param from the first day, or null
	 * @param to the last day, or null
	 * @param page from 0
	 */
	public record Criteria(String personId, String caseNo, String staff, LocalDate from, LocalDate to, int page) {

		public boolean isEmpty() {
			return !StringUtils.hasText(this.personId) && !StringUtils.hasText(this.caseNo) && !StringUtils.hasText(this.staff)
					&& this.from == null && this.to == null;
		}

		String describe() {
			List<String> parts = new ArrayList<>();
			if (StringUtils.hasText(this.personId)) {
				parts.add("person=" + this.personId.trim());
			}
			if (StringUtils.hasText(this.caseNo)) {
				parts.add("case=" + this.caseNo.trim());
			}
			if (StringUtils.hasText(this.staff)) {
				parts.add("staff=" + this.staff.trim());
			}
			if (this.from != null) {
				parts.add("from=" + this.from);
			}
			if (this.to != null) {
				parts.add("to=" + this.to);
			}
			return "search " + String.join(" ", parts);
		}

	}

	/** A page of entries, newest first; {@code more} when there are older ones. */
	public record Found(List<AuditEntry> entries, boolean more) {
	}

	public Found search(Criteria criteria) {
		StringBuilder sql = new StringBuilder("select * from audit_entry where true");
		List<Object> params = new ArrayList<>();
		if (StringUtils.hasText(criteria.personId())) {
			sql.append(" and person_id = ?");
			params.add(criteria.personId().trim().toUpperCase(java.util.Locale.ROOT));
		}
		if (StringUtils.hasText(criteria.caseNo())) {
			sql.append(" and case_no = ?");
			params.add(criteria.caseNo().trim());
		}
		if (StringUtils.hasText(criteria.staff())) {
			sql.append(" and actor_id = ?");
			params.add(criteria.staff().trim());
		}
		if (criteria.from() != null) {
			sql.append(" and day >= ?");
			params.add(criteria.from());
		}
		if (criteria.to() != null) {
			sql.append(" and day <= ?");
			params.add(criteria.to());
		}
		sql.append(" order by occurred_at desc, day desc, seq desc limit ? offset ?");
		params.add(PAGE_SIZE + 1);
		params.add(Math.max(0, criteria.page()) * PAGE_SIZE);
		List<AuditEntry> rows = this.jdbc.sql(sql.toString()).params(params).query(AuditVerification::entry).list();
		this.trail.record(new AuditEvent(AuditAction.AUDIT_READ, blankToNull(criteria.caseNo()),
				blankToNull(criteria.personId()), criteria.describe(), null));
		return new Found(rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows, rows.size() > PAGE_SIZE);
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
