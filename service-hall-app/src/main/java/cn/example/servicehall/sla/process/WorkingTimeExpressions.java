package cn.example.servicehall.sla.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.example.servicehall.sla.WorkingCalendar;

/**
 * Working time for the models' timers, instead of calendar-time ISO durations: a timer's date is
 * {@code ${workingTime.afterWorkingDays(5)}}, {@code ${workingTime.afterWorkingHours(2)}} or
 * {@code ${workingTime.afterWorkingMinutes(30)}}, counted from now on the working-day calendar and in office hours.
 * A year missing from the calendar fails the step (an incident the administrator sees), never a guess.
 */
@Component("workingTime")
public class WorkingTimeExpressions {

	private final WorkingCalendar calendar;

	private final Clock clock;

	WorkingTimeExpressions(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The close of office on the n-th working day after today. */
	public Date afterWorkingDays(int days) {
		return Date.from(this.calendar.dueAfterWorkingDays(Instant.now(this.clock), days).toInstant());
	}

	/** After so many hours of office time. */
	public Date afterWorkingHours(int hours) {
		return afterWorkingMinutes(hours * 60);
	}

	/** After so many minutes of office time. */
	public Date afterWorkingMinutes(int minutes) {
		return Date.from(this.calendar.addWorkingTime(Instant.now(this.clock), Duration.ofMinutes(minutes)).toInstant());
	}

}
