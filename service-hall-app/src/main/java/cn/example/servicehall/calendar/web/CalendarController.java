package cn.example.servicehall.calendar.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.calendar.CalendarDay;
import cn.example.servicehall.calendar.CalendarYear;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * 工作日历 over the API: every member of staff reads which years the calendar holds and their days; a system
 * administrator enters a year from the State Council's notice (国务院办公厅关于 XXXX 年部分节假日安排的通知), usually
 * published in November for the year after.
 */
@RestController
@RequestMapping("/api/sla/calendar")
@Tag(name = "Working-day calendar", description = "工作日历: statutory holidays and make-up working days per year")
class CalendarController {

	private final WorkingCalendar calendar;

	CalendarController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * A year the calendar holds.
	 * @param year the year
	 * @param source the notice it was entered from
	 * @param enteredBy who entered it ({@code system} for the seeded years)
	 * @param enteredAt when, in the hall's zone
	 * @param offDays 放假 days
	 * @param makeUpDays 调休上班 days
	 * @param workingDays working days of the year
	 */
	record YearSummary(int year, String source, String enteredBy, OffsetDateTime enteredAt, int offDays, int makeUpDays,
			int workingDays) {
	}

	/**
	 * A year with its days, in the shape {@code PUT} takes them.
	 * @param year the year
	 * @param source the notice it was entered from
	 * @param enteredBy who entered it
	 * @param enteredAt when, in the hall's zone
	 * @param offDays 放假 days
	 * @param makeUpDays 调休上班 days
	 * @param workingDays working days of the year
	 * @param days the off days and make-up working days, by date
	 */
	record YearDetail(int year, String source, String enteredBy, OffsetDateTime enteredAt, int offDays, int makeUpDays,
			int workingDays, List<CalendarDay> days) {
	}

	/**
	 * A year as an administrator enters it.
	 * @param source the notice: its title and URL
	 * @param days every off day ({@code OFF}) and make-up working day ({@code MAKEUP}) of the notice, each with the
	 * holiday's name
	 */
	record YearEntry(String source, List<CalendarDay> days) {
	}

	@GetMapping
	@Operation(summary = "The years the working-day calendar holds, with their source and counts")
	List<YearSummary> years() {
		return this.calendar.years().stream().map(this::summary).toList();
	}

	@GetMapping("/{year}")
	@Operation(summary = "A year's off days and make-up working days (404 if the year has not been entered)")
	YearDetail year(@PathVariable int year) {
		return this.calendar.year(year).map(this::detail).orElseThrow(() -> notEntered(year));
	}

	@PutMapping("/{year}")
	@Operation(summary = "Enter or replace a year from the State Council's notice (system administrators)")
	YearDetail replace(@PathVariable int year, @RequestBody YearEntry entry, CurrentOfficer officer) {
		return detail(this.calendar.replaceYear(year, entry.source(), entry.days(), officer));
	}

	private YearSummary summary(CalendarYear year) {
		return new YearSummary(year.year(), year.source(), year.enteredBy(), enteredAt(year), year.offDays(),
				year.makeUpDays(), year.workingDays());
	}

	private YearDetail detail(CalendarYear year) {
		return new YearDetail(year.year(), year.source(), year.enteredBy(), enteredAt(year), year.offDays(),
				year.makeUpDays(), year.workingDays(), year.days());
	}

	private OffsetDateTime enteredAt(CalendarYear year) {
		ZoneId zone = this.calendar.zone();
		return OffsetDateTime.ofInstant(year.enteredAt(), zone);
	}

	private static ProblemException notEntered(int year) {
		return ProblemException.refusal(HttpStatus.NOT_FOUND, "calendar-year-not-entered",
				"problem.calendar.year-not-entered", year);
	}

}
