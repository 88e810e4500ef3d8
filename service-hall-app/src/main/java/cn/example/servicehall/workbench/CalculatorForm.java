package cn.example.servicehall.workbench;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * 贷款计算器: what the clerk types, with the loan API's limits for a quote. No rate means the rate in force today
 * for the term and whether it is a first home.
 */
class CalculatorForm {

	@NotNull(message = "{workbench.calculator.amount.required}")
	@DecimalMin(value = "1000.00", message = "{loan.calculator.amount.range}")
	@DecimalMax(value = "10000000.00", message = "{loan.calculator.amount.range}")
	@Digits(integer = 10, fraction = 2, message = "{loan.money.digits}")
	private BigDecimal amount = new BigDecimal("600000.00");

	@NotNull(message = "{workbench.calculator.months.required}")
	@Min(value = 1, message = "{loan.calculator.term.range}")
	@Max(value = 360, message = "{loan.calculator.term.range}")
	private Integer months = 240;

	@DecimalMin(value = "0.01", message = "{loan.calculator.rate.range}")
	@DecimalMax(value = "20.00", message = "{loan.calculator.rate.range}")
	@Digits(integer = 2, fraction = 4, message = "{workbench.calculator.rate.digits}")
	private BigDecimal annualRate;

	@NotNull(message = "{loan.repayment-method.required}")
	@Pattern(regexp = "EQUAL_INSTALMENT|EQUAL_PRINCIPAL", message = "{loan.repayment-method.required}")
	private String method = "EQUAL_INSTALMENT";

	private boolean firstHome = true;

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public Integer getMonths() {
		return this.months;
	}

	public void setMonths(Integer months) {
		this.months = months;
	}

	public BigDecimal getAnnualRate() {
		return this.annualRate;
	}

	public void setAnnualRate(BigDecimal annualRate) {
		this.annualRate = annualRate;
	}

	public String getMethod() {
		return this.method;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public boolean isFirstHome() {
		return this.firstHome;
	}

	public void setFirstHome(boolean firstHome) {
		this.firstHome = firstHome;
	}

}
