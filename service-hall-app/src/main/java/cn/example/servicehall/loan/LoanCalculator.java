package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.example.servicehall.loan.calculation.Instalment;
import cn.example.servicehall.loan.calculation.RepaymentMethod;
import cn.example.servicehall.loan.calculation.RepaymentSchedule;
import cn.example.servicehall.loan.calculation.RepaymentSchedules;
import cn.example.servicehall.loan.policy.InterestRates;

/** 贷款计算器: what a clerk quotes at the counter, at the rate in force unless another is given. */
@Service
public class LoanCalculator {

	private final InterestRates rates;

	private final Clock clock;

	LoanCalculator(InterestRates rates, Clock clock) {
		this.rates = rates;
		this.clock = clock;
	}

	/**
	 * A quote.
	 * @param method how it is repaid
	 * @param principal yuan
	 * @param annualRatePercent the rate
	 * @param months the term
	 * @param monthlyPayment 等额本息: the monthly payment
	 * @param firstPayment the first month's payment
	 * @param lastPayment the last month's payment
	 * @param totalInterest the sum of the monthly interest, fen by fen
	 * @param totalPayment principal and interest
	 * @param instalments the whole schedule
	 */
	public record Quote(RepaymentMethod method, BigDecimal principal, BigDecimal annualRatePercent, int months,
			Optional<BigDecimal> monthlyPayment, BigDecimal firstPayment, BigDecimal lastPayment, BigDecimal totalInterest,
			BigDecimal totalPayment, List<Instalment> instalments) {
	}

	public Quote quote(BigDecimal amount, int months, Optional<BigDecimal> annualRate, RepaymentMethod method,
			boolean firstHome) {
		LocalDate today = LocalDate.now(this.clock);
		BigDecimal rate = annualRate.orElseGet(() -> this.rates.rateFor(today, firstHome, months).annualRatePercent());
		RepaymentSchedule schedule = RepaymentSchedules.schedule(method, amount, rate, months, today.plusMonths(1));
		return new Quote(method, amount, rate, months, schedule.monthlyPayment(), schedule.instalments().get(0).payment(),
				schedule.lastInstalment().payment(), schedule.totalInterest(), schedule.totalPayment(),
				schedule.instalments());
	}

	public InterestRates.Rate rate(Optional<LocalDate> day, boolean firstHome, int months) {
		return this.rates.rateFor(day.orElseGet(() -> LocalDate.now(this.clock)), firstHome, months);
	}

}
