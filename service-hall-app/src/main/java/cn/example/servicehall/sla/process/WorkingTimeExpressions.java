package cn.example.servicehall.sla.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import cn.example.servicehall.calendar.CalendarYearMissing;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * Working time for the models' timers, instead of calendar-time ISO durations: a timer's date is
 * {@code ${workingTime.afterWorkingDays(5)}}, {@code ${workingTime.afterWorkingHours(2)}} or
 * {@code ${workingTime.afterWorkingMinutes(30)}}, counted from now on the working-day calendar and in office hours.
 * <p>
 * A timer whose working time runs into a year the calendar lacks waits without a due time ({@link #NO_DUE_TIME}; the
 * administrator is warned once), never on a guess and never failing the step; once the year is entered, the escalation
 * run ({@link #completeWaitingTimers}) sets its due date, counted from when the timer was set.
 */
@Component("workingTime")
public class WorkingTimeExpressions {

	/** The due date of a timer waiting for its year to be entered: so far ahead that it never fires. */
	public static final Instant NO_DUE_TIME = Instant.parse("9999-12-31T00:00:00Z");

	private static final Logger log = LoggerFactory.getLogger(WorkingTimeExpressions.class);

	/** When the timers being set again were set first (while {@link #completeWaitingTimers} runs). */
	private static final ThreadLocal<Instant> SET_AT = new ThreadLocal<>();

	private final WorkingCalendar calendar;

	private final Clock clock;

	WorkingTimeExpressions(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The close of office on the n-th working day after today. */
	public Date afterWorkingDays(int days) {
		return due(from -> this.calendar.dueAfterWorkingDays(from, days));
	}

	/** After so many hours of office time. */
	public Date afterWorkingHours(int hours) {
		return afterWorkingMinutes(hours * 60);
	}

	/** After so many minutes of office time. */
	public Date afterWorkingMinutes(int minutes) {
		return due(from -> this.calendar.addWorkingTime(from, Duration.ofMinutes(minutes)));
	}

	/**
	 * Sets the due dates of the timers that wait for a year of the calendar, each counted from when it was set; those
	 * whose year is still missing wait on.
	 * @return how many timers got their due dates
	 */
	int completeWaitingTimers(ManagementService management) {
		List<Job> waiting = management.createJobQuery()
			.timers()
			.duedateHigherThan(Date.from(NO_DUE_TIME.minusSeconds(1)))
			.list();
		int completed = 0;
		for (Job timer : waiting) {
			SET_AT.set(timer.getCreateTime().toInstant());
			try {
				management.recalculateJobDuedate(timer.getId(), false);
				Job again = management.createJobQuery().jobId(timer.getId()).singleResult();
				if (again != null && again.getDuedate().toInstant().isBefore(NO_DUE_TIME)) {
					completed++;
				}
			}
			catch (ProcessEngineException ex) {
				log.warn("The due date of timer job {} could not be set: {}", timer.getId(), ex.getMessage());
			}
			finally {
				SET_AT.remove();
			}
		}
		return completed;
	}

	private Date due(Function<Instant, ZonedDateTime> after) {
		Instant from = SET_AT.get() != null ? SET_AT.get() : Instant.now(this.clock);
		try {
			return Date.from(after.apply(from).toInstant());
		}
		catch (CalendarYearMissing ex) {
			this.calendar.warnMissing(ex);
			return Date.from(NO_DUE_TIME);
		}
	}

}
