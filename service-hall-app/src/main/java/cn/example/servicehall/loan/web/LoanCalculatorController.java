package cn.example.servicehall.loan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import cn.example.servicehall.loan.LoanCalculator;
import cn.example.servicehall.loan.calculation.RepaymentMethod;
import cn.example.servicehall.loan.policy.InterestRates;

/** 贷款计算器 and the rate in force: what a clerk quotes at the counter. */
@RestController
@RequestMapping("/api/loan")
@Validated
@Tag(name = "Loan calculator", description = "还款试算 and the rates in force")
class LoanCalculatorController {

	private final LoanCalculator calculator;

	LoanCalculatorController(LoanCalculator calculator) {
		this.calculator = calculator;
	}

	@GetMapping("/calculator")
	@Operation(summary = "Repayment schedule for an amount, term, rate and method (the rate in force when omitted)")
	LoanCalculator.Quote quote(
			@RequestParam @NotNull @DecimalMin(value = "1000.00", message = "{loan.calculator.amount.range}")
			@DecimalMax(value = "10000000.00", message = "{loan.calculator.amount.range}")
			@Digits(integer = 10, fraction = 2, message = "{loan.money.digits}") BigDecimal amount,
			@RequestParam @Min(value = 1, message = "{loan.calculator.term.range}")
			@Max(value = 360, message = "{loan.calculator.term.range}") int months,
			@RequestParam(required = false) @DecimalMin(value = "0.01", message = "{loan.calculator.rate.range}")
			@DecimalMax(value = "20.00", message = "{loan.calculator.rate.range}") BigDecimal annualRate,
			@RequestParam(defaultValue = "EQUAL_INSTALMENT") RepaymentMethod method,
			@RequestParam(defaultValue = "true") boolean firstHome) {
		return this.calculator.quote(amount, months, Optional.ofNullable(annualRate), method, firstHome);
	}

	@GetMapping("/rates")
	@Operation(summary = "The housing provident fund loan rate in force on a day (today when omitted)")
	InterestRates.Rate rate(@RequestParam(required = false) LocalDate date,
			@RequestParam(defaultValue = "true") boolean firstHome,
			@RequestParam(defaultValue = "360") @Min(value = 1, message = "{loan.calculator.term.range}")
			@Max(value = 360, message = "{loan.calculator.term.range}") int months) {
		return this.calculator.rate(Optional.ofNullable(date), firstHome, months);
	}

}
