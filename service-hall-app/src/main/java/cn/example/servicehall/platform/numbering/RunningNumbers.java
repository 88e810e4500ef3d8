package cn.example.servicehall.platform.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out running numbers per prefix and period ({@code JK2026000001}), drawn in the database: unique across hall
 * nodes, and given back if the transaction that drew one rolls back.
 */
@Component
public class RunningNumbers {

	private final JdbcClient jdbc;

	RunningNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number: prefix + period + the running number padded to {@code digits}. */
	public String next(String prefix, String period, int digits) {
		int number = this.jdbc.sql("""
				insert into platform_number_counter (prefix, period, last_value) values (:prefix, :period, 1)
				on conflict (prefix, period) do update set last_value = platform_number_counter.last_value + 1
				returning last_value""")
			.param("prefix", prefix)
			.param("period", period)
			.query(Integer.class)
			.single();
		String running = Integer.toString(number);
		if (running.length() > digits) {
			throw new IllegalStateException("Running numbers of " + prefix + period + " exhausted");
		}
		return prefix + period + "0".repeat(digits - running.length()) + running;
	}

}
