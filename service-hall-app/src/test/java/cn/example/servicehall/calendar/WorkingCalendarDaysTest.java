package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.StatutoryHolidays.Y2025;
import static cn.example.servicehall.calendar.StatutoryHolidays.Y2026;
import static cn.example.servicehall.calendar.StatutoryHolidays.arithmetic;
import static cn.example.servicehall.calendar.StatutoryHolidays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;

/**
 * Working days over the State Council's arrangements for 2025 and 2026 (domain.md §9), each expectation worked out by
 * hand from the notice: the day a period starts is not counted (开始的当日不计入), make-up days on weekends count, and
 * 2027, not yet entered, is an error rather than a weekday guess.
 */
class WorkingCalendarDaysTest {

	private final CalendarArithmetic calendar = arithmetic();

	@Test
	@DisplayName("2025 年和 2026 年各有 248 个工作日")
	void countsTwoHundredFortyEightWorkingDaysIn2025AndIn2026() {
		assertThat(workingDaysIn(2025)).isEqualTo(248);
		assertThat(workingDaysIn(2026)).isEqualTo(248);
		// the same through the range count: (2024-12-31, 2025-12-31] needs nothing of 2024, the day not counted
		assertThat(this.calendar.workingDaysBetween(day("2024-12-31"), day("2025-12-31"))).isEqualTo(248);
		assertThat(this.calendar.workingDaysBetween(day("2025-12-31"), day("2026-12-31"))).isEqualTo(248);
	}

	@Test
	void agreesWithTheDerivationOfSection93() {
		// 2025: 261 weekdays − 18 holidays on weekdays + 5 make-up days; 2026: 261 − 19 + 6
		assertThat(weekdaysIn(2025)).isEqualTo(261);
		assertThat(weekdaysIn(2026)).isEqualTo(261);
		assertThat(offOnWeekdays(Y2025)).isEqualTo(18);
		assertThat(offOnWeekdays(Y2026)).isEqualTo(19);
		assertThat(Y2025.makeUpDays()).isEqualTo(5);
		assertThat(Y2026.makeUpDays()).isEqualTo(6);
	}

	@ParameterizedTest(name = "{0} is a working day: {1}")
	@CsvSource({
			// a make-up Saturday and Sunday work; a weekday inside a holiday does not
			"2026-02-14, true", // Sat, 春节 make-up
			"2026-02-28, true", // Sat, 春节 make-up
			"2026-01-04, true", // Sun, 元旦 make-up
			"2025-09-28, true", // Sun, 国庆 make-up
			"2025-10-11, true", // Sat, 国庆 make-up
			"2026-02-16, false", // Mon, 春节
			"2026-02-23, false", // Mon, last day of 春节
			"2025-10-08, false", // Wed, last day of 国庆节、中秋节
			"2026-02-24, true", // Tue, first working day after 春节
			"2026-03-07, false", // an ordinary Saturday
			"2026-03-09, true", // an ordinary Monday
	})
	void tellsWorkingDaysFromDaysOff(LocalDate day, boolean working) {
		assertThat(this.calendar.isWorkingDay(day)).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// Spring Festival 2026: off 02-15 (Sun) to 02-23 (Mon), make-up 02-14 (Sat) and 02-28 (Sat)
			"2026-02-13, 1, 2026-02-14", // Fri → the make-up Saturday
			"2026-02-14, 1, 2026-02-24", // make-up Sat → over nine days off to Tue
			"2026-02-13, 2, 2026-02-24",
			"2026-02-13, 3, 2026-02-25",
			"2026-02-27, 1, 2026-02-28", // Fri → the make-up Saturday
			"2026-02-28, 1, 2026-03-02", // make-up Sat → over Sunday to Mon
			"2026-02-18, 1, 2026-02-24", // from inside the holiday
			// National Day 2025: off 10-01 (Wed) to 10-08 (Wed), make-up 09-28 (Sun) and 10-11 (Sat)
			"2025-09-26, 1, 2025-09-28", // Fri → over the ordinary Saturday to the make-up Sunday
			"2025-09-30, 1, 2025-10-09", // Tue → over eight days off to Thu
			"2025-10-10, 1, 2025-10-11", // Fri → the make-up Saturday
			"2025-10-11, 1, 2025-10-13", // make-up Sat → Mon
			// Spring Festival 2025: off 01-28 (Tue, 除夕) to 02-04 (Tue), make-up 01-26 (Sun) and 02-08 (Sat)
			"2025-01-24, 1, 2025-01-26", // Fri → the make-up Sunday
			"2025-01-27, 1, 2025-02-05", // Mon → Wed after the holiday
			// across the turn of the year: 2026-01-01 to 01-03 off, 01-04 (Sun) a make-up day
			"2025-12-31, 1, 2026-01-04",
			"2024-12-31, 1, 2025-01-02", // the day not counted, so 2024 need not be known
			// ten working days over Labour Day 2026 (off 05-01 to 05-05, make-up 05-09 Sat):
			// 04-30, 05-06, 05-07, 05-08, 05-09, 05-11, 05-12, 05-13, 05-14, 05-15
			"2026-04-29, 10, 2026-05-15",
	})
	void addsWorkingDaysNotCountingTheFirstDay(LocalDate from, int n, LocalDate expected) {
		assertThat(this.calendar.addWorkingDays(from, n)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} + 0 working days = {1}")
	@CsvSource({ "2026-02-13, 2026-02-13", // a working day is its own answer
			"2026-02-14, 2026-02-14", // so is a make-up Saturday
			"2026-02-15, 2026-02-24", // a holiday moves to the next working day
			"2026-02-21, 2026-02-24", // a Saturday inside the holiday too
			"2026-03-07, 2026-03-09", // an ordinary Saturday to Monday
	})
	void addsZeroWorkingDaysAsTheDayItselfOrTheNextWorkingDay(LocalDate from, LocalDate expected) {
		assertThat(this.calendar.addWorkingDays(from, 0)).isEqualTo(expected);
	}

	@Test
	void countsWorkingDaysBetweenTwoDays() {
		// (02-13, 02-24]: 02-14 and 02-24
		assertThat(this.calendar.workingDaysBetween(day("2026-02-13"), day("2026-02-24"))).isEqualTo(2);
		// (09-30, 10-11] in 2025: 10-09, 10-10 and the make-up Saturday 10-11
		assertThat(this.calendar.workingDaysBetween(day("2025-09-30"), day("2025-10-11"))).isEqualTo(3);
		// nothing between a day and itself; inside the holiday nothing either
		assertThat(this.calendar.workingDaysBetween(day("2026-02-13"), day("2026-02-13"))).isZero();
		assertThat(this.calendar.workingDaysBetween(day("2026-02-14"), day("2026-02-23"))).isZero();
		// the other way round: two working days overdue
		assertThat(this.calendar.workingDaysBetween(day("2026-02-24"), day("2026-02-13"))).isEqualTo(-2);
	}

	@Test
	void countingBackTheWorkingDaysAddedGivesTheSameNumber() {
		for (LocalDate from = day("2025-01-01"); from.isBefore(day("2026-11-01")); from = from.plusDays(1)) {
			for (int n = 0; n <= 30; n++) {
				LocalDate to = this.calendar.addWorkingDays(from, n);
				int counted = this.calendar.workingDaysBetween(from, to);
				assertThat(counted).as(from + " + " + n + " = " + to)
					.isEqualTo(n == 0 && !this.calendar.isWorkingDay(from) ? 1 : n);
			}
		}
	}

	@Test
	void refusesANegativeNumberOfWorkingDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(day("2026-03-02"), -1))
			.withMessage("The number of working days to add must not be negative: -1");
	}

	@Test
	@DisplayName("2027 年尚未录入：询问 2027 年的日子是错误，而不是按星期猜")
	void aDayOf2027IsAnErrorNotAWeekdayGuess() {
		assertThatThrownBy(() -> this.calendar.isWorkingDay(day("2027-01-04"))).isInstanceOfSatisfying(
				CalendarYearMissing.class, missing -> {
					assertThat(missing.year()).isEqualTo(2027);
					assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
					assertThat(missing.getBody().getType()).hasToString("/problems/calendar-year-missing");
					assertThat(missing.getBody().getTitle()).isEqualTo("工作日历缺少年份");
					assertThat(missing.getBody().getDetail()).startsWith(
							"2027 年的法定节假日和调休安排尚未录入工作日历，请系统管理员按国务院办公厅通知录入后再试。")
						.contains("The statutory holidays and make-up working days of 2027 are not in the working-day calendar");
					assertThat(missing.getBody().getProperties()).containsEntry("year", 2027);
				});
	}

	@Test
	void arithmeticThatRunsInto2027IsAnError() {
		// 2026-12-31 (Thu) + 1: the next day is in 2027
		assertThatThrownBy(() -> this.calendar.addWorkingDays(day("2026-12-31"), 1))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		assertThatThrownBy(() -> this.calendar.workingDaysBetween(day("2026-12-01"), day("2027-01-05")))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		// a day of 2024 itself is as unknown
		assertThatThrownBy(() -> this.calendar.addWorkingDays(day("2024-12-31"), 0))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2024));
		// up to the last day of 2026 all is known: 12-30 (Wed) + 1 = 12-31 (Thu), and 12-31 + 0 is itself
		assertThat(this.calendar.addWorkingDays(day("2026-12-30"), 1)).isEqualTo(day("2026-12-31"));
		assertThat(this.calendar.addWorkingDays(day("2026-12-31"), 0)).isEqualTo(day("2026-12-31"));
	}

	private int workingDaysIn(int year) {
		int working = 0;
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			if (this.calendar.isWorkingDay(day)) {
				working++;
			}
		}
		return working;
	}

	private static long weekdaysIn(int year) {
		return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(d -> !weekend(d)).count();
	}

	private static long offOnWeekdays(CalendarYear year) {
		return year.days().stream().filter(d -> d.kind() == DayKind.OFF && !weekend(d.date())).count();
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
