package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.StatutoryHolidays.SHANGHAI;
import static cn.example.servicehall.calendar.StatutoryHolidays.Y2025;
import static cn.example.servicehall.calendar.StatutoryHolidays.Y2026;
import static cn.example.servicehall.calendar.StatutoryHolidays.arithmetic;
import static cn.example.servicehall.calendar.StatutoryHolidays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working time in office hours (08:30–12:00 and 13:30–17:30, 7.5 hours a working day) over the 2025 and 2026
 * calendars, in the hall's zone, Asia/Shanghai. 2026-03-02 is a Monday of an ordinary week; every expectation is
 * worked out by hand in its comment.
 */
class WorkingCalendarTimeTest {

	private final CalendarArithmetic calendar = arithmetic();

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({
			// across the lunch break: 11:00–12:00 and 13:30–14:00
			"2026-03-02T11:00, 2026-03-02T14:00, PT1H30M",
			// inside the lunch break nothing counts
			"2026-03-02T12:10, 2026-03-02T13:20, PT0S",
			// a whole working day
			"2026-03-02T00:00, 2026-03-03T00:00, PT7H30M",
			// across a night: 16:30–17:30 and 08:30–09:30
			"2026-03-02T16:30, 2026-03-03T09:30, PT2H",
			// across a weekend: Fri 16:00–17:30 and Mon 08:30–10:00
			"2026-03-06T16:00, 2026-03-09T10:00, PT3H",
			// across the Spring Festival: the make-up Sat 02-14 16:00–17:30, then Tue 02-24 08:30–11:00
			"2026-02-14T16:00, 2026-02-24T11:00, PT4H",
			// 02-13 to 02-28: seven working days (13, the make-up 14, 24, 25, 26, 27, the make-up 28) × 7.5 h
			"2026-02-13T08:30, 2026-02-28T17:30, PT52H30M",
			// across National Day 2025: Tue 09-30 17:00–17:30, then Thu 10-09 08:30–09:00
			"2025-09-30T17:00, 2025-10-09T09:00, PT1H",
			// the same moment; and the other way round, negative
			"2026-03-02T10:00, 2026-03-02T10:00, PT0S",
			"2026-03-02T14:00, 2026-03-02T11:00, -PT1H30M",
	})
	void countsOnlyOfficeHoursOfWorkingDays(LocalDateTime a, LocalDateTime b, Duration expected) {
		assertThat(this.calendar.workingTimeBetween(at(a), at(b))).isEqualTo(expected);
	}

	@Test
	void countsAWholeYearAsItsWorkingDaysTimesTheOfficeDay() {
		// 248 working days × 7.5 h = 1,860 h in each year
		assertThat(this.calendar.workingTimeBetween(at("2025-01-01T00:00"), at("2026-01-01T00:00")))
			.isEqualTo(Duration.ofHours(1860));
		assertThat(this.calendar.workingTimeBetween(at("2025-12-31T17:30"), at("2026-12-31T17:30")))
			.isEqualTo(Duration.ofHours(1860));
	}

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource({
			// across the lunch break: 1 h to 12:00, the second from 13:30
			"2026-03-02T11:00, PT2H, 2026-03-02T14:30",
			// across a night: 1 h to 17:30, the second from 08:30
			"2026-03-02T16:30, PT2H, 2026-03-03T09:30",
			// across a weekend: 1.5 h on Friday, 1.5 h from Monday 08:30
			"2026-03-06T16:00, PT3H, 2026-03-09T10:00",
			// across the Spring Festival: 1.5 h on the make-up Saturday, 2.5 h from Tue 02-24 08:30
			"2026-02-14T16:00, PT4H, 2026-02-24T11:00",
			// a whole office day from Friday's opening ends at Friday's close, not on the make-up Saturday
			"2026-02-13T08:30, PT7H30M, 2026-02-13T17:30",
			// one minute more: the make-up Saturday's opening
			"2026-02-13T08:30, PT7H31M, 2026-02-14T08:31",
			// landing exactly on a period's end stays there
			"2026-03-02T08:30, PT3H30M, 2026-03-02T12:00",
			"2026-03-02T13:30, PT4H, 2026-03-02T17:30",
			"2026-03-02T10:00, PT2H, 2026-03-02T12:00",
			// from outside office hours the count starts at the next opening
			"2026-03-02T07:00, PT1H, 2026-03-02T09:30", // before opening
			"2026-03-02T12:30, PT30M, 2026-03-02T14:00", // in the lunch break
			"2026-03-02T20:00, PT1H, 2026-03-03T09:30", // in the evening
			"2026-03-07T10:00, PT1H, 2026-03-09T09:30", // on an ordinary Saturday
			"2026-02-18T10:00, PT1H, 2026-02-24T09:30", // inside the Spring Festival
			// at a period's end, one more minute starts after the break
			"2026-03-02T12:00, PT1M, 2026-03-02T13:31",
			// zero: from inside office hours (ends included) the moment itself, else the next opening
			"2026-03-02T10:00, PT0S, 2026-03-02T10:00",
			"2026-03-02T12:00, PT0S, 2026-03-02T12:00",
			"2026-03-02T12:30, PT0S, 2026-03-02T13:30",
			"2026-03-02T20:00, PT0S, 2026-03-03T08:30",
	})
	void addsWorkingTime(LocalDateTime from, Duration d, LocalDateTime expected) {
		assertThat(this.calendar.addWorkingTime(at(from), d)).isEqualTo(at(expected));
	}

	@Test
	void addingAndCountingWorkingTimeAgree() {
		ZonedDateTime from = at("2026-02-10T11:15");
		for (int minutes = 0; minutes <= 60 * 7 * 15; minutes += 25) {
			Duration d = Duration.ofMinutes(minutes);
			ZonedDateTime to = this.calendar.addWorkingTime(from, d);
			assertThat(this.calendar.workingTimeBetween(from, to)).as(from + " + " + d + " = " + to).isEqualTo(d);
		}
	}

	@Test
	void readsAndAnswersInTheHallsTimeZone() {
		// 01:00 UTC is 09:00 in Shanghai: one office hour later is 10:00 there
		ZonedDateTime utc = ZonedDateTime.of(2026, 3, 2, 1, 0, 0, 0, ZoneOffset.UTC);

		ZonedDateTime due = this.calendar.addWorkingTime(utc, Duration.ofHours(1));

		assertThat(due).isEqualTo(at("2026-03-02T10:00"));
		assertThat(due.getZone()).isEqualTo(SHANGHAI);
		assertThat(this.calendar.workingTimeBetween(utc, at("2026-03-02T12:00"))).isEqualTo(Duration.ofHours(3));
	}

	@Test
	@DisplayName("下班时间与按工作日计算的期限")
	void closesBusinessAtTheLastPeriodsEndAndSetsDueDatesThere() {
		assertThat(this.calendar.closeOfBusiness(day("2026-02-14"))).isEqualTo(at("2026-02-14T17:30"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.closeOfBusiness(day("2026-02-15")))
			.withMessage("2026-02-15 is not a working day");

		// Fri 02-13 + 1 working day: the make-up Saturday, at its close
		assertThat(this.calendar.dueAfterWorkingDays(at("2026-02-13T10:00"), 1)).isEqualTo(at("2026-02-14T17:30"));
		// Tue 2025-09-30 + 1: Thu 10-09, after National Day
		assertThat(this.calendar.dueAfterWorkingDays(at("2025-09-30T15:00"), 1)).isEqualTo(at("2025-10-09T17:30"));
		// 0 working days from a holiday: close of the next working day
		assertThat(this.calendar.dueAfterWorkingDays(at("2026-02-16T10:00"), 0)).isEqualTo(at("2026-02-24T17:30"));
		// 20:00 UTC on Fri 02-13 is already Sat 02-14 04:00 in Shanghai: the start day is the make-up Saturday
		assertThat(this.calendar.dueAfterWorkingDays(ZonedDateTime.of(2026, 2, 13, 20, 0, 0, 0, ZoneOffset.UTC), 1))
			.isEqualTo(at("2026-02-24T17:30"));
	}

	@Test
	void followsOtherOfficeHours() {
		CalendarArithmetic longDay = CalendarArithmetic.of(List.of(Y2025, Y2026), OfficeHours.of("09:00-17:00"),
				SHANGHAI);

		// one period without a break: 16:00–17:00, then 09:00–10:00 the next day
		assertThat(longDay.addWorkingTime(at("2026-03-02T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-03T10:00"));
		assertThat(longDay.workingTimeBetween(at("2026-03-02T11:00"), at("2026-03-02T14:00")))
			.isEqualTo(Duration.ofHours(3));
		assertThat(longDay.closeOfBusiness(day("2026-03-02"))).isEqualTo(at("2026-03-02T17:00"));
	}

	@Test
	void refusesANegativeDuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.addWorkingTime(at("2026-03-02T10:00"), Duration.ofMinutes(-5)))
			.withMessage("The working time to add must not be negative: PT-5M");
	}

	@Test
	void workingTimeThatRunsInto2027IsAnError() {
		// 1.5 h are left on Thu 2026-12-31; the other half hour would fall in 2027
		assertThatThrownBy(() -> this.calendar.addWorkingTime(at("2026-12-31T16:00"), Duration.ofHours(2)))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		assertThatThrownBy(() -> this.calendar.workingTimeBetween(at("2026-12-31T16:00"), at("2027-01-04T10:00")))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		assertThatThrownBy(() -> this.calendar.dueAfterWorkingDays(at("2026-12-31T10:00"), 1))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		assertThatThrownBy(() -> this.calendar.closeOfBusiness(day("2027-01-04")))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));

		// what ends with 2026 needs nothing of 2027: landing on 12-31's close, and counting up to midnight
		assertThat(this.calendar.addWorkingTime(at("2026-12-31T16:00"), Duration.ofMinutes(90)))
			.isEqualTo(at("2026-12-31T17:30"));
		assertThat(this.calendar.workingTimeBetween(at("2026-12-31T09:00"), at("2027-01-01T00:00")))
			.isEqualTo(Duration.ofHours(7));
	}

	private static ZonedDateTime at(String local) {
		return at(LocalDateTime.parse(local));
	}

	private static ZonedDateTime at(LocalDateTime local) {
		return local.atZone(SHANGHAI);
	}

}
