package cn.example.servicehall.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.Visit;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 取号与叫号: at the hall, an appointment holder checks in on their day and draws a {@code Y} number, a walk-in a
 * {@code W} number; the counter calls the next one to its window, appointment holders first. Numbers run per branch,
 * day and kind from a counter row ({@code queue_counter}) that the database hands out one transaction at a time:
 * unique, in order, without gaps. Calling takes the next waiting number with {@code for update skip locked}, so two
 * windows calling at once never get the same one.
 */
@Service
public class Queue {

	/** How many of the latest calls the board shows. */
	public static final int CALLS_SHOWN = 6;

	private final JdbcClient jdbc;

	private final Branches branches;

	private final Bookings bookings;

	private final CaseFiles cases;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Queue(JdbcClient jdbc, Branches branches, Bookings bookings, CaseFiles cases, WorkingCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.branches = branches;
		this.bookings = bookings;
		this.cases = cases;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/** What a ticket drawn answers: the ticket, and whether it was drawn now or earlier (a second check-in). */
	public record Drawn(Ticket ticket, boolean isNew) {
	}

	/** 现场取号: a walk-in's number at the branch today. */
	@Transactional
	public Drawn walkIn(String branchCode, CurrentOfficer officer) {
		if (branchCode == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-queue-request", "problem.booking.queue-invalid");
		}
		Branch branch = this.branches.get(branchCode);
		return new Drawn(issue(branch.code(), Ticket.WALK_IN, null, officer), true);
	}

	/**
	 * 预约签到: the citizen with today's booking for the case checks in and draws a {@code Y} number at the booking's
	 * branch; checking in again answers the same number. Recorded as the citizen's visit (来访登记, 面签).
	 * @throws cn.example.servicehall.intake.CaseNotFound if the officer may not see the case
	 * @throws ProblemException 422 {@code not-the-booking-day} for a booking of another day, {@code no-booking}
	 * without one
	 */
	@Transactional
	public Drawn checkIn(String caseNo, CurrentOfficer officer) {
		if (caseNo == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-queue-request", "problem.booking.queue-invalid");
		}
		this.bookings.visibleCase(caseNo, officer);
		LocalDate today = today();
		OffsetDateTime from = today.atStartOfDay(this.calendar.zone()).toOffsetDateTime();
		Optional<long[]> ofToday = this.jdbc.sql("""
				select id, case when status = 'CHECKED_IN' then 1 else 0 end as checked_in from booking
				 where case_no = ? and status in ('BOOKED', 'CHECKED_IN') and slot_starts_at >= ? and slot_starts_at < ?
				 order by booked_at desc, id desc limit 1 for update""")
			.params(caseNo, from, from.plusDays(1))
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("checked_in") })
			.optional();
		if (ofToday.isEmpty()) {
			Optional<Booking> other = this.bookings.active(caseNo);
			if (other.isPresent()) {
				throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "not-the-booking-day",
						"problem.booking.not-the-booking-day", caseNo,
						BookingTexts.show(other.get().startsAt().toZonedDateTime()));
			}
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "no-booking", "problem.booking.no-booking",
					caseNo);
		}
		long bookingId = ofToday.get()[0];
		if (ofToday.get()[1] == 1) {
			return new Drawn(this.jdbc.sql("select * from queue_ticket where booking_id = ?").param(bookingId)
				.query(this::ticket).single(), false);
		}
		Booking booking = this.bookings.read(bookingId).orElseThrow();
		Ticket ticket = issue(booking.branch(), Ticket.APPOINTMENT, bookingId, officer);
		this.jdbc.sql("update booking set status = 'CHECKED_IN', changed_at = ?, changed_by = ? where id = ?")
			.params(now(), officer.id(), bookingId)
			.update();
		if (Visit.mayCheckIn(officer)) {
			this.cases.checkIn(new CaseNo(caseNo), Visit.Purpose.SIGNING, officer);
		}
		this.events.publishEvent(new BookingRecorded(caseNo, bookingId, booking.branch(), BookingRecorded.CHECKED_IN,
				booking.startsAt(), ticket.issuedAt()));
		return new Drawn(ticket, true);
	}

	/**
	 * 叫号: the next number waiting at the branch today, called to the window: at a window that signs appointments
	 * ({@link Branch#signingWindows}) appointment holders first, then walk-ins; at any other window walk-ins only. An
	 * appointment called keeps the window ({@link Booking#window}).
	 * @return the ticket called, or nothing if nobody is waiting
	 * @throws ProblemException 400 {@code no-such-window} for a window the branch does not have
	 */
	@Transactional
	public Optional<Ticket> callNext(String branchCode, Integer window, CurrentOfficer officer) {
		Branch branch = this.branches.get(branchCode);
		if (window == null || window < 1 || window > branch.windows()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "no-such-window", "problem.booking.no-such-window",
					branch.name(), branch.windows());
		}
		// a signing window calls appointment holders first; the others call walk-ins only
		Optional<Long> next = this.jdbc.sql("""
				select id from queue_ticket where branch = ? and day = ? and status = 'WAITING' and (? or kind = 'W')
				 order by case kind when 'Y' then 0 else 1 end, seq limit 1 for update skip locked""")
			.params(branch.code(), today(), branch.signs(window))
			.query(Long.class)
			.optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		Ticket called = this.jdbc.sql("""
				update queue_ticket set status = 'CALLED', window_no = ?, called_at = ?, called_by = ? where id = ?
				returning *""")
			.params(window, now(), officer.id(), next.get())
			.query(this::ticket)
			.single();
		// the appointment keeps the window it was signed at
		this.jdbc.sql("""
				update booking set window_no = ? where id = (select booking_id from queue_ticket where id = ?)""")
			.params(window, next.get())
			.update();
		return Optional.of(called);
	}

	/** The branch's queue today: the latest calls and who waits. @throws ProblemException 404 for no such branch */
	public QueueBoard board(String branchCode) {
		Branch branch = this.branches.get(branchCode);
		LocalDate today = today();
		List<QueueBoard.Call> calls = this.jdbc.sql("""
				select number, window_no, called_at from queue_ticket where branch = ? and day = ? and status = 'CALLED'
				 order by called_at desc, id desc limit ?""")
			.params(branch.code(), today, CALLS_SHOWN)
			.query((rs, row) -> new QueueBoard.Call(rs.getString("number"), rs.getInt("window_no"),
					inZone(rs.getObject("called_at", OffsetDateTime.class))))
			.list();
		List<String> waiting = this.jdbc.sql("""
				select number from queue_ticket where branch = ? and day = ? and status = 'WAITING'
				 order by case kind when 'Y' then 0 else 1 end, seq""")
			.params(branch.code(), today)
			.query(String.class)
			.list();
		return new QueueBoard(branch.code(), branch.name(), today, calls, waiting);
	}

	private Ticket issue(String branch, String kind, Long bookingId, CurrentOfficer officer) {
		LocalDate today = today();
		int seq = this.jdbc.sql("""
				insert into queue_counter (branch, day, kind, last_value) values (?, ?, ?, 1)
				on conflict (branch, day, kind) do update set last_value = queue_counter.last_value + 1
				returning last_value""")
			.params(branch, today, kind)
			.query(Integer.class)
			.single();
		if (seq > 999) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "queue-full", "problem.booking.queue-full");
		}
		return this.jdbc.sql("""
				insert into queue_ticket (branch, day, kind, seq, number, booking_id, status, issued_at, issued_by)
				values (?, ?, ?, ?, ?, ?, 'WAITING', ?, ?) returning *""")
			.params(branch, today, kind, seq, kind + "%03d".formatted(seq), bookingId, now(), officer.id())
			.query(this::ticket)
			.single();
	}

	private Ticket ticket(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getString("number"), rs.getString("branch"), rs.getObject("day", LocalDate.class),
				rs.getString("status"), rs.getObject("window_no", Integer.class),
				inZone(rs.getObject("issued_at", OffsetDateTime.class)),
				inZone(rs.getObject("called_at", OffsetDateTime.class)));
	}

	private OffsetDateTime inZone(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(this.calendar.zone()).toOffsetDateTime();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

}
