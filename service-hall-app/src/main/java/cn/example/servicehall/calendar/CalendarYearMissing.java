package cn.example.servicehall.calendar;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * A working-day question about a year whose statutory holidays and make-up working days have not been entered: the
 * hall cannot know which of its days are worked, and will not guess from the weekdays. An administrator enters the
 * year from the State Council's notice ({@code PUT /api/sla/calendar/{year}}), then the question can be asked again.
 * Answered 409 with the year as the problem's {@code year} property.
 */
public class CalendarYearMissing extends ProblemException {

	private final int year;

	public CalendarYearMissing(int year) {
		super(HttpStatus.CONFLICT, "calendar-year-missing", HallMessages.problem("problem.calendar.year-missing", year));
		this.year = year;
		getBody().setProperty("year", year);
	}

	/** The year without data. */
	public int year() {
		return this.year;
	}

}
