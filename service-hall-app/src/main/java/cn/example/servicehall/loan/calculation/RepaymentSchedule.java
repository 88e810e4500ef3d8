package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loan's repayment schedule (还款计划表): the loan's terms and one {@link Instalment} per month. Built by
 * {@link RepaymentSchedules#schedule}.
 *
 * @param annualRatePercent the annual rate in percent, e.g. {@code 2.60} for 2.6 %
 */
public record RepaymentSchedule(RepaymentMethod method, BigDecimal principal, BigDecimal annualRatePercent,
		int months, LocalDate firstDueDate, List<Instalment> instalments) {

	public RepaymentSchedule {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(annualRatePercent, "annualRatePercent");
		Objects.requireNonNull(firstDueDate, "firstDueDate");
		principal = Money.fen(principal, "principal");
		if (months < 1) {
			throw new IllegalArgumentException("months must be 1 or more, was " + months);
		}
		instalments = List.copyOf(instalments);
		if (instalments.size() != months) {
			throw new IllegalArgumentException(
					"a schedule of " + months + " months needs " + months + " instalments, not " + instalments.size());
		}
		BigDecimal repaid = instalments.stream().map(Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (repaid.compareTo(principal) != 0) {
			throw new IllegalArgumentException("the instalments repay " + repaid + ", not the principal " + principal);
		}
	}

	/**
	 * 利息总额 under convention (c) of domain.md §3.3: the sum of each month's rounded interest. It can differ from
	 * the calculators' closed forms, by up to a few yuan over 30 years
	 * ({@link RepaymentSchedules#equalInstalmentTotalInterestCalculatorConvention},
	 * {@link RepaymentSchedules#equalPrincipalTotalInterestClosedForm}).
	 */
	public BigDecimal totalInterest() {
		return this.instalments.stream().map(Instalment::interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	/** 还款总额: principal plus {@link #totalInterest()}, the sum of every payment. */
	public BigDecimal totalPayment() {
		return this.instalments.stream().map(Instalment::payment).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	/**
	 * 月还款额 of an equal-instalment loan: the payment of every month but the last, round(A). Empty for equal
	 * principal, whose payment falls every month.
	 */
	public Optional<BigDecimal> monthlyPayment() {
		if (this.method != RepaymentMethod.EQUAL_INSTALMENT) {
			return Optional.empty();
		}
		return Optional.of(this.instalments.get(0).payment());
	}

	/** The last instalment, which carries the residual balance. */
	public Instalment lastInstalment() {
		return this.instalments.get(this.instalments.size() - 1);
	}

}
