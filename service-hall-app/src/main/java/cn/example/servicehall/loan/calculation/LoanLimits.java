package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Loan limit arithmetic (贷款额度测算): "several limits, take the lowest" (多限取低, domain.md §1.1). Each limit the
 * city uses is worked out, the lowest binds (the first in {@link LimitKind} order among equals), and the approvable
 * amount is the binding amount rounded down to the policy's unit. Products are rounded half-up to the fen.
 */
public final class LoanLimits {

	private LoanLimits() {
	}

	/** Every limit the input names, the binding one, and the approvable and granted amounts. */
	public static LoanLimit of(LoanLimitInput input) {
		if (input == null) {
			throw new IllegalArgumentException("input is required");
		}
		List<LoanLimit.Limit> limits = new ArrayList<>(4);
		if (input.cap() != null) {
			limits.add(new LoanLimit.Limit(LimitKind.CAP, input.cap(),
					"最高额度 " + Money.format(input.cap()) + " 元"));
		}
		if (input.price() != null) {
			limits.add(priceLimit(input.price()));
		}
		if (input.balance() != null) {
			limits.add(balanceLimit(input.balance()));
		}
		if (input.repaymentCapacity() != null) {
			limits.add(repaymentCapacityLimit(input.repaymentCapacity()));
		}
		// the list is in LimitKind order, so the first of equal limits binds
		LoanLimit.Limit binding = limits.get(0);
		for (LoanLimit.Limit limit : limits) {
			if (limit.amount().compareTo(binding.amount()) < 0) {
				binding = limit;
			}
		}
		BigDecimal unit = input.roundingUnit();
		BigDecimal approvable = binding.amount().divide(unit, 0, RoundingMode.DOWN).multiply(unit).setScale(2);
		BigDecimal granted = input.requestedAmount().min(approvable);
		return new LoanLimit(limits, binding, unit, approvable, input.requestedAmount(), granted);
	}

	private static LoanLimit.Limit priceLimit(LoanLimitInput.Price price) {
		BigDecimal housePrice = (price.assessedPrice() != null) ? price.contractPrice().min(price.assessedPrice())
				: price.contractPrice();
		BigDecimal amount = housePrice.multiply(price.maxLoanToPrice()).setScale(2, RoundingMode.HALF_UP);
		String which = (price.assessedPrice() != null) ? "（合同价与评估价取低）" : "（合同价）";
		return new LoanLimit.Limit(LimitKind.PRICE, amount, "房价 " + Money.format(housePrice) + " 元" + which + "× "
				+ Money.percent(price.maxLoanToPrice()) + " = " + Money.format(amount) + " 元");
	}

	private static LoanLimit.Limit balanceLimit(LoanLimitInput.Balance balance) {
		BigDecimal total = (balance.coBorrowerBalance() != null) ? balance.borrowerBalance().add(balance.coBorrowerBalance())
				: balance.borrowerBalance();
		BigDecimal amount = total.multiply(balance.multiple())
			.multiply(balance.depositTimeCoefficient())
			.setScale(2, RoundingMode.HALF_UP);
		String balances = (balance.coBorrowerBalance() != null)
				? "（" + Money.format(balance.borrowerBalance()) + " + " + Money.format(balance.coBorrowerBalance())
						+ "）元"
				: " " + Money.format(balance.borrowerBalance()) + " 元";
		return new LoanLimit.Limit(LimitKind.BALANCE, amount,
				"缴存余额" + balances + " × " + Money.plain(balance.multiple()) + " 倍 × 缴存时间系数 "
						+ Money.plain(balance.depositTimeCoefficient()) + " = " + Money.format(amount) + " 元");
	}

	private static LoanLimit.Limit repaymentCapacityLimit(LoanLimitInput.RepaymentCapacity capacity) {
		BigDecimal allowedPayment = capacity.householdMonthlyIncome()
			.multiply(capacity.debtServiceRatio())
			.subtract(capacity.existingMonthlyDebtPayments())
			.setScale(2, RoundingMode.HALF_UP);
		String payment = "月收入 " + Money.format(capacity.householdMonthlyIncome()) + " 元 × "
				+ Money.percent(capacity.debtServiceRatio()) + " − 已有月还款 "
				+ Money.format(capacity.existingMonthlyDebtPayments()) + " 元 = 可承受月还款 "
				+ Money.format(allowedPayment) + " 元";
		if (allowedPayment.signum() <= 0) {
			BigDecimal zero = BigDecimal.ZERO.setScale(2);
			return new LoanLimit.Limit(LimitKind.REPAYMENT_CAPACITY, zero,
					payment + "，不足以还款，额度 " + Money.format(zero) + " 元");
		}
		BigDecimal amount = RepaymentSchedules.maxPrincipalForPayment(allowedPayment, capacity.annualRatePercent(),
				capacity.months());
		return new LoanLimit.Limit(LimitKind.REPAYMENT_CAPACITY, amount,
				payment + "；按年利率 " + Money.plain(capacity.annualRatePercent()) + "%、" + capacity.months()
						+ " 个月折算本金 " + Money.format(amount) + " 元");
	}

}
