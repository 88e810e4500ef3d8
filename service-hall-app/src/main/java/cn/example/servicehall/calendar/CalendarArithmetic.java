package cn.example.servicehall.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The arithmetic of working days and office hours, in plain Java: no Spring, no database. Given the calendar years it
 * may need (asked for one at a time) and the office hours, it counts as Chinese law counts periods: the day a period
 * starts is not counted (开始的当日不计入). A day in a year without data is an error ({@link CalendarYearMissing}),
 * never a weekday guess. Times are taken in the hall's time zone and answered in it.
 */
final class CalendarArithmetic {

	private final IntFunction<Optional<CalendarYear>> years;

	private final OfficeHours hours;

	private final ZoneId zone;

	/**
	 * @param years the calendar of a year, or empty if the year has no data
	 * @param hours the office hours of every working day
	 * @param zone the hall's time zone, in which the office hours are read
	 */
	CalendarArithmetic(IntFunction<Optional<CalendarYear>> years, OfficeHours hours, ZoneId zone) {
		this.years = Objects.requireNonNull(years, "years");
		this.hours = Objects.requireNonNull(hours, "hours");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/** Arithmetic over exactly these years; any other is missing. */
	static CalendarArithmetic of(Collection<CalendarYear> years, OfficeHours hours, ZoneId zone) {
		Map<Integer, CalendarYear> byYear = years.stream()
			.collect(Collectors.toUnmodifiableMap(CalendarYear::year, Function.identity()));
		return new CalendarArithmetic(year -> Optional.ofNullable(byYear.get(year)), hours, zone);
	}

	ZoneId zone() {
		return this.zone;
	}

	OfficeHours hours() {
		return this.hours;
	}

	/** A make-up working day, or Monday to Friday and not an off day. */
	boolean isWorkingDay(LocalDate day) {
		Objects.requireNonNull(day, "day");
		return this.years.apply(day.getYear())
			.orElseThrow(() -> new CalendarYearMissing(day.getYear()))
			.isWorkingDay(day);
	}

	/**
	 * The {@code n}-th working day after {@code from}, which is not counted itself; for {@code n = 0}, {@code from} if
	 * it is a working day, else the next working day.
	 */
	LocalDate addWorkingDays(LocalDate from, int n) {
		Objects.requireNonNull(from, "from");
		if (n < 0) {
			throw new IllegalArgumentException("The number of working days to add must not be negative: " + n);
		}
		LocalDate day = from;
		if (n == 0) {
			while (!isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			return day;
		}
		for (int left = n; left > 0;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * The working days after {@code fromExclusive} up to and including {@code toInclusive}; negative, by the same
	 * count, when {@code toInclusive} is the earlier day (how many working days overdue).
	 */
	int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		Objects.requireNonNull(fromExclusive, "fromExclusive");
		Objects.requireNonNull(toInclusive, "toInclusive");
		if (toInclusive.isBefore(fromExclusive)) {
			return -workingDaysBetween(toInclusive, fromExclusive);
		}
		int count = 0;
		for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The office time between two instants: only the office periods of working days count. Negative, by the same
	 * amount, when {@code b} is before {@code a}. Only days on which the two overlap office hours are looked up.
	 */
	Duration workingTimeBetween(ZonedDateTime a, ZonedDateTime b) {
		ZonedDateTime start = inZone(a, "a");
		ZonedDateTime end = inZone(b, "b");
		if (end.isBefore(start)) {
			return workingTimeBetween(end, start).negated();
		}
		Duration total = Duration.ZERO;
		for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
			if (!opensAt(day).isBefore(end) || !closesAt(day).isAfter(start) || !isWorkingDay(day)) {
				continue;
			}
			for (OfficePeriod period : this.hours.periods()) {
				ZonedDateTime from = latest(start, at(day, period.opens()));
				ZonedDateTime to = earliest(end, at(day, period.closes()));
				if (from.isBefore(to)) {
					total = total.plus(Duration.between(from, to));
				}
			}
		}
		return total;
	}

	/**
	 * When {@code d} of office time has passed since {@code from}. Counting starts at {@code from} if it is within
	 * office hours (a period's start and end included), else at the next opening; so {@code d = 0} answers that
	 * start. A result exactly at a period's end stays there (12:00, 17:30), not at the next opening.
	 */
	ZonedDateTime addWorkingTime(ZonedDateTime from, Duration d) {
		ZonedDateTime cursor = inZone(from, "from");
		Objects.requireNonNull(d, "d");
		if (d.isNegative()) {
			throw new IllegalArgumentException("The working time to add must not be negative: " + d);
		}
		Duration left = d;
		for (LocalDate day = cursor.toLocalDate();; day = day.plusDays(1)) {
			if (closesAt(day).isBefore(cursor) || !isWorkingDay(day)) {
				continue;
			}
			for (OfficePeriod period : this.hours.periods()) {
				ZonedDateTime closes = at(day, period.closes());
				if (closes.isBefore(cursor)) {
					continue;
				}
				ZonedDateTime start = latest(cursor, at(day, period.opens()));
				Duration available = Duration.between(start, closes);
				if (left.compareTo(available) <= 0) {
					return start.plus(left);
				}
				left = left.minus(available);
			}
		}
	}

	/**
	 * 下班时间: when the last office period of a working day closes.
	 * @throws IllegalArgumentException if the day is not a working day
	 */
	ZonedDateTime closeOfBusiness(LocalDate workingDay) {
		if (!isWorkingDay(workingDay)) {
			throw new IllegalArgumentException(workingDay + " is not a working day");
		}
		return closesAt(workingDay);
	}

	/** Close of business on the {@code n}-th working day after the day of {@code start} (in the hall's zone). */
	ZonedDateTime dueAfterWorkingDays(ZonedDateTime start, int n) {
		return closeOfBusiness(addWorkingDays(inZone(start, "start").toLocalDate(), n));
	}

	private ZonedDateTime inZone(ZonedDateTime time, String name) {
		return Objects.requireNonNull(time, name).withZoneSameInstant(this.zone);
	}

	private ZonedDateTime at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(this.zone);
	}

	private ZonedDateTime opensAt(LocalDate day) {
		return at(day, this.hours.opening());
	}

	private ZonedDateTime closesAt(LocalDate day) {
		return at(day, this.hours.closing());
	}

	private static ZonedDateTime latest(ZonedDateTime a, ZonedDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static ZonedDateTime earliest(ZonedDateTime a, ZonedDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
