package cn.example.servicehall.loan.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.loan.calculation.Instalment;
import cn.example.servicehall.loan.calculation.RepaymentMethod;
import cn.example.servicehall.loan.calculation.RepaymentSchedule;
import cn.example.servicehall.loan.calculation.RepaymentSchedules;
import cn.example.servicehall.loan.policy.InterestRates;

/** 贷款计算器 and the rate in force: what a clerk quotes at the counter. */
@RestController
@RequestMapping("/api/loan")
@Validated
@Tag(name = "Loan calculator", description = "还款试算 and the rates in force")
class LoanCalculatorController {

	private final InterestRates rates;

	private final Clock clock;

	LoanCalculatorController(InterestRates rates, Clock clock) {
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
	record Quote(RepaymentMethod method, BigDecimal principal, BigDecimal annualRatePercent, int months,
			Optional<BigDecimal> monthlyPayment, BigDecimal firstPayment, BigDecimal lastPayment, BigDecimal totalInterest,
			BigDecimal totalPayment, List<Instalment> instalments) {
	}

	@GetMapping("/calculator")
	@Operation(summary = "Repayment schedule for an amount, term, rate and method (the rate in force when omitted)")
	Quote quote(
			@RequestParam @NotNull @DecimalMin(value = "1000.00", message = "{loan.calculator.amount.range}")
			@DecimalMax(value = "10000000.00", message = "{loan.calculator.amount.range}")
			@Digits(integer = 10, fraction = 2, message = "{loan.money.digits}") BigDecimal amount,
			@RequestParam @Min(value = 1, message = "{loan.calculator.term.range}")
			@Max(value = 360, message = "{loan.calculator.term.range}") int months,
			@RequestParam(required = false) @DecimalMin(value = "0.01", message = "{loan.calculator.rate.range}")
			@DecimalMax(value = "20.00", message = "{loan.calculator.rate.range}") BigDecimal annualRate,
			@RequestParam(defaultValue = "EQUAL_INSTALMENT") RepaymentMethod method,
			@RequestParam(defaultValue = "true") boolean firstHome) {
		LocalDate today = LocalDate.now(this.clock);
		BigDecimal rate = annualRate != null ? annualRate
				: this.rates.rateFor(today, firstHome, months).annualRatePercent();
		RepaymentSchedule schedule = RepaymentSchedules.schedule(method, amount, rate, months, today.plusMonths(1));
		return new Quote(method, amount, rate, months, schedule.monthlyPayment(), schedule.instalments().get(0).payment(),
				schedule.lastInstalment().payment(), schedule.totalInterest(), schedule.totalPayment(),
				schedule.instalments());
	}

	@GetMapping("/rates")
	@Operation(summary = "The housing provident fund loan rate in force on a day (today when omitted)")
	InterestRates.Rate rate(@RequestParam(required = false) LocalDate date,
			@RequestParam(defaultValue = "true") boolean firstHome,
			@RequestParam(defaultValue = "360") @Min(value = 1, message = "{loan.calculator.term.range}")
			@Max(value = 360, message = "{loan.calculator.term.range}") int months) {
		return this.rates.rateFor(date == null ? LocalDate.now(this.clock) : date, firstHome, months);
	}

}
