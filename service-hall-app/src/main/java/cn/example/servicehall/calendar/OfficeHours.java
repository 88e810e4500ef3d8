package cn.example.servicehall.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The office hours of every working day: one or more periods, in order and not overlapping, such as 08:30–12:00 and
 * 13:30–17:30 with the lunch break (午休) between them. Working-hour time limits count only these.
 *
 * @param periods the periods of a working day, earliest first
 */
public record OfficeHours(List<OfficePeriod> periods) {

	/** The hall's default: 08:30–12:00 and 13:30–17:30. */
	public static final OfficeHours DEFAULT = of("08:30-12:00", "13:30-17:30");

	/** @throws IllegalArgumentException if there is no period, or the periods are out of order or overlap */
	public OfficeHours {
		if (periods == null || periods.isEmpty()) {
			throw new IllegalArgumentException(
					"至少需要一个办公时段，如 08:30-12:00。Office hours need at least one period, e.g. 08:30-12:00.");
		}
		periods.forEach(period -> Objects.requireNonNull(period, "an office period is missing"));
		periods = List.copyOf(periods);
		for (int i = 1; i < periods.size(); i++) {
			OfficePeriod before = periods.get(i - 1);
			OfficePeriod after = periods.get(i);
			if (after.opens().isBefore(before.closes())) {
				throw new IllegalArgumentException("办公时段须按时间先后排列且互不重叠：" + after + " 应在 " + before + " 结束之后开始。"
						+ " Office periods must be in order and must not overlap: " + after + " starts before " + before
						+ " ends.");
			}
		}
	}

	/** Office hours from their settings form, {@code "08:30-12:00", "13:30-17:30"}. */
	public static OfficeHours of(String... periods) {
		return new OfficeHours(Arrays.stream(periods).map(OfficePeriod::of).toList());
	}

	/** When the first period opens. */
	public LocalTime opening() {
		return this.periods.get(0).opens();
	}

	/** 下班: when the last period closes. */
	public LocalTime closing() {
		return this.periods.get(this.periods.size() - 1).closes();
	}

	/** The office time of one working day (7.5 hours by default). */
	public Duration perDay() {
		return this.periods.stream().map(OfficePeriod::length).reduce(Duration.ZERO, Duration::plus);
	}

	@Override
	public String toString() {
		return this.periods.toString();
	}

}
