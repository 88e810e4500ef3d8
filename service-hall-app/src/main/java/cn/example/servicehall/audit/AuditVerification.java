package cn.example.servicehall.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks a day's chain from its genesis and reports the first thing wrong: a gap in the numbers (a row deleted), a row
 * whose columns no longer give its hash (a row altered), a row that does not link to the one before (a row altered
 * with its hash made again, or put in), the end of the day short of what its seal or chain head says (rows deleted
 * at the end), a seal whose signature fails or that does not name the seal before it.
 */
@Component
public class AuditVerification {

	private final JdbcClient jdbc;

	private final AuditSeals seals;

	AuditVerification(JdbcClient jdbc, AuditSeals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	/** What the walk of one day found. */
	public enum Outcome {

		/** 完整: every link holds (and the seal, if the day is sealed). */
		INTACT,

		/** 缺号: an entry's number is missing, the row deleted. */
		GAP,

		/** 被改动: a row's columns do not give its hash. */
		ALTERED,

		/** 断链: a row does not carry the hash of the row before it. */
		BROKEN_LINK,

		/** 末尾缺失: fewer entries than the seal or the chain's head counts. */
		MISSING_AT_END,

		/** 封存无效: the seal's signature fails, or it does not match the chain or the seal before it. */
		SEAL_INVALID

	}

	/**
	 * @param day the day walked
	 * @param entries rows found
	 * @param sealed whether the day has a seal
	 * @param outcome the first thing wrong, or {@link Outcome#INTACT}
	 * @param seq the number of the entry where it was found (the first missing one for a gap), if it is one entry's
	 * @param expected what the chain says should be there (the hash, the count), for the report
	 * @param found what is there
	 */
	public record DayReport(LocalDate day, long entries, boolean sealed, Outcome outcome, Long seq, String expected,
			String found) {

		public boolean intact() {
			return this.outcome == Outcome.INTACT;
		}

	}

	public DayReport verify(LocalDate day) {
		List<AuditEntry> rows = this.jdbc.sql("select * from audit_entry where day = ? order by seq")
			.param(day)
			.query(AuditVerification::entry)
			.list();
		Optional<AuditSeals.Seal> seal = this.seals.sealOf(day);
		long count = rows.size();
		String previous = AuditChain.genesis(day);
		long expectedSeq = 1;
		for (AuditEntry row : rows) {
			if (row.seq() != expectedSeq) {
				return new DayReport(day, count, seal.isPresent(), Outcome.GAP, expectedSeq, String.valueOf(expectedSeq),
						String.valueOf(row.seq()));
			}
			if (!row.prevHash().equals(previous)) {
				return new DayReport(day, count, seal.isPresent(), Outcome.BROKEN_LINK, row.seq(), previous, row.prevHash());
			}
			String computed = row.computedHash();
			if (!computed.equals(row.hash())) {
				return new DayReport(day, count, seal.isPresent(), Outcome.ALTERED, row.seq(), computed, row.hash());
			}
			previous = row.hash();
			expectedSeq++;
		}
		if (seal.isPresent()) {
			AuditSeals.Seal s = seal.get();
			if (!this.seals.verify(s) || !s.prevSealHash().equals(this.seals.previousSealHash(day))) {
				return new DayReport(day, count, true, Outcome.SEAL_INVALID, null, null, null);
			}
			if (s.entries() > count) {
				return new DayReport(day, count, true, Outcome.MISSING_AT_END, count + 1, String.valueOf(s.entries()),
						String.valueOf(count));
			}
			if (s.entries() < count || !s.lastHash().equals(previous)) {
				return new DayReport(day, count, true, Outcome.SEAL_INVALID, s.entries(), s.lastHash(), previous);
			}
		}
		else {
			Optional<Long> head = this.jdbc.sql("select last_seq from audit_chain_head where day = ?")
				.param(day)
				.query(Long.class)
				.optional();
			if (head.isPresent() && head.get() > count) {
				return new DayReport(day, count, false, Outcome.MISSING_AT_END, count + 1, String.valueOf(head.get()),
						String.valueOf(count));
			}
		}
		return new DayReport(day, count, seal.isPresent(), Outcome.INTACT, null, null, null);
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getObject("day", LocalDate.class), rs.getLong("seq"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor_id"),
				rs.getString("actor_name"), rs.getString("actor_posts"), rs.getString("actor_company"),
				rs.getString("action"), rs.getString("case_no"), rs.getString("person_id"), rs.getString("subject"),
				rs.getString("address"), rs.getString("channel"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
