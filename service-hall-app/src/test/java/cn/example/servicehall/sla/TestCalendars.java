package cn.example.servicehall.sla;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests outside this package that enter a year (2027) and must leave it missing again, as the other tests of
 * the same Spring context expect: its rows go, and the calendar forgets what it had loaded.
 */
public final class TestCalendars {

	private TestCalendars() {
	}

	public static void remove(int year, JdbcClient jdbc, WorkingCalendar calendar) {
		jdbc.sql("delete from sla_calendar_year where year = ?").param(year).update(); // its days go with it (cascade)
		calendar.forget(year);
	}

}
