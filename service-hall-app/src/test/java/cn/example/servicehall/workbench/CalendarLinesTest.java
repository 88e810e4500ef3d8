package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.example.servicehall.calendar.CalendarDay;
import cn.example.servicehall.calendar.DayKind;

/** The calendar page's text box: lines as an administrator types or pastes them, read and written back. */
class CalendarLinesTest {

	@Test
	void readsTheKindInChineseOrEnglishWithSpacesTabsOrCommas() {
		CalendarLines.Read read = CalendarLines.read("""
				2027-01-01 放假 元旦
				2027-01-02\t休\t元旦
				2027-01-03，OFF，元旦
				2027/2/20 上班 春节
				2027-02-21  班  春节
				2027-10-09 makeup 国庆节、中秋节
				2027年10月1日\u3000放假日\u3000国庆节 中秋节
				""");

		assertThat(read.problems()).isEmpty();
		assertThat(read.days()).containsExactly(CalendarDay.off(day("2027-01-01"), "元旦"),
				CalendarDay.off(day("2027-01-02"), "元旦"), CalendarDay.off(day("2027-01-03"), "元旦"),
				CalendarDay.makeUp(day("2027-02-20"), "春节"), CalendarDay.makeUp(day("2027-02-21"), "春节"),
				CalendarDay.makeUp(day("2027-10-09"), "国庆节、中秋节"),
				CalendarDay.off(day("2027-10-01"), "国庆节 中秋节"));
	}

	@Test
	void leavesBlankLinesOutSoThatLineNumbersCountTheLinesRead() {
		CalendarLines.Read read = CalendarLines.read("\n  2027-01-01 放假 元旦  \r\n\r\n\n2027-02-05 放假 春节\n   \n");

		assertThat(read.text()).isEqualTo("2027-01-01 放假 元旦\n2027-02-05 放假 春节");
		assertThat(read.days()).extracting(CalendarDay::date).containsExactly(day("2027-01-01"), day("2027-02-05"));
	}

	@Test
	void saysWhichPartOfWhichLineItCannotReadAndLeavesItEmptyForTheCalendarToRefuse() {
		CalendarLines.Read read = CalendarLines.read("""
				2027-01-01 放假 元旦
				2027-13-01 放假 元旦
				2027-02-05 假 春节
				2027-02-06
				""");

		assertThat(read.days()).containsExactly(CalendarDay.off(day("2027-01-01"), "元旦"),
				new CalendarDay(null, DayKind.OFF, "元旦"), new CalendarDay(day("2027-02-05"), null, "春节"),
				new CalendarDay(day("2027-02-06"), null, null));
		assertThat(read.problems()).containsOnlyKeys("days[1].date", "days[2].kind");
		assertThat(read.problems().get("days[1].date"))
			.startsWith("第 2 行（2027-13-01 放假 元旦）：无法识别日期“2027-13-01”，请写作 2027-01-01。");
		assertThat(read.problems().get("days[2].kind")).startsWith("第 3 行（2027-02-05 假 春节）：无法识别类型“假”");
	}

	@Test
	void readsNothingFromNothing() {
		assertThat(CalendarLines.read(null).days()).isEmpty();
		assertThat(CalendarLines.read("  \n ").days()).isEmpty();
	}

	@Test
	void writesAYearBackAsLinesItReadsAgain() {
		List<CalendarDay> days = List.of(CalendarDay.off(day("2026-01-01"), "元旦"),
				CalendarDay.makeUp(day("2026-01-04"), "元旦"));

		String chinese = CalendarLines.write(days, Locale.SIMPLIFIED_CHINESE);
		String english = CalendarLines.write(days, Locale.ENGLISH);

		assertThat(chinese).isEqualTo("2026-01-01 放假 元旦\n2026-01-04 上班 元旦\n");
		assertThat(english).isEqualTo("2026-01-01 OFF 元旦\n2026-01-04 MAKEUP 元旦\n");
		assertThat(CalendarLines.read(chinese).days()).isEqualTo(days);
		assertThat(CalendarLines.read(english).days()).isEqualTo(days);
	}

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

}
