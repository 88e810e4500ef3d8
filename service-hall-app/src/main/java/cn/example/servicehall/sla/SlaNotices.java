package cn.example.servicehall.sla;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 超时通知: a clock of an agency passed its limit; its managers are told in the hall (the managers' page lists unread
 * notices) and, when mail is configured ({@code spring.mail.host} and {@code servicehall.sla.mail.to.<AGENCY>}), by
 * e-mail after the breach is committed. A breach is notified once.
 */
@Service
public class SlaNotices {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaNotices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Who is mailed about breaches ({@code servicehall.sla.mail}).
	 * @param from the sender
	 * @param to each agency's managers' addresses
	 */
	@ConfigurationProperties("servicehall.sla.mail")
	public record Mail(String from, Map<Agency, List<String>> to) {

		public Mail {
			from = from == null || from.isBlank() ? "service-hall@localhost" : from;
			to = to == null ? Map.of() : Map.copyOf(to);
		}

	}

	/**
	 * A notice as the managers' page lists it.
	 * @param id its id
	 * @param agency whose clock
	 * @param caseNo the case
	 * @param message what happened
	 * @param createdAt when
	 * @param mailedTo the addresses it was mailed to, if any
	 */
	public record Notice(long id, Agency agency, String caseNo, String message, OffsetDateTime createdAt,
			String mailedTo) {
	}

	/**
	 * Records the breach of a clock and publishes it ({@link DeadlineBreached}: mailed after commit by
	 * {@link BreachMails}); a second call for the same clock does nothing.
	 */
	@Transactional
	void breached(long clockId) {
		Map<String, Object> clock = this.jdbc.sql("select * from sla_clock where id = ?").param(clockId).query().singleRow();
		Agency agency = Agency.valueOf((String) clock.get("agency"));
		String caseNo = (String) clock.get("case_no");
		String message = "办件 " + caseNo + " 的时限「" + clock.get("name") + "」已超时"
				+ dueText(clock.get("due_at")) + "，请督办。";
		List<Long> created = this.jdbc.sql("""
				insert into sla_notification (agency, case_no, clock_id, message, created_at)
				values (?, ?, ?, ?, ?) on conflict (clock_id) do nothing returning id""")
			.params(agency.name(), caseNo, clockId, message, OffsetDateTime.now(this.clock))
			.query(Long.class)
			.list();
		if (created.isEmpty()) {
			return;
		}
		this.events.publishEvent(new DeadlineBreached(created.get(0), agency, caseNo, message));
	}

	/** The unread notices of the agencies the officer manages: a hall manager all of them. */
	public List<Notice> unread(CurrentOfficer officer) {
		if (!officer.isIn(Groups.HALL_MANAGER) && !officer.isIn(Groups.SYSTEM_ADMIN)) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from sla_notification where read_at is null order by created_at desc limit 200""")
			.query((rs, row) -> new Notice(rs.getLong("id"), Agency.valueOf(rs.getString("agency")),
					rs.getString("case_no"), rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("mailed_to")))
			.list();
	}

	/** Marks a notice read by the officer. */
	@Transactional
	public void markRead(long id, CurrentOfficer officer) {
		if (!officer.isIn(Groups.HALL_MANAGER) && !officer.isIn(Groups.SYSTEM_ADMIN)) {
			throw ProblemException.refusal(org.springframework.http.HttpStatus.FORBIDDEN, "wrong-post",
					"problem.sla.notices-for-managers");
		}
		this.jdbc.sql("update sla_notification set read_by = ?, read_at = ? where id = ? and read_at is null")
			.params(officer.id(), OffsetDateTime.now(this.clock), id)
			.update();
	}

	private String dueText(Object due) {
		if (due instanceof java.sql.Timestamp timestamp) {
			return "（应于 " + TIME.format(timestamp.toInstant().atZone(this.clock.getZone())) + " 前办结）";
		}
		if (due instanceof OffsetDateTime at) {
			return "（应于 " + TIME.format(at.atZoneSameInstant(this.clock.getZone())) + " 前办结）";
		}
		return "";
	}

}
