package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.CalendarDay.makeUp;
import static cn.example.servicehall.calendar.CalendarDay.off;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council's arrangements for 2025 and 2026 as domain.md §9 lists them: the same lists the migration
 * {@code V2026_11_25_01__sla_calendar.sql} seeds, built in code for the arithmetic tests (our data, not a mock);
 * {@code CalendarIT} checks that the database holds exactly these.
 */
final class StatutoryHolidays {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Instant SEEDED = Instant.parse("2026-11-25T00:00:00Z");

	/** 2025 (§9.1): 28 off days, 5 make-up days. */
	static final CalendarYear Y2025 = new CalendarYear(2025,
			"国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号） https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm",
			"system", SEEDED,
			concat(offDays("2025-01-01", "2025-01-01", "元旦"), offDays("2025-01-28", "2025-02-04", "春节"),
					offDays("2025-04-04", "2025-04-06", "清明节"), offDays("2025-05-01", "2025-05-05", "劳动节"),
					offDays("2025-05-31", "2025-06-02", "端午节"), offDays("2025-10-01", "2025-10-08", "国庆节、中秋节"),
					List.of(makeUp(day("2025-01-26"), "春节"), makeUp(day("2025-02-08"), "春节"),
							makeUp(day("2025-04-27"), "劳动节"), makeUp(day("2025-09-28"), "国庆节、中秋节"),
							makeUp(day("2025-10-11"), "国庆节、中秋节"))));

	/** 2026 (§9.2): 33 off days, 6 make-up days. */
	static final CalendarYear Y2026 = new CalendarYear(2026,
			"国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日） https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
			"system", SEEDED,
			concat(offDays("2026-01-01", "2026-01-03", "元旦"), offDays("2026-02-15", "2026-02-23", "春节"),
					offDays("2026-04-04", "2026-04-06", "清明节"), offDays("2026-05-01", "2026-05-05", "劳动节"),
					offDays("2026-06-19", "2026-06-21", "端午节"), offDays("2026-09-25", "2026-09-27", "中秋节"),
					offDays("2026-10-01", "2026-10-07", "国庆节"),
					List.of(makeUp(day("2026-01-04"), "元旦"), makeUp(day("2026-02-14"), "春节"),
							makeUp(day("2026-02-28"), "春节"), makeUp(day("2026-05-09"), "劳动节"),
							makeUp(day("2026-09-20"), "国庆节"), makeUp(day("2026-10-10"), "国庆节"))));

	/** The hall's default office hours over 2025 and 2026; 2027 has no data, as in the seeded database. */
	static CalendarArithmetic arithmetic() {
		return CalendarArithmetic.of(List.of(Y2025, Y2026), OfficeHours.DEFAULT, SHANGHAI);
	}

	static LocalDate day(String date) {
		return LocalDate.parse(date);
	}

	private static List<CalendarDay> offDays(String first, String last, String name) {
		return day(first).datesUntil(day(last).plusDays(1)).map(date -> off(date, name)).toList();
	}

	@SafeVarargs
	private static List<CalendarDay> concat(List<CalendarDay>... lists) {
		List<CalendarDay> all = new ArrayList<>();
		for (List<CalendarDay> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private StatutoryHolidays() {
	}

}
