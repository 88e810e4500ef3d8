package cn.example.servicehall.calendar;

import java.time.LocalDate;

/**
 * One line of a year's calendar: a day that differs from the weekday rule, as the State Council's notice lists it.
 * Checked when a year is built from such lines ({@link CalendarYear}), not here, so that an administrator's entry with
 * mistakes can be answered line by line.
 *
 * @param date the day
 * @param kind {@link DayKind#OFF} (放假) or {@link DayKind#MAKEUP} (调休上班)
 * @param name the holiday it belongs to: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

	/** An off day (放假) of the named holiday. */
	public static CalendarDay off(LocalDate date, String name) {
		return new CalendarDay(date, DayKind.OFF, name);
	}

	/** A make-up working day (调休上班) for the named holiday. */
	public static CalendarDay makeUp(LocalDate date, String name) {
		return new CalendarDay(date, DayKind.MAKEUP, name);
	}

}
