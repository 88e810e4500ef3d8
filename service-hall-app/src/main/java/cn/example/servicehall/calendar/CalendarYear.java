package cn.example.servicehall.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One year of the working-day calendar (工作日历): the off days (放假) and make-up working days (调休上班) of the State
 * Council's notice for that year, and who entered them from which notice. Every other day of the year follows the
 * weekday: Monday to Friday are working days, Saturday and Sunday are not. A value: built only from a sensible entry
 * (every day inside the year, none twice, make-up days on weekends, each named), immutable, compared by content.
 */
public final class CalendarYear {

	private final int year;

	private final String source;

	private final String enteredBy;

	private final Instant enteredAt;

	private final List<CalendarDay> days;

	private final Map<LocalDate, CalendarDay> byDate;

	/**
	 * @param year the calendar year
	 * @param source the notice: title and URL (国务院办公厅关于 XXXX 年部分节假日安排的通知)
	 * @param enteredBy who entered it: an administrator's user id, {@code system} for the seeded years
	 * @param enteredAt when
	 * @param days the year's off days and make-up working days, in any order
	 * @throws IllegalArgumentException if the entry is not sensible, with every mistake in the message
	 */
	public CalendarYear(int year, String source, String enteredBy, Instant enteredAt, List<CalendarDay> days) {
		List<CalendarEntryCheck.Problem> problems = CalendarEntryCheck.problems(year, source, days);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Calendar " + year + " is not sensible: " + problems.stream()
				.map(CalendarEntryCheck.Problem::message)
				.collect(Collectors.joining(" ")));
		}
		if (enteredBy == null || enteredBy.isBlank()) {
			throw new IllegalArgumentException("Calendar " + year + ": who entered it is missing");
		}
		this.year = year;
		this.source = source.strip();
		this.enteredBy = enteredBy;
		this.enteredAt = Objects.requireNonNull(enteredAt, "enteredAt");
		this.days = days.stream()
			.map(day -> new CalendarDay(day.date(), day.kind(), day.name().strip()))
			.sorted(Comparator.comparing(CalendarDay::date))
			.toList();
		this.byDate = this.days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()));
	}

	public int year() {
		return this.year;
	}

	public String source() {
		return this.source;
	}

	public String enteredBy() {
		return this.enteredBy;
	}

	public Instant enteredAt() {
		return this.enteredAt;
	}

	/** The off days and make-up working days, by date. */
	public List<CalendarDay> days() {
		return this.days;
	}

	/** The entry for a day of this year, if the notice names it. */
	public Optional<CalendarDay> entryFor(LocalDate date) {
		requireInYear(date);
		return Optional.ofNullable(this.byDate.get(date));
	}

	/**
	 * 工作日: a make-up working day, or Monday to Friday and not an off day.
	 * @throws IllegalArgumentException if the day is not in this year
	 */
	public boolean isWorkingDay(LocalDate date) {
		requireInYear(date);
		CalendarDay entry = this.byDate.get(date);
		if (entry != null) {
			return entry.kind() == DayKind.MAKEUP;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** How many off days (放假) the notice gives, weekends inside a holiday included. */
	public int offDays() {
		return count(DayKind.OFF);
	}

	/** How many make-up working days (调休上班) the notice sets. */
	public int makeUpDays() {
		return count(DayKind.MAKEUP);
	}

	/** How many working days the year has (248 in 2025 and in 2026). */
	public int workingDays() {
		int working = 0;
		for (LocalDate date = LocalDate.of(this.year, 1, 1); date.getYear() == this.year; date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				working++;
			}
		}
		return working;
	}

	private int count(DayKind kind) {
		return (int) this.days.stream().filter(day -> day.kind() == kind).count();
	}

	private void requireInYear(LocalDate date) {
		if (date.getYear() != this.year) {
			throw new IllegalArgumentException(date + " is not in the calendar year " + this.year);
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof CalendarYear that && this.year == that.year
				&& this.source.equals(that.source) && this.enteredBy.equals(that.enteredBy)
				&& this.enteredAt.equals(that.enteredAt) && this.days.equals(that.days);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.year, this.source, this.enteredBy, this.enteredAt, this.days);
	}

	@Override
	public String toString() {
		return "CalendarYear[" + this.year + ", " + offDays() + " off, " + makeUpDays() + " make-up, entered by "
				+ this.enteredBy + " at " + this.enteredAt + "]";
	}

}
