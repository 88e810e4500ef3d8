package cn.example.servicehall.workbench;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 录入工作日历: a year, the notice it comes from and its days as lines ({@link CalendarLines}). Whether they make a
 * sensible year is the calendar's to say; the form only takes them in.
 */
class CalendarForm {

	/** Enough for every day of a year, each with a long holiday name. */
	static final int MAX_TEXT = 20_000;

	@NotNull(message = "{workbench.calendar.year.required}")
	private Integer year;

	private String source;

	@Size(max = MAX_TEXT, message = "{workbench.calendar.days.too-long}")
	private String days;

	public Integer getYear() {
		return this.year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getDays() {
		return this.days;
	}

	public void setDays(String days) {
		this.days = days;
	}

}
