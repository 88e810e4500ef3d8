package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.CalendarDay.makeUp;
import static cn.example.servicehall.calendar.CalendarDay.off;
import static cn.example.servicehall.calendar.StatutoryHolidays.SEEDED;
import static cn.example.servicehall.calendar.StatutoryHolidays.Y2025;
import static cn.example.servicehall.calendar.StatutoryHolidays.Y2026;
import static cn.example.servicehall.calendar.StatutoryHolidays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A year of the calendar as a value, and the checks an administrator's entry must pass, each naming its line in
 * Chinese first.
 */
class CalendarYearTest {

	private static final String SOURCE = "国务院办公厅关于2027年部分节假日安排的通知 https://www.gov.cn/";

	@Test
	void holdsTheCountsOfDomainSection9() {
		assertThat(Y2025.offDays()).isEqualTo(28);
		assertThat(Y2025.makeUpDays()).isEqualTo(5);
		assertThat(Y2025.workingDays()).isEqualTo(248);
		assertThat(Y2026.offDays()).isEqualTo(33);
		assertThat(Y2026.makeUpDays()).isEqualTo(6);
		assertThat(Y2026.workingDays()).isEqualTo(248);
		assertThat(Y2026.entryFor(day("2026-02-14"))).contains(makeUp(day("2026-02-14"), "春节"));
		assertThat(Y2026.entryFor(day("2026-03-02"))).isEmpty();
	}

	@Test
	void keepsItsDaysInDateOrderWithTidyNames() {
		CalendarYear year = new CalendarYear(2027, " " + SOURCE + " ", "admin1", SEEDED,
				List.of(makeUp(day("2027-02-20"), " 春节 "), off(day("2027-01-01"), "元旦")));

		assertThat(year.days()).containsExactly(off(day("2027-01-01"), "元旦"), makeUp(day("2027-02-20"), "春节"));
		assertThat(year.source()).isEqualTo(SOURCE);
		assertThat(year).isEqualTo(new CalendarYear(2027, SOURCE, "admin1", SEEDED,
				List.of(off(day("2027-01-01"), "元旦"), makeUp(day("2027-02-20"), "春节"))));
	}

	@Test
	void answersOnlyForItsOwnYear() {
		assertThatIllegalArgumentException().isThrownBy(() -> Y2026.isWorkingDay(day("2027-01-04")))
			.withMessage("2027-01-04 is not in the calendar year 2026");
	}

	@Test
	void acceptsASensibleEntry() {
		assertThat(CalendarEntryCheck.problems(2027, SOURCE, List.of(off(day("2027-01-01"), "元旦"),
				off(day("2027-02-06"), "春节"), makeUp(day("2027-02-20"), "春节")))).isEmpty();
	}

	@Test
	void namesAMakeUpDayOnAWeekdayByItsLine() {
		// 2027-01-06 is a Wednesday
		assertThat(CalendarEntryCheck.problems(2027, SOURCE,
				List.of(off(day("2027-01-01"), "元旦"), makeUp(day("2027-01-06"), "元旦"))))
			.containsExactly(new CalendarEntryCheck.Problem("days[1].kind",
					"第 2 行（2027-01-06 调休上班日 元旦）：调休上班日 2027-01-06 是星期三，调休上班日只能是星期六或星期日。"
							+ "Line 2: the make-up working day 2027-01-06 is a Wednesday; make-up working days are"
							+ " Saturdays or Sundays."));
	}

	@Test
	void namesEveryOtherMistakeByItsLine() {
		List<CalendarDay> days = new ArrayList<>(Arrays.asList(off(day("2027-01-01"), "元旦"), // fine
				off(day("2026-12-31"), "元旦"), // outside the year
				off(day("2027-01-01"), "元旦"), // twice
				makeUp(day("2027-01-01"), "元旦"), // an off day as a make-up day too (a Friday, too)
				off(day("2027-10-01"), " "), // no name
				null, // an empty line
				new CalendarDay(null, null, "春节"))); // neither date nor kind

		List<String> messages = CalendarEntryCheck.problems(2027, SOURCE, days)
			.stream()
			.map(CalendarEntryCheck.Problem::message)
			.toList();

		assertThat(messages).containsExactly("第 2 行（2026-12-31 放假日 元旦）：日期 2026-12-31 不在 2027 年内。Line 2: 2026-12-31 is not in 2027.",
				"第 3 行（2027-01-01 放假日 元旦）：2027-01-01 与第 1 行重复，同一天只能录入一次。Line 3: 2027-01-01 is already on line 1.",
				"第 4 行（2027-01-01 调休上班日 元旦）：调休上班日 2027-01-01 是星期五，调休上班日只能是星期六或星期日。"
						+ "Line 4: the make-up working day 2027-01-01 is a Friday; make-up working days are Saturdays or Sundays.",
				"第 4 行（2027-01-01 调休上班日 元旦）：2027-01-01 在第 1 行是放假日，不能同时是调休上班日。"
						+ "Line 4: 2027-01-01 is a day off on line 1 and cannot also be a make-up working day.",
				"第 5 行（2027-10-01 放假日）：缺少节日名称（如 春节、国庆节）。Line 5: the holiday's name is missing (e.g. 春节).",
				"第 6 行为空。Line 6 is empty.",
				"第 7 行（春节）：缺少日期（格式 2027-01-01）。Line 7: the date is missing (as 2027-01-01).",
				"第 7 行（春节）：缺少类型，应为 OFF（放假）或 MAKEUP（调休上班）。Line 7: the kind is missing: OFF (day off) or MAKEUP (make-up working day).");
	}

	@Test
	void asksForTheSourceAndForDays() {
		assertThat(CalendarEntryCheck.problems(2027, " ", List.of())).extracting(CalendarEntryCheck.Problem::field)
			.containsExactly("source", "days");
		assertThat(CalendarEntryCheck.problems(2027, null, null)).extracting(CalendarEntryCheck.Problem::message)
			.containsExactly("请填写依据：国务院办公厅部分节假日安排通知的标题和网址。 Name the source: the State Council notice's title and URL.",
					"没有录入任何日期：请按通知逐日录入该年的放假日（OFF）和调休上班日（MAKEUP）。 No days were entered: list every off day and make-up working day of the notice.");
		assertThat(CalendarEntryCheck.problems(20027, SOURCE, List.of(off(day("2027-01-01"), "元旦"))))
			.extracting(CalendarEntryCheck.Problem::field)
			.containsExactly("year", "days[0].date");
	}

	@Test
	void cannotBeBuiltFromANonsensicalEntry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarYear(2027, SOURCE, "admin1", SEEDED, List.of(makeUp(day("2027-01-06"), "元旦"))))
			.withMessageContaining("第 1 行（2027-01-06 调休上班日 元旦）：调休上班日 2027-01-06 是星期三");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarYear(2027, SOURCE, " ", SEEDED, List.of(off(day("2027-01-01"), "元旦"))))
			.withMessage("Calendar 2027: who entered it is missing");
	}

}
