package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deposit interest by the daily-product method (积数法, domain.md §10): each day's closing balance earns the deposit
 * rate, 1.50 %/year since 2016-02-21, over a 360-day year; the products are summed exactly and the interest is
 * rounded half-up to fen once, at the end. A movement booked on a day counts from that day; the last day of a period
 * ({@code to}) is not counted. The interest year ends on 06-30, when interest is settled (结息) and credited.
 * Rates before 2016-02-21 (0.35 % / 1.10 %) are not modelled: the fake ledgers start later.
 */
final class DepositInterest {

	/** The deposit rate since 2016-02-21 (银发〔2016〕43号). */
	static final BigDecimal ANNUAL_RATE = new BigDecimal("0.015");

	/** Days in the interest year of the formula (some centres use 365: domain.md §10). */
	static final int DAY_BASIS = 360;

	private DepositInterest() {
	}

	/** A movement of the balance: its day and its signed amount. */
	record Movement(LocalDate bookedOn, BigDecimal amount) {
	}

	/**
	 * The interest earned from {@code from} until, not including, {@code to}.
	 * @param balanceAtStart the balance at the start of {@code from}, before its own movements
	 * @param movements the movements, in any order; those outside [from, to) are ignored
	 */
	static BigDecimal accrued(BigDecimal balanceAtStart, List<Movement> movements, LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return BigDecimal.ZERO.setScale(2);
		}
		List<Movement> within = movements.stream()
			.filter(m -> !m.bookedOn().isBefore(from) && m.bookedOn().isBefore(to))
			.sorted(java.util.Comparator.comparing(Movement::bookedOn))
			.toList();
		BigDecimal products = BigDecimal.ZERO;
		BigDecimal balance = balanceAtStart;
		LocalDate day = from;
		for (Movement movement : within) {
			products = products.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, movement.bookedOn()))));
			balance = balance.add(movement.amount());
			day = movement.bookedOn();
		}
		products = products.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, to))));
		return products.multiply(ANNUAL_RATE).divide(BigDecimal.valueOf(DAY_BASIS), 2, RoundingMode.HALF_UP);
	}

}
