package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;

/**
 * What the loan limit arithmetic needs (domain.md §1): the amount asked for, the policy's rounding unit, and the
 * figures of each limit the city uses. A limit the city does not use is {@code null}; at least one must be given.
 * Ratios are fractions ({@code 0.80} for 80 %), money is yuan in whole fen. Every policy figure comes from the dated
 * city policy set in force (domain.md §0.2); none is built in here.
 *
 * @param requestedAmount 申请金额, positive
 * @param roundingUnit 取整单位: the approvable amount is rounded down to a multiple of it, e.g. {@code 1000} or
 * {@code 10000}; {@code 0.01} means no rounding
 * @param cap 最高额度, or {@code null}
 * @param price 房价成数 figures, or {@code null}
 * @param balance 缴存余额倍数 figures, or {@code null}
 * @param repaymentCapacity 还款能力 figures, or {@code null}
 */
public record LoanLimitInput(BigDecimal requestedAmount, BigDecimal roundingUnit, BigDecimal cap, Price price,
		Balance balance, RepaymentCapacity repaymentCapacity) {

	public LoanLimitInput {
		requestedAmount = positive(requestedAmount, "requestedAmount");
		if (roundingUnit == null || roundingUnit.signum() <= 0) {
			throw new IllegalArgumentException("roundingUnit must be positive, was " + roundingUnit);
		}
		roundingUnit = Money.fen(roundingUnit, "roundingUnit");
		if (cap != null) {
			cap = notNegative(cap, "cap");
		}
		if (cap == null && price == null && balance == null && repaymentCapacity == null) {
			throw new IllegalArgumentException("at least one limit is needed");
		}
	}

	/**
	 * 房价成数: the lower of the contract price (合同价/成交价) and the assessed price (评估价/计税价) times the highest
	 * loan-to-price ratio.
	 * @param assessedPrice {@code null} when there is none (a new house sold at the contract price)
	 * @param maxLoanToPrice above 0 and at most 1, e.g. {@code 0.80}
	 */
	public record Price(BigDecimal contractPrice, BigDecimal assessedPrice, BigDecimal maxLoanToPrice) {

		public Price {
			contractPrice = positive(contractPrice, "contractPrice");
			if (assessedPrice != null) {
				assessedPrice = positive(assessedPrice, "assessedPrice");
			}
			maxLoanToPrice = ratio(maxLoanToPrice, "maxLoanToPrice");
		}

	}

	/**
	 * 缴存余额倍数: (borrower's balance + co-borrower's balance) × multiple × deposit-time coefficient (缴存时间系数,
	 * worked out elsewhere from the city's step table).
	 * @param coBorrowerBalance {@code null} when the borrower applies alone
	 * @param multiple 倍数 N, positive
	 * @param depositTimeCoefficient 0 or more; 0 makes the limit 0 (too short a deposit history)
	 */
	public record Balance(BigDecimal borrowerBalance, BigDecimal coBorrowerBalance, BigDecimal multiple,
			BigDecimal depositTimeCoefficient) {

		public Balance {
			borrowerBalance = notNegative(borrowerBalance, "borrowerBalance");
			if (coBorrowerBalance != null) {
				coBorrowerBalance = notNegative(coBorrowerBalance, "coBorrowerBalance");
			}
			if (multiple == null || multiple.signum() <= 0) {
				throw new IllegalArgumentException("multiple must be positive, was " + multiple);
			}
			if (depositTimeCoefficient == null || depositTimeCoefficient.signum() < 0) {
				throw new IllegalArgumentException(
						"depositTimeCoefficient must be 0 or more, was " + depositTimeCoefficient);
			}
		}

	}

	/**
	 * 还款能力: the monthly payment allowed, household monthly income × debt-service ratio − existing monthly debt
	 * payments, turned into a principal by the annuity inverse at the loan's rate and term.
	 * @param debtServiceRatio above 0 and at most 1, e.g. {@code 0.50}
	 * @param annualRatePercent the loan's rate in percent, e.g. {@code 2.60}
	 * @param months the loan's term, 1 to 360
	 */
	public record RepaymentCapacity(BigDecimal householdMonthlyIncome, BigDecimal debtServiceRatio,
			BigDecimal existingMonthlyDebtPayments, BigDecimal annualRatePercent, int months) {

		public RepaymentCapacity {
			householdMonthlyIncome = notNegative(householdMonthlyIncome, "householdMonthlyIncome");
			debtServiceRatio = ratio(debtServiceRatio, "debtServiceRatio");
			existingMonthlyDebtPayments = notNegative(existingMonthlyDebtPayments, "existingMonthlyDebtPayments");
			RepaymentSchedules.checkedRate(annualRatePercent);
			RepaymentSchedules.checkedMonths(months);
		}

	}

	private static BigDecimal positive(BigDecimal amount, String name) {
		if (amount == null || amount.signum() <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + amount);
		}
		return Money.fen(amount, name);
	}

	private static BigDecimal notNegative(BigDecimal amount, String name) {
		if (amount == null || amount.signum() < 0) {
			throw new IllegalArgumentException(name + " must be 0 or more, was " + amount);
		}
		return Money.fen(amount, name);
	}

	private static BigDecimal ratio(BigDecimal ratio, String name) {
		if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException(name + " must be above 0 and at most 1 (e.g. 0.80), was " + ratio);
		}
		return ratio;
	}

}
