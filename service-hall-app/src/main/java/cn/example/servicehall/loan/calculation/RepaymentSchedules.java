package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Repayment arithmetic of domain.md §3 (还款计算), all in {@link BigDecimal}. Notation: principal {@code P}, annual
 * rate {@code R} in percent, monthly rate {@code r = R / 100 / 12}, {@code n} months.
 * <ul>
 * <li>Money is rounded half-up to the fen (分, 0.01).</li>
 * <li>Products and quotients without powers ({@code B·r}, {@code P/n}, the equal-principal closed forms) are
 * computed exactly and rounded once, so a value of exactly half a fen always rounds up.</li>
 * <li>Powers {@code (1+r)^n} are computed with 34 significant digits ({@link MathContext#DECIMAL128}).</li>
 * </ul>
 * Arguments: principal positive and in whole fen, months 1 to 360, rate above 0 and below 100; otherwise an
 * {@link IllegalArgumentException}.
 */
public final class RepaymentSchedules {

	/** Longest term: 30 years (domain.md §1.6). */
	static final int MAX_MONTHS = 360;

	private static final MathContext POWERS = MathContext.DECIMAL128;

	/** {@code r = R / 1200} for a rate in percent. */
	private static final BigDecimal PERCENT_MONTHS = BigDecimal.valueOf(1200);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RepaymentSchedules() {
	}

	/**
	 * 等额本息月还款额: {@code A = P·r·(1+r)^n / ((1+r)^n − 1)}, rounded half-up to the fen (domain.md §3.3 item 1).
	 */
	public static BigDecimal equalInstalmentPayment(BigDecimal principal, BigDecimal annualRatePercent, int months) {
		return exactEqualInstalmentPayment(checkedPrincipal(principal), checkedRate(annualRatePercent),
				checkedMonths(months))
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Total interest of an equal-instalment loan under the calculators' convention (a) of domain.md §3.3:
	 * {@code round(A_exact·n − P)}, with the unrounded payment.
	 */
	public static BigDecimal equalInstalmentTotalInterestCalculatorConvention(BigDecimal principal,
			BigDecimal annualRatePercent, int months) {
		BigDecimal p = checkedPrincipal(principal);
		BigDecimal exact = exactEqualInstalmentPayment(p, checkedRate(annualRatePercent), checkedMonths(months));
		return exact.multiply(BigDecimal.valueOf(months)).subtract(p).setScale(2, RoundingMode.HALF_UP);
	}

	/** 等额本金首月还款额 in the calculators' closed form: {@code round(P/n + P·r)} (domain.md §3.6). */
	public static BigDecimal equalPrincipalFirstPayment(BigDecimal principal, BigDecimal annualRatePercent,
			int months) {
		BigDecimal p = checkedPrincipal(principal);
		BigDecimal rate = checkedRate(annualRatePercent);
		BigDecimal n = BigDecimal.valueOf(checkedMonths(months));
		// P/n + P·R/1200 = P·(1200 + R·n) / (1200·n), exact until the one rounding
		return p.multiply(PERCENT_MONTHS.add(rate.multiply(n)))
			.divide(PERCENT_MONTHS.multiply(n), 2, RoundingMode.HALF_UP);
	}

	/**
	 * 等额本金每月递减额: {@code (P/n)·r}, rounded half-up to 5 decimal places. It is generally not a whole number of
	 * fen (150,000 over 240 months at 4.5 % falls by 2.34375 a month).
	 */
	public static BigDecimal equalPrincipalMonthlyDecrease(BigDecimal principal, BigDecimal annualRatePercent,
			int months) {
		BigDecimal p = checkedPrincipal(principal);
		BigDecimal rate = checkedRate(annualRatePercent);
		BigDecimal n = BigDecimal.valueOf(checkedMonths(months));
		return p.multiply(rate).divide(PERCENT_MONTHS.multiply(n), 5, RoundingMode.HALF_UP);
	}

	/** 等额本金利息总额 in closed form: {@code round(P·r·(n+1)/2)} (domain.md §3.2). */
	public static BigDecimal equalPrincipalTotalInterestClosedForm(BigDecimal principal, BigDecimal annualRatePercent,
			int months) {
		BigDecimal p = checkedPrincipal(principal);
		BigDecimal rate = checkedRate(annualRatePercent);
		int n = checkedMonths(months);
		return p.multiply(rate)
			.multiply(BigDecimal.valueOf(n + 1L))
			.divide(PERCENT_MONTHS.multiply(BigDecimal.valueOf(2)), 2, RoundingMode.HALF_UP);
	}

	/**
	 * The largest loan a monthly payment can carry (还款能力), the annuity inverse of domain.md §1.3:
	 * {@code P_max = A·((1+r)^n − 1) / (r·(1+r)^n)}, rounded half-up to the fen.
	 * @param maxMonthlyPayment the highest monthly payment allowed, positive
	 */
	public static BigDecimal maxPrincipalForPayment(BigDecimal maxMonthlyPayment, BigDecimal annualRatePercent,
			int months) {
		if (maxMonthlyPayment == null || maxMonthlyPayment.signum() <= 0) {
			throw new IllegalArgumentException("maxMonthlyPayment must be positive, was " + maxMonthlyPayment);
		}
		BigDecimal r = monthlyRate(checkedRate(annualRatePercent));
		BigDecimal growth = BigDecimal.ONE.add(r).pow(checkedMonths(months), POWERS);
		return maxMonthlyPayment.multiply(growth.subtract(BigDecimal.ONE))
			.divide(r.multiply(growth), POWERS)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The month-by-month schedule (还款计划表).
	 * <ul>
	 * <li>等额本息 (domain.md §3.5): payment = round(A); interest_k = round(B_{k−1}·r); principal_k = payment −
	 * interest_k; the last month repays the whole residual balance, so its payment differs from A: by a few fen
	 * on short loans, by up to about 2 yuan over 30 years, as the half-fen rounding of A adds up.</li>
	 * <li>等额本金 (§3.6): principal_k = round(P/n), the residual principal in the last month; interest_k =
	 * round(B_{k−1}·r); payment_k = principal_k + interest_k. The first payment can differ by 0.01 from
	 * {@link #equalPrincipalFirstPayment}.</li>
	 * </ul>
	 * Month k falls due {@code k − 1} months after {@code firstDueDate}, on the same day of the month or the
	 * month's last day when it is shorter (from 31 January: 28 or 29 February, 31 March). The principals add up to
	 * the loan exactly and the balance ends at 0.00. Should rounding run the balance out early (only for loans of a
	 * few yuan), the months left repay nothing.
	 */
	public static RepaymentSchedule schedule(RepaymentMethod method, BigDecimal principal,
			BigDecimal annualRatePercent, int months, LocalDate firstDueDate) {
		if (method == null) {
			throw new IllegalArgumentException("method is required");
		}
		if (firstDueDate == null) {
			throw new IllegalArgumentException("firstDueDate is required");
		}
		BigDecimal p = checkedPrincipal(principal);
		BigDecimal rate = checkedRate(annualRatePercent);
		int n = checkedMonths(months);
		BigDecimal regular = switch (method) {
			case EQUAL_INSTALMENT -> equalInstalmentPayment(p, rate, n);
			case EQUAL_PRINCIPAL -> p.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
		};
		List<Instalment> instalments = new ArrayList<>(n);
		BigDecimal balance = p;
		for (int k = 1; k <= n; k++) {
			BigDecimal interest = interestOn(balance, rate);
			BigDecimal repaid;
			if (k == n) {
				repaid = balance;
			}
			else if (method == RepaymentMethod.EQUAL_INSTALMENT) {
				repaid = regular.subtract(interest).max(BigDecimal.ZERO.setScale(2)).min(balance);
			}
			else {
				repaid = regular.min(balance);
			}
			balance = balance.subtract(repaid);
			instalments.add(new Instalment(k, firstDueDate.plusMonths(k - 1L), repaid.add(interest), repaid, interest,
					balance));
		}
		return new RepaymentSchedule(method, p, rate, n, firstDueDate, instalments);
	}

	/** One month's interest on {@code balance}: round(B·R/1200), exact until the one rounding. */
	static BigDecimal interestOn(BigDecimal balance, BigDecimal annualRatePercent) {
		return balance.multiply(annualRatePercent).divide(PERCENT_MONTHS, 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal exactEqualInstalmentPayment(BigDecimal principal, BigDecimal annualRatePercent,
			int months) {
		BigDecimal r = monthlyRate(annualRatePercent);
		BigDecimal growth = BigDecimal.ONE.add(r).pow(months, POWERS);
		return principal.multiply(r)
			.multiply(growth)
			.divide(growth.subtract(BigDecimal.ONE), POWERS);
	}

	private static BigDecimal monthlyRate(BigDecimal annualRatePercent) {
		return annualRatePercent.divide(PERCENT_MONTHS, POWERS);
	}

	static BigDecimal checkedPrincipal(BigDecimal principal) {
		if (principal == null || principal.signum() <= 0) {
			throw new IllegalArgumentException("principal must be positive, was " + principal);
		}
		return Money.fen(principal, "principal");
	}

	static BigDecimal checkedRate(BigDecimal annualRatePercent) {
		if (annualRatePercent == null || annualRatePercent.signum() <= 0
				|| annualRatePercent.compareTo(HUNDRED) >= 0) {
			throw new IllegalArgumentException(
					"annualRatePercent must be above 0 and below 100 (percent, e.g. 2.60), was " + annualRatePercent);
		}
		return annualRatePercent;
	}

	static int checkedMonths(int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS + ", was " + months);
		}
		return months;
	}

}
