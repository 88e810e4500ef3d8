package cn.example.servicehall.loan.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 多限取低 with the worked example of domain.md §1.8 and the annuity-inverse values of §1.3. */
class LoanLimitsTest {

	private static BigDecimal yuan(String amount) {
		return new BigDecimal(amount);
	}

	/** §1.8: contract price 1,250,000 assessed at 1,200,000, so the price counted is 1,200,000. */
	private static final LoanLimitInput.Price PRICE_1_8 = new LoanLimitInput.Price(yuan("1250000"), yuan("1200000"),
			yuan("0.80"));

	private static final LoanLimitInput.Balance BALANCE_1_8 = new LoanLimitInput.Balance(yuan("60000"), null,
			yuan("15"), yuan("1.0"));

	private static final LoanLimitInput.RepaymentCapacity CAPACITY_1_8 = new LoanLimitInput.RepaymentCapacity(
			yuan("12000"), yuan("0.50"), yuan("0"), yuan("2.6"), 360);

	@Test
	void workedExampleOfSection18IsBoundByTheCap() {
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("800000"), yuan("10000"), yuan("800000"), PRICE_1_8,
				BALANCE_1_8, CAPACITY_1_8));

		assertThat(limit.limits()).extracting(LoanLimit.Limit::kind)
			.containsExactly(LimitKind.CAP, LimitKind.PRICE, LimitKind.BALANCE, LimitKind.REPAYMENT_CAPACITY);
		assertThat(limit.limits()).extracting(LoanLimit.Limit::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(yuan("800000"), yuan("960000"), yuan("900000"), yuan("1498727.16"));
		assertThat(limit.binding().kind()).isEqualTo(LimitKind.CAP);
		assertThat(limit.approvableAmount()).isEqualByComparingTo("800000");
		assertThat(limit.grantedAmount()).isEqualByComparingTo("800000");
		assertThat(limit.limits()).extracting(LoanLimit.Limit::formula)
			.containsExactly("最高额度 800,000.00 元", "房价 1,200,000.00 元（合同价与评估价取低）× 80% = 960,000.00 元",
					"缴存余额 60,000.00 元 × 15 倍 × 缴存时间系数 1 = 900,000.00 元",
					"月收入 12,000.00 元 × 50% − 已有月还款 0.00 元 = 可承受月还款 6,000.00 元；按年利率 2.6%、360 个月折算本金 1,498,727.16 元");
		assertThat(limit.sentence()).isEqualTo("可贷额度 800,000.00 元，受最高额度限制（最高额度 800,000.00 元）");
	}

	@Test
	void boundByThePrice() {
		// a resale home at 70 %: contract 900,000, assessed 950,000 → 900,000 × 70 % = 630,000
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("700000"), yuan("1000"), yuan("1000000"),
				new LoanLimitInput.Price(yuan("900000"), yuan("950000"), yuan("0.7")), BALANCE_1_8, CAPACITY_1_8));

		assertThat(limit.binding().kind()).isEqualTo(LimitKind.PRICE);
		assertThat(limit.binding().amount()).isEqualByComparingTo("630000");
		assertThat(limit.approvableAmount()).isEqualByComparingTo("630000");
		assertThat(limit.grantedAmount()).isEqualByComparingTo("630000");
		assertThat(limit.sentence()).isEqualTo(
				"可贷额度 630,000.00 元，受房价成数限制（房价 900,000.00 元（合同价与评估价取低）× 70% = 630,000.00 元）");
	}

	@Test
	void boundByTheBalancesOfBorrowerAndSpouse() {
		// §1.8 with a cap of 1,200,000, the 60,000 shared by two depositors: 900,000 binds
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("1000000"), yuan("10000"), yuan("1200000"), PRICE_1_8,
				new LoanLimitInput.Balance(yuan("40000"), yuan("20000"), yuan("15"), yuan("1.0")), CAPACITY_1_8));

		assertThat(limit.binding().kind()).isEqualTo(LimitKind.BALANCE);
		assertThat(limit.binding().formula())
			.isEqualTo("缴存余额（40,000.00 + 20,000.00）元 × 15 倍 × 缴存时间系数 1 = 900,000.00 元");
		assertThat(limit.approvableAmount()).isEqualByComparingTo("900000");
		assertThat(limit.grantedAmount()).isEqualByComparingTo("900000");
	}

	@Test
	void theDepositTimeCoefficientScalesTheBalanceLimit() {
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("500000"), yuan("1000"), null, null,
				new LoanLimitInput.Balance(yuan("60000"), null, yuan("20"), yuan("0.5")), null));

		assertThat(limit.binding().amount()).isEqualByComparingTo("600000");
		assertThat(limit.binding().formula()).isEqualTo("缴存余额 60,000.00 元 × 20 倍 × 缴存时间系数 0.5 = 600,000.00 元");
	}

	@Test
	void boundByRepaymentCapacityAfterExistingDebts() {
		// 12,000 × 50 % − 1,000 = 5,000 a month → P_max(5000, 2.6 %, 360) = 1,248,939.30 (§1.3)
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("1500000"), yuan("1000"), yuan("1500000"),
				new LoanLimitInput.Price(yuan("2000000"), null, yuan("0.8")),
				new LoanLimitInput.Balance(yuan("100000"), null, yuan("15"), yuan("1.0")),
				new LoanLimitInput.RepaymentCapacity(yuan("12000"), yuan("0.5"), yuan("1000"), yuan("2.6"), 360)));

		assertThat(limit.binding().kind()).isEqualTo(LimitKind.REPAYMENT_CAPACITY);
		assertThat(limit.binding().amount()).isEqualByComparingTo("1248939.30");
		assertThat(limit.approvableAmount()).isEqualByComparingTo("1248000");
		assertThat(limit.grantedAmount()).isEqualByComparingTo("1248000");
		assertThat(limit.limits().get(1).formula()).isEqualTo("房价 2,000,000.00 元（合同价）× 80% = 1,600,000.00 元");
		assertThat(limit.sentence()).isEqualTo("可贷额度 1,248,000.00 元，受还款能力限制（月收入 12,000.00 元 × 50% − 已有月还款 "
				+ "1,000.00 元 = 可承受月还款 5,000.00 元；按年利率 2.6%、360 个月折算本金 1,248,939.30 元），按 1,000.00 元向下取整");
	}

	@ParameterizedTest(name = "unit {0} → {1}")
	@CsvSource({ "1000, 1174000.00", "10000, 1170000.00", "0.01, 1174647.18" })
	void roundsTheBindingAmountDownToThePolicyUnit(String unit, String approvable) {
		// P_max(5000, 3.075 %, 360) = 1,174,647.18 (§1.3)
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("2000000"), yuan(unit), null, null, null,
				new LoanLimitInput.RepaymentCapacity(yuan("10000"), yuan("0.5"), yuan("0"), yuan("3.075"), 360)));

		assertThat(limit.binding().amount()).isEqualByComparingTo("1174647.18");
		assertThat(limit.approvableAmount()).isEqualTo(yuan(approvable));
		assertThat(limit.grantedAmount()).isEqualTo(yuan(approvable));
	}

	@Test
	void grantsWhatWasAskedForWhenItIsLess() {
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("500000"), yuan("10000"), yuan("800000"), PRICE_1_8,
				BALANCE_1_8, CAPACITY_1_8));

		assertThat(limit.requestedAmount()).isEqualByComparingTo("500000");
		assertThat(limit.approvableAmount()).isEqualByComparingTo("800000");
		assertThat(limit.grantedAmount()).isEqualByComparingTo("500000");
		assertThat(limit.sentence()).isEqualTo("可贷额度 800,000.00 元，受最高额度限制（最高额度 800,000.00 元）；"
				+ "申请金额 500,000.00 元低于可贷额度，可批金额 500,000.00 元");
		assertThat(limit.limitSentence()).as("the limit alone, for an applicant to whom nothing is granted")
			.isEqualTo("可贷额度 800,000.00 元，受最高额度限制（最高额度 800,000.00 元）");
	}

	@Test
	void leavesOutTheLimitsACityDoesNotUse() {
		// §1.8 in a city without a cap: the balance limit 900,000 binds
		LoanLimit limit = LoanLimits
			.of(new LoanLimitInput(yuan("1000000"), yuan("10000"), null, PRICE_1_8, BALANCE_1_8, CAPACITY_1_8));

		assertThat(limit.limits()).extracting(LoanLimit.Limit::kind)
			.containsExactly(LimitKind.PRICE, LimitKind.BALANCE, LimitKind.REPAYMENT_CAPACITY);
		assertThat(limit.binding().kind()).isEqualTo(LimitKind.BALANCE);
		assertThat(limit.grantedAmount()).isEqualByComparingTo("900000");
	}

	@Test
	void aPaymentTheIncomeCannotCarryMakesTheCapacityZero() {
		// 4,000 × 50 % − 2,500 = −500
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(yuan("300000"), yuan("1000"), yuan("800000"), PRICE_1_8,
				BALANCE_1_8,
				new LoanLimitInput.RepaymentCapacity(yuan("4000"), yuan("0.5"), yuan("2500"), yuan("2.6"), 360)));

		assertThat(limit.binding().kind()).isEqualTo(LimitKind.REPAYMENT_CAPACITY);
		assertThat(limit.binding().amount()).isEqualTo(yuan("0.00"));
		assertThat(limit.binding().formula())
			.isEqualTo("月收入 4,000.00 元 × 50% − 已有月还款 2,500.00 元 = 可承受月还款 -500.00 元，不足以还款，额度 0.00 元");
		assertThat(limit.approvableAmount()).isEqualTo(yuan("0.00"));
		assertThat(limit.grantedAmount()).isEqualTo(yuan("0.00"));
	}

	@Test
	void theFirstOfEqualLimitsBinds() {
		LoanLimit capAndBalance = LoanLimits.of(new LoanLimitInput(yuan("900000"), yuan("1000"), yuan("900000"),
				PRICE_1_8, BALANCE_1_8, CAPACITY_1_8));
		assertThat(capAndBalance.binding().kind()).isEqualTo(LimitKind.CAP);

		// 1,125,000 × 80 % = 900,000 = 60,000 × 15 × 1.0
		LoanLimit priceAndBalance = LoanLimits.of(new LoanLimitInput(yuan("900000"), yuan("1000"), null,
				new LoanLimitInput.Price(yuan("1125000"), null, yuan("0.8")), BALANCE_1_8, CAPACITY_1_8));
		assertThat(priceAndBalance.binding().kind()).isEqualTo(LimitKind.PRICE);
	}

	@Test
	void limitKindsHaveChineseLabels() {
		assertThat(LimitKind.values()).extracting(LimitKind::label)
			.containsExactly("最高额度", "房价成数", "缴存余额倍数", "还款能力");
	}

	@Test
	void refusesIncompleteInput() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoanLimitInput(yuan("500000"), yuan("1000"), null, null, null, null))
			.withMessageContaining("at least one limit");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoanLimitInput(yuan("0"), yuan("1000"), yuan("800000"), null, null, null))
			.withMessageContaining("requestedAmount must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoanLimitInput(yuan("500000"), yuan("0"), yuan("800000"), null, null, null))
			.withMessageContaining("roundingUnit must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoanLimitInput.Price(yuan("1000000"), null, yuan("80")))
			.withMessageContaining("maxLoanToPrice must be above 0 and at most 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoanLimitInput.RepaymentCapacity(yuan("12000"), yuan("0.5"), yuan("0"), yuan("2.6"), 480))
			.withMessageContaining("months must be 1 to 360");
		assertThatIllegalArgumentException().isThrownBy(() -> LoanLimits.of(null)).withMessageContaining("input");
	}

}
