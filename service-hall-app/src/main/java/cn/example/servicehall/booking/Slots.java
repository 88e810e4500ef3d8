package cn.example.servicehall.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.example.servicehall.calendar.OfficePeriod;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The slots of a branch: each office period of each working day (from the working-day calendar: never on a holiday,
 * on make-up working days too; never in the lunch break) cut into the branch's slot length, a slot that would run
 * past the period's end left out. Free seats come from the slots booked so far ({@code booking_slot}).
 */
@Service
public class Slots {

	/** The longest range one request may ask for. */
	public static final int MAX_DAYS = 62;

	private final WorkingCalendar calendar;

	private final Branches branches;

	private final JdbcClient jdbc;

	private final Clock clock;

	Slots(WorkingCalendar calendar, Branches branches, JdbcClient jdbc, Clock clock) {
		this.calendar = calendar;
		this.branches = branches;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The branch's slots from one day to another, both included, earliest first.
	 * @throws ProblemException 400 {@code invalid-date-range} if {@code to} is before {@code from} or the range is
	 * longer than {@link #MAX_DAYS}; 404 if there is no such branch; {@code CalendarYearMissing} (409) if the range
	 * reaches a year without calendar data
	 */
	public List<Slot> between(String branchCode, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-date-range", "problem.booking.invalid-date-range",
					MAX_DAYS);
		}
		Branch branch = this.branches.get(branchCode);
		Map<OffsetDateTime, Integer> booked = booked(branch.code(), start(from), start(to.plusDays(1)));
		LocalDate today = LocalDate.now(this.clock);
		List<Slot> slots = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (Slot slot : slotsOf(branch, day)) {
				int taken = booked.getOrDefault(slot.startsAt().toInstant().atZone(zone()).toOffsetDateTime(), 0);
				int available = Math.max(0, slot.capacity() - taken);
				slots.add(new Slot(slot.branch(), slot.date(), slot.startsAt(), slot.endsAt(), slot.capacity(), available,
						available > 0 && day.isAfter(today)));
			}
		}
		return slots;
	}

	/** The slot of the branch that starts at this moment, if there is one (a working day, within office hours). */
	Optional<Slot> at(Branch branch, OffsetDateTime startsAt) {
		LocalDate day = startsAt.atZoneSameInstant(zone()).toLocalDate();
		return slotsOf(branch, day).stream().filter(slot -> slot.startsAt().isEqual(startsAt)).findFirst();
	}

	private List<Slot> slotsOf(Branch branch, LocalDate day) {
		if (!this.calendar.isWorkingDay(day)) {
			return List.of();
		}
		List<Slot> slots = new ArrayList<>();
		for (OfficePeriod period : this.calendar.officeHours().periods()) {
			LocalTime opens = period.opens();
			while (!opens.plusMinutes(branch.slotMinutes()).isAfter(period.closes())
					&& opens.plusMinutes(branch.slotMinutes()).isAfter(opens)) {
				LocalTime closes = opens.plusMinutes(branch.slotMinutes());
				slots.add(new Slot(branch.code(), day, day.atTime(opens).atZone(zone()).toOffsetDateTime(),
						day.atTime(closes).atZone(zone()).toOffsetDateTime(), branch.capacityPerSlot(),
						branch.capacityPerSlot(), true));
				opens = closes;
			}
		}
		return slots;
	}

	private Map<OffsetDateTime, Integer> booked(String branch, OffsetDateTime from, OffsetDateTime until) {
		Map<OffsetDateTime, Integer> booked = new HashMap<>();
		this.jdbc.sql("select starts_at, booked from booking_slot where branch = ? and starts_at >= ? and starts_at < ?")
			.params(branch, from, until)
			.query((rs, row) -> Map.entry(rs.getObject("starts_at", OffsetDateTime.class), rs.getInt("booked")))
			.list()
			.forEach(entry -> booked.put(entry.getKey().toInstant().atZone(zone()).toOffsetDateTime(), entry.getValue()));
		return booked;
	}

	private OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(zone()).toOffsetDateTime();
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

}
