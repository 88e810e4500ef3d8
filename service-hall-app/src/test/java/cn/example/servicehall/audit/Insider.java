package cn.example.servicehall.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit tests do to the trail: fill a day with entries, and what an insider with the database owner's rights
 * can do to it (turn the triggers off, change or delete, turn them on again).
 */
final class Insider {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	Insider(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Writes n entries on the day, at 10:00, 10:01, … hall time, about the given citizen; leaves the clock there. */
	static void fill(AuditTrail trail, LocalDate day, int n, String personId) {
		for (int i = 0; i < n; i++) {
			ClockUtil.setCurrentTime(Date.from(day.atTime(10, i).atOffset(ZoneOffset.ofHours(8)).toInstant()));
			trail.record(AuditEvent.onCase(AuditAction.CASE_VIEWED, "TEST" + day + "-" + i, "/cases/" + i).person(personId));
		}
	}

	void change(String sql) {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
			this.jdbc.sql("alter table audit_seal disable trigger audit_seal_append_only").update();
			this.jdbc.sql(sql).update();
			this.jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
			this.jdbc.sql("alter table audit_seal enable trigger audit_seal_append_only").update();
		});
	}

}
