package cn.example.servicehall.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;

/**
 * Records audit entries. Inside a transaction an entry is written just before it commits, in it: an action that rolls
 * back leaves no entry, and one that commits cannot lose its entry. Outside one (a read, a refused sign-in) it is
 * written at once in a transaction of its own.
 * <p>
 * Entries are numbered and linked on the day's chain head, taken {@code FOR UPDATE}: writers queue for the moment of
 * their commit only, and the numbers have no gaps whatever runs at once, on one node or several.
 */
@Component
public class AuditTrail {

	/** The actor of the engine's own steps. */
	public static final String SYSTEM = "SYSTEM";

	/** The actor of a request nobody signed in to. */
	public static final String ANONYMOUS = "ANONYMOUS";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentOfficers officers;

	private final TransactionTemplate ownTransaction;

	AuditTrail(JdbcClient jdbc, Clock clock, CurrentOfficers officers, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.officers = officers;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records the event as done now by whoever is signed in on this thread (else its actor, else the system). */
	public void record(AuditEvent event) {
		Pending entry = pending(event);
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			buffer().add(entry);
		}
		else {
			this.ownTransaction.executeWithoutResult(status -> append(List.of(entry)));
		}
	}

	private Pending pending(AuditEvent event) {
		Optional<CurrentOfficer> officer = this.officers.current();
		Optional<HttpServletRequest> request = request();
		String actor = officer.map(CurrentOfficer::id)
			.orElseGet(() -> event.actorId() != null && !event.actorId().isBlank() ? event.actorId()
					: request.isPresent() || event.channel() != null ? ANONYMOUS : SYSTEM);
		String channel = event.channel() != null ? event.channel()
				: request.map(r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/") ? "API" : "PAGE")
					.orElse("SYSTEM");
		String address = event.address() != null ? event.address()
				: request.map(HttpServletRequest::getRemoteAddr).orElse(null);
		return new Pending(this.clock.instant().truncatedTo(ChronoUnit.MICROS), actor,
				officer.map(CurrentOfficer::displayName).filter(name -> !name.equals(actor)).orElse(null),
				officer.map(o -> String.join(",", o.groups())).filter(posts -> !posts.isEmpty()).orElse(null),
				officer.flatMap(CurrentOfficer::developerCompanyId).orElse(null), event.action().name(), event.caseNo(),
				event.personId(), event.subject(), address, channel);
	}

	private static Optional<HttpServletRequest> request() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? Optional.of(servlet.getRequest()) : Optional.empty();
	}

	/**
	 * The entries waiting for this transaction's commit. Kept in the transaction's own synchronization, which Spring
	 * suspends with it: an inner transaction of its own ({@code REQUIRES_NEW}) writes its entries at its own commit.
	 */
	private List<Pending> buffer() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof AtCommit atCommit) {
				return atCommit.entries;
			}
		}
		AtCommit atCommit = new AtCommit();
		TransactionSynchronizationManager.registerSynchronization(atCommit);
		return atCommit.entries;
	}

	/** Writes the transaction's entries just before it commits, in it. */
	private final class AtCommit implements TransactionSynchronization {

		private final List<Pending> entries = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			append(List.copyOf(this.entries));
			this.entries.clear();
		}

	}

	private void append(List<Pending> entries) {
		if (entries.isEmpty()) {
			return;
		}
		LocalDate day = LocalDate.now(this.clock);
		this.jdbc.sql("insert into audit_chain_head (day, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
			.params(day, AuditChain.genesis(day))
			.update();
		Map<String, Object> head = this.jdbc.sql("select last_seq, last_hash from audit_chain_head where day = ? for update")
			.param(day)
			.query()
			.singleRow();
		long seq = ((Number) head.get("last_seq")).longValue();
		String hash = (String) head.get("last_hash");
		for (Pending p : entries) {
			seq++;
			AuditEntry entry = new AuditEntry(day, seq, p.at(), p.actorId(), p.actorName(), p.posts(), p.company(),
					p.action(), p.caseNo(), p.personId(), p.subject(), p.address(), p.channel(), hash, null);
			hash = AuditChain.hash(entry);
			this.jdbc.sql("""
					insert into audit_entry (day, seq, occurred_at, actor_id, actor_name, actor_posts, actor_company, action,
					                         case_no, person_id, subject, address, channel, prev_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(day, seq, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC), p.actorId(), p.actorName(), p.posts(),
						p.company(), p.action(), p.caseNo(), p.personId(), p.subject(), p.address(), p.channel(),
						entry.prevHash(), hash)
				.update();
		}
		this.jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where day = ?")
			.params(seq, hash, day)
			.update();
	}

	private record Pending(Instant at, String actorId, String actorName, String posts, String company, String action,
			String caseNo, String personId, String subject, String address, String channel) {
	}

}
