package cn.example.servicehall.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.numbering.RunningNumbers;

/**
 * Hands out case numbers: prefix, day, and the day's running number, {@code DK2026112300001}. The counter is a row
 * per prefix and day, incremented in the database, so several hall nodes on one database never hand out the same
 * number; a rolled-back case gives its number back.
 */
@Component
class CaseNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int MAX_PER_DAY = 99_999;

	private final JdbcClient jdbc;

	private final RunningNumbers running;

	CaseNumbers(JdbcClient jdbc, RunningNumbers running) {
		this.jdbc = jdbc;
		this.running = running;
	}

	/** 一次性告知书 number: {@code GZ2026000001}. */
	String nextNotice(LocalDate day) {
		return this.running.next("GZ", Integer.toString(day.getYear()), 6);
	}

	CaseNo next(String prefix, LocalDate day) {
		int number = this.jdbc.sql("""
				insert into intake_case_number_counter (prefix, day, last_value) values (:prefix, :day, 1)
				on conflict (prefix, day) do update set last_value = intake_case_number_counter.last_value + 1
				returning last_value""")
			.param("prefix", prefix)
			.param("day", day)
			.query(Integer.class)
			.single();
		if (number > MAX_PER_DAY) {
			throw new IllegalStateException("More than " + MAX_PER_DAY + " cases of " + prefix + " on " + day);
		}
		return new CaseNo(prefix + DAY.format(day) + String.format("%05d", number));
	}

}
