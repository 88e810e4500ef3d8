package cn.example.servicehall.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events handed over after commit ({@code @ApplicationModuleListener}: today the breach mail) whose listener did not
 * finish, because its node died or the listener failed, are handed over again: those older than {@link #AGE}, every
 * five minutes, by one node at a time (a PostgreSQL advisory lock held for the round). Spring Modulith's own
 * republication at start-up is off: a node starting would hand over again the events another live node is handling
 * at that moment, and the mail would go twice (docs/adr/0011).
 */
@Component
class OutstandingEvents {

	/** How old an unfinished publication must be to be handed over again: far beyond any listener's run. */
	static final Duration AGE = Duration.ofMinutes(5);

	/** The advisory lock's key: "SHEV" (Service Hall EVents). */
	static final long KEY = 0x5348_4556L;

	private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

	private final IncompleteEventPublications publications;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	OutstandingEvents(IncompleteEventPublications publications, JdbcClient jdbc, TransactionTemplate transaction) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void resubmitOnSchedule() {
		try {
			resubmit();
		}
		catch (RuntimeException ex) {
			log.warn("Handing over unfinished events again failed; tried again in five minutes: {}", ex.getMessage());
		}
	}

	/** @return whether this node took the round (false: another node has it now) */
	boolean resubmit() {
		return Boolean.TRUE.equals(this.transaction.execute(status -> {
			boolean mine = this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(KEY).query(Boolean.class).single();
			if (mine) {
				this.publications.resubmitIncompletePublicationsOlderThan(AGE);
			}
			return mine;
		}));
	}

}
