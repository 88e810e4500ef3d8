package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a withdrawal may pay: the lowest of its limits, in yuan at scale 2, with each limit in words.
 *
 * @param amount the amount, never above the balance (closing types: balance plus interest to date)
 * @param binding the limit that decided it
 * @param limits every limit, in the order the rule takes them
 */
public record WithdrawalAmount(BigDecimal amount, Limit binding, List<Limit> limits) {

	public WithdrawalAmount {
		limits = List.copyOf(limits);
	}

	/**
	 * One limit.
	 *
	 * @param code e.g. {@code BALANCE}, {@code RENT}
	 * @param value in yuan at scale 2
	 * @param words how it came about, for the clerk
	 */
	public record Limit(String code, BigDecimal value, String words) {
	}

}
