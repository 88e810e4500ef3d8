package cn.example.servicehall.calendar;

import org.springframework.http.HttpStatus;

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
		super(HttpStatus.CONFLICT, "calendar-year-missing", "工作日历缺少年份",
				year + " 年的法定节假日和调休安排尚未录入工作日历，请系统管理员按国务院办公厅通知录入后再试。"
						+ " The statutory holidays and make-up working days of " + year
						+ " are not in the working-day calendar yet; a system administrator must enter them from the"
						+ " State Council's notice before working days in " + year + " can be counted.");
		this.year = year;
		getBody().setProperty("year", year);
	}

	/** The year without data. */
	public int year() {
		return this.year;
	}

}
