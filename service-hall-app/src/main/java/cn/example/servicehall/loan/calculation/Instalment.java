package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a repayment schedule (还款计划): the period (期次, from 1), its due date, and the money in yuan at
 * scale 2: payment (月还款额) = principal (本金) + interest (利息), and the principal left after this payment
 * (剩余本金).
 */
public record Instalment(int period, LocalDate dueDate, BigDecimal payment, BigDecimal principal,
		BigDecimal interest, BigDecimal remainingPrincipal) {

	public Instalment {
		if (period < 1) {
			throw new IllegalArgumentException("period must be 1 or more, was " + period);
		}
		Objects.requireNonNull(dueDate, "dueDate");
		payment = Money.fen(payment, "payment");
		principal = Money.fen(principal, "principal");
		interest = Money.fen(interest, "interest");
		remainingPrincipal = Money.fen(remainingPrincipal, "remainingPrincipal");
		if (payment.compareTo(principal.add(interest)) != 0) {
			throw new IllegalArgumentException(
					"payment " + payment + " must be principal " + principal + " + interest " + interest);
		}
		if (principal.signum() < 0 || interest.signum() < 0 || remainingPrincipal.signum() < 0) {
			throw new IllegalArgumentException("principal, interest and remaining principal must not be negative");
		}
	}

}
