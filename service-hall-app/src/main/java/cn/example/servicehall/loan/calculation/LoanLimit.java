package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of the loan limit arithmetic (贷款额度测算), made by {@link LoanLimits#of}.
 *
 * @param limits each limit the city uses, in the order of {@link LimitKind}
 * @param binding the lowest limit, which decides the amount (the first of equal ones)
 * @param roundingUnit the policy's rounding unit (取整单位)
 * @param approvableAmount 可贷额度: the binding amount rounded down to the rounding unit
 * @param requestedAmount 申请金额
 * @param grantedAmount 核定金额: the lower of the requested and the approvable amounts
 */
public record LoanLimit(List<Limit> limits, Limit binding, BigDecimal roundingUnit, BigDecimal approvableAmount,
		BigDecimal requestedAmount, BigDecimal grantedAmount) {

	public LoanLimit {
		limits = List.copyOf(limits);
		Objects.requireNonNull(binding, "binding");
		Objects.requireNonNull(roundingUnit, "roundingUnit");
		Objects.requireNonNull(approvableAmount, "approvableAmount");
		Objects.requireNonNull(requestedAmount, "requestedAmount");
		Objects.requireNonNull(grantedAmount, "grantedAmount");
	}

	/**
	 * One limit: its kind, its amount in yuan (scale 2) and how it was reached, in Chinese with thousands
	 * separators, e.g. {@code 房价 1,200,000.00 元（合同价与评估价取低）× 80% = 960,000.00 元}.
	 */
	public record Limit(LimitKind kind, BigDecimal amount, String formula) {

		public Limit {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(formula, "formula");
		}

	}

	/**
	 * A sentence a clerk can read out, naming the binding limit, e.g.
	 * {@code 可贷额度 800,000.00 元，受最高额度限制（最高额度 800,000.00 元）}. It says so when the amount was rounded
	 * down to the policy's unit, and when the amount asked for is lower than the approvable amount, what may then be
	 * granted ({@code ；申请金额 500,000.00 元低于可贷额度，可批金额 500,000.00 元}).
	 */
	public String sentence() {
		StringBuilder sentence = new StringBuilder(limitSentence());
		if (this.requestedAmount.compareTo(this.approvableAmount) < 0) {
			sentence.append("；申请金额 ")
				.append(Money.format(this.requestedAmount))
				.append(" 元低于可贷额度，可批金额 ")
				.append(Money.format(this.grantedAmount))
				.append(" 元");
		}
		return sentence.toString();
	}

	/**
	 * The limit alone, as the rules computed it, without what may be granted (for an applicant who is not eligible,
	 * to whom nothing is granted): {@code 可贷额度 800,000.00 元，受最高额度限制（最高额度 800,000.00 元）}.
	 */
	public String limitSentence() {
		StringBuilder sentence = new StringBuilder("可贷额度 ").append(Money.format(this.approvableAmount))
			.append(" 元，受")
			.append(this.binding.kind().label())
			.append("限制（")
			.append(this.binding.formula())
			.append("）");
		if (this.approvableAmount.compareTo(this.binding.amount()) != 0) {
			sentence.append("，按 ").append(Money.format(this.roundingUnit)).append(" 元向下取整");
		}
		return sentence.toString();
	}

}
