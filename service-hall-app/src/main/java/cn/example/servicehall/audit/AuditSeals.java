package cn.example.servicehall.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 日终封存: once a day is over (and a few minutes more, for the transactions that began before midnight), its number of
 * entries and last hash are signed and kept, each seal naming the one before. A row deleted from the end of a sealed
 * day, or a seal deleted, is then found by the verification. Run every ten minutes on every node; a day is sealed once
 * (its key), whoever comes first. With {@code servicehall.audit.scheduled-sealing: false} only a call of
 * {@link #sealPastDays()} seals (the tests, whose clock jumps between years).
 */
@Component
public class AuditSeals {

	private static final Logger log = LoggerFactory.getLogger(AuditSeals.class);

	/** How long after midnight a day is still open to the transactions that began in it. */
	static final Duration GRACE = Duration.ofMinutes(5);

	static final String NO_SEAL = AuditChain.sha256("servicehall-audit-no-seal");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SealSigner signer;

	private final TransactionTemplate transaction;

	private final boolean scheduled;

	AuditSeals(JdbcClient jdbc, Clock clock, SealSigner signer, TransactionTemplate transaction,
			@Value("${servicehall.audit.scheduled-sealing:true}") boolean scheduled) {
		this.scheduled = scheduled;
		this.jdbc = jdbc;
		this.clock = clock;
		this.signer = signer;
		this.transaction = transaction;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
	void sealOnSchedule() {
		if (!this.scheduled) {
			return;
		}
		try {
			sealPastDays();
		}
		catch (RuntimeException ex) {
			log.error("Sealing the audit trail's past days failed; tried again in ten minutes", ex);
		}
	}

	/**
	 * Seals every day with entries that is over and not sealed yet, oldest first.
	 * @return the days sealed now
	 */
	public List<LocalDate> sealPastDays() {
		LocalDate lastClosed = this.clock.instant().minus(GRACE).atZone(this.clock.getZone()).toLocalDate().minusDays(1);
		List<LocalDate> days = this.jdbc.sql("""
				select h.day from audit_chain_head h
				where h.day <= ? and not exists (select 1 from audit_seal s where s.day = h.day)
				order by h.day""")
			.param(lastClosed)
			.query(LocalDate.class)
			.list();
		days.forEach(this::sealDay);
		return days;
	}

	/** Seals the one day (in order, after the days before it: a seal names the latest seal before it). */
	void sealDay(LocalDate day) {
		this.transaction.executeWithoutResult(status -> seal(day));
	}

	private void seal(LocalDate day) {
		Map<String, Object> head = this.jdbc.sql("select last_seq, last_hash from audit_chain_head where day = ? for update")
			.param(day)
			.query()
			.singleRow();
		String previous = previousSealHash(day);
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long entries = ((Number) head.get("last_seq")).longValue();
		String lastHash = (String) head.get("last_hash");
		SealSigner.Signed signed = this.signer.sign(text(day, entries, lastHash, previous, at));
		int inserted = this.jdbc.sql("""
				insert into audit_seal (day, entries, last_hash, prev_seal_hash, sealed_at, signature, certificate)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(day, entries, lastHash, previous, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
					signed.signatureBase64(), signed.certificateBase64())
			.update();
		if (inserted == 1) {
			log.info("Audit trail of {} sealed: {} entries, last hash {}", day, entries, lastHash);
		}
	}

	/** The hash of the latest seal before the day, or {@link #NO_SEAL}. */
	String previousSealHash(LocalDate day) {
		return this.jdbc.sql("select * from audit_seal where day < ? order by day desc limit 1")
			.param(day)
			.query(AuditSeals::seal)
			.optional()
			.map(Seal::hash)
			.orElse(NO_SEAL);
	}

	Optional<Seal> sealOf(LocalDate day) {
		return this.jdbc.sql("select * from audit_seal where day = ?").param(day).query(AuditSeals::seal).optional();
	}

	boolean verify(Seal seal) {
		return this.signer.verify(text(seal.day(), seal.entries(), seal.lastHash(), seal.prevSealHash(), seal.sealedAt()),
				seal.signature(), seal.certificate());
	}

	static byte[] text(LocalDate day, long entries, String lastHash, String previous, Instant at) {
		return ("servicehall-audit-seal-v1|" + day + "|" + entries + "|" + lastHash + "|" + previous + "|" + at)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static Seal seal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Seal(rs.getObject("day", LocalDate.class), rs.getLong("entries"), rs.getString("last_hash"),
				rs.getString("prev_seal_hash"), rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
				rs.getString("signature"), rs.getString("certificate"));
	}

	/** A day's seal as stored. */
	record Seal(LocalDate day, long entries, String lastHash, String prevSealHash, Instant sealedAt, String signature,
			String certificate) {

		String hash() {
			return AuditChain.sha256(new String(text(this.day, this.entries, this.lastHash, this.prevSealHash, this.sealedAt),
					StandardCharsets.UTF_8) + "|" + this.signature);
		}

	}

}
