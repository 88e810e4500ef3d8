package cn.example.servicehall.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests outside this package that enter a year (2027) and must leave it missing again, as the other tests of
 * the same Spring context expect: its rows go, and the calendar forgets what it had loaded (and that it warned of
 * the year's absence). And the 2027 that tests enter: shaped like a State Council notice, but test data, not the real
 * 2027 arrangement, which had not been published when this was written.
 */
public final class TestCalendars {

	/** The source of the test entry of 2027. */
	public static final String TEST_SOURCE_2027 = "测试数据（非真实通知）：国务院办公厅关于2027年部分节假日安排的通知 https://www.gov.cn/test";

	private TestCalendars() {
	}

	public static void remove(int year, JdbcClient jdbc, WorkingCalendar calendar) {
		jdbc.sql("delete from calendar_year where year = ?").param(year).update(); // its days go with it (cascade)
		calendar.forget(year);
	}

	/**
	 * The body of {@code PUT /api/sla/calendar/2027}: 元旦 01-01 to 01-03, 春节 02-05 (Fri) to 02-12 (Fri), and,
	 * if asked, the make-up Saturday 02-20.
	 */
	public static Map<String, Object> entry2027(boolean withMakeUpDay) {
		List<Map<String, String>> days = new ArrayList<>();
		days.add(line("2027-01-01", "OFF", "元旦"));
		days.add(line("2027-01-02", "OFF", "元旦"));
		days.add(line("2027-01-03", "OFF", "元旦"));
		for (LocalDate d = LocalDate.parse("2027-02-05"); !d.isAfter(LocalDate.parse("2027-02-12")); d = d.plusDays(1)) {
			days.add(line(d.toString(), "OFF", "春节"));
		}
		if (withMakeUpDay) {
			days.add(line("2027-02-20", "MAKEUP", "春节"));
		}
		return Map.of("source", TEST_SOURCE_2027, "days", days);
	}

	/** A line of a year's entry. */
	public static Map<String, String> line(String date, String kind, String name) {
		return Map.of("date", date, "kind", kind, "name", name);
	}

}
