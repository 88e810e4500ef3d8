package cn.example.servicehall.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.calendar.CalendarYearMissing;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * 预约提醒: a text to the citizen on the working day before their appointment (a make-up working day counts; a
 * weekend or holiday does not), or at once if the booking was made after that day began. Sent exactly once per
 * booking however often and on however many nodes the tick runs: the booking's row is marked sent
 * ({@code reminder_sent_at}, set only where it is still empty) in the same transaction as the gateway is asked, and
 * the gateway itself sends once per message id ({@code BOOKING-<id>:REMINDER}). A gateway that fails rolls the mark
 * back: the next tick tries again. A moved booking is reminded again for its new slot.
 */
@Service
public class BookingReminders {

	/** How far ahead the tick looks: no working day is more than this many days before the next. */
	private static final int HORIZON_DAYS = 20;

	private static final Logger log = LoggerFactory.getLogger(BookingReminders.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WorkingCalendar calendar;

	private final NotificationGateway sms;

	private final Clock clock;

	BookingReminders(JdbcClient jdbc, TransactionTemplate transactions, WorkingCalendar calendar, NotificationGateway sms,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.calendar = calendar;
		this.sms = sms;
		this.clock = clock;
	}

	/**
	 * Sends the reminders that are due now.
	 * @return how many this call sent
	 */
	public int sendDue() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		LocalDate today = LocalDate.now(this.clock);
		List<Due> candidates = this.jdbc.sql("""
				select id, slot_starts_at from booking
				 where status = 'BOOKED' and reminder_sent_at is null and slot_starts_at > ? and slot_starts_at < ?
				 order by slot_starts_at, id""")
			.params(now, today.plusDays(HORIZON_DAYS).atStartOfDay(this.calendar.zone()).toOffsetDateTime())
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getObject("slot_starts_at", OffsetDateTime.class)))
			.list();
		int sent = 0;
		for (Due due : candidates) {
			LocalDate day = due.startsAt().atZoneSameInstant(this.calendar.zone()).toLocalDate();
			try {
				if (!today.isBefore(workingDayBefore(day)) && remind(due.id())) {
					sent++;
				}
			}
			catch (CalendarYearMissing missing) {
				this.calendar.warnMissing(missing);
			}
			catch (RuntimeException ex) {
				log.warn("The reminder of booking {} was not sent; the next tick tries again: {}", due.id(), ex.toString());
			}
		}
		return sent;
	}

	/** The last working day before the day (which may be a make-up Saturday). */
	LocalDate workingDayBefore(LocalDate day) {
		LocalDate before = day.minusDays(1);
		for (int i = 0; i < HORIZON_DAYS && !this.calendar.isWorkingDay(before); i++) {
			before = before.minusDays(1);
		}
		return before;
	}

	private boolean remind(long id) {
		Boolean sent = this.transactions.execute(status -> {
			OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
			List<Reminder> claimed = this.jdbc.sql("""
					update booking b set reminder_sent_at = ?
					  from booking_branch br
					 where b.id = ? and b.reminder_sent_at is null and b.status = 'BOOKED' and br.code = b.branch
					returning b.case_no, b.phone_number, b.slot_starts_at, br.name, br.address""")
				.params(now, id)
				.query((rs, row) -> new Reminder(rs.getString("case_no"), rs.getString("phone_number"),
						rs.getObject("slot_starts_at", OffsetDateTime.class), rs.getString("name"),
						rs.getString("address")))
				.list();
			if (claimed.isEmpty()) {
				return false;
			}
			Reminder reminder = claimed.get(0);
			String text = "【住房公积金】您预约的面签时间为 "
					+ BookingTexts.show(reminder.startsAt().atZoneSameInstant(this.calendar.zone())) + "，地点："
					+ reminder.branchName() + "（" + reminder.address() + "），办件编号 " + reminder.caseNo()
					+ "。请携带身份证原件提前到场取号。";
			this.sms.send(new NotificationGateway.Message("BOOKING-" + id + ":REMINDER:"
					+ reminder.startsAt().toInstant().getEpochSecond(), reminder.caseNo(), reminder.phoneNumber(), text));
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

	private record Due(long id, OffsetDateTime startsAt) {
	}

	private record Reminder(String caseNo, String phoneNumber, OffsetDateTime startsAt, String branchName,
			String address) {
	}

}
