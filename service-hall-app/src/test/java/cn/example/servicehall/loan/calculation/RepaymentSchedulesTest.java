package cn.example.servicehall.loan.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Repayment arithmetic against the published vectors of domain.md §3.4 (P1–P7), the annuity-inverse table of §1.3
 * and the rounding example of §3.3 item 4.
 */
class RepaymentSchedulesTest {

	private static final LocalDate FIRST_DUE = LocalDate.of(2025, 7, 20);

	private static BigDecimal yuan(String amount) {
		return new BigDecimal(amount);
	}

	private static BigDecimal payment(String principal, String rate, int months) {
		return RepaymentSchedules.equalInstalmentPayment(yuan(principal), yuan(rate), months);
	}

	private static BigDecimal interestA(String principal, String rate, int months) {
		return RepaymentSchedules.equalInstalmentTotalInterestCalculatorConvention(yuan(principal), yuan(rate),
				months);
	}

	@Nested
	class PublishedVectors {

		@Test
		void p1OneMillionOverThirtyYearsFrom285To260() {
			// published: payment 4,135.57 → 4,003.40, −132.17/month; total interest 488,800 → 441,200 (−47,600)
			BigDecimal before = payment("1000000", "2.85", 360);
			BigDecimal after = payment("1000000", "2.60", 360);
			assertThat(before).isEqualByComparingTo("4135.57");
			assertThat(after).isEqualByComparingTo("4003.40");
			assertThat(before.subtract(after)).isEqualByComparingTo("132.17");

			BigDecimal interestBefore = interestA("1000000", "2.85", 360);
			BigDecimal interestAfter = interestA("1000000", "2.60", 360);
			// the source publishes the totals to the hundred yuan
			assertThat(interestBefore.setScale(-2, RoundingMode.HALF_UP)).isEqualByComparingTo("488800");
			assertThat(interestAfter.setScale(-2, RoundingMode.HALF_UP)).isEqualByComparingTo("441200");
			assertThat(interestBefore.subtract(interestAfter).setScale(-2, RoundingMode.HALF_UP))
				.isEqualByComparingTo("47600");
		}

		@Test
		void p2OneMillionOverThirtyYearsFrom310To285SavesAbout135AMonth() {
			BigDecimal saving = payment("1000000", "3.1", 360).subtract(payment("1000000", "2.85", 360));

			assertThat(saving.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("135");
		}

		@Test
		void p3SixHundredSeventyThousandAt490() {
			// published: 3,555.87/month; total 1,280,113.2; interest 610,113.2 (convention (b), round(A)·n − P);
			// month 1: interest 2,735.83, principal 820.04
			BigDecimal principal = yuan("670000");
			BigDecimal monthly = RepaymentSchedules.equalInstalmentPayment(principal, yuan("4.9"), 360);
			assertThat(monthly).isEqualByComparingTo("3555.87");
			assertThat(monthly.multiply(BigDecimal.valueOf(360))).isEqualByComparingTo("1280113.2");
			assertThat(monthly.multiply(BigDecimal.valueOf(360)).subtract(principal)).isEqualByComparingTo("610113.2");

			RepaymentSchedule schedule = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_INSTALMENT, principal,
					yuan("4.9"), 360, FIRST_DUE);
			Instalment first = schedule.instalments().get(0);
			assertThat(first.payment()).isEqualByComparingTo("3555.87");
			assertThat(first.interest()).isEqualByComparingTo("2735.83");
			assertThat(first.principal()).isEqualByComparingTo("820.04");
			assertThat(schedule.monthlyPayment()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("3555.87"));
		}

		@Test
		void p4ThreeHundredSeventyThousandOverTwentyYearsAt450() {
			// published: 2,340.80/month; interest 191,792.65; total 561,792.65
			BigDecimal interest = interestA("370000", "4.5", 240);
			assertThat(payment("370000", "4.5", 240)).isEqualByComparingTo("2340.80");
			assertThat(interest).isEqualByComparingTo("191792.65");
			assertThat(interest.add(yuan("370000"))).isEqualByComparingTo("561792.65");
		}

		@Test
		void p5ThreeHundredSeventyThousandOverTwentyYearsAt655() {
			// published: 2,769.52; interest 294,685.49
			assertThat(payment("370000", "6.55", 240)).isEqualByComparingTo("2769.52");
			assertThat(interestA("370000", "6.55", 240)).isEqualByComparingTo("294685.49");
		}

		@Test
		void p6EqualInstalment() {
			// published: 948.97, interest 77,753.77. Convention (a) gives 77,753.78: A·n − P is 77,753.7754…,
			// so the source cut off rather than rounded (domain.md §3.4 P6).
			assertThat(payment("150000", "4.5", 240)).isEqualByComparingTo("948.97");
			BigDecimal interest = interestA("150000", "4.5", 240);
			assertThat(interest).isCloseTo(yuan("77753.77"), within(yuan("0.01")));
			assertThat(interest).isEqualByComparingTo("77753.78");
		}

		@Test
		void p6EqualPrincipal() {
			// published: first 1,187.5, −2.34/month, last 627.34, interest 67,781.25
			BigDecimal principal = yuan("150000");
			BigDecimal rate = yuan("4.5");
			assertThat(RepaymentSchedules.equalPrincipalFirstPayment(principal, rate, 240)).isEqualByComparingTo("1187.50");
			BigDecimal decrease = RepaymentSchedules.equalPrincipalMonthlyDecrease(principal, rate, 240);
			assertThat(decrease).isEqualByComparingTo("2.34375");
			assertThat(decrease.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2.34");
			assertThat(RepaymentSchedules.equalPrincipalTotalInterestClosedForm(principal, rate, 240))
				.isEqualByComparingTo("67781.25");

			RepaymentSchedule schedule = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_PRINCIPAL, principal, rate,
					240, FIRST_DUE);
			assertThat(schedule.instalments().get(0).payment()).isEqualByComparingTo("1187.50");
			assertThat(schedule.instalments().get(0).principal()).isEqualByComparingTo("625.00");
			assertThat(schedule.lastInstalment().payment()).isEqualByComparingTo("627.34");
			assertThat(schedule.monthlyPayment()).isEmpty();
			// convention (c), the sum of the rounded monthly interest, is not the published closed form: each of the
			// 240 months rounds j × 2.34375 to the fen. 67,781.40 was checked with Python's decimal module.
			assertThat(schedule.totalInterest()).isCloseTo(yuan("67781.25"), within(yuan("1.20")));
			assertThat(schedule.totalInterest()).isEqualByComparingTo("67781.40");
		}

		@Test
		void p7OneMillionOverThirtyYearsFrom400To375() {
			// published in whole yuan: 4,774 → 4,631
			assertThat(payment("1000000", "4.0", 360).setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("4774");
			assertThat(payment("1000000", "3.75", 360).setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("4631");
		}

	}

	@ParameterizedTest(name = "P_max({0}, {1} %, {2}) = {3}")
	@CsvSource({ "5000, 2.6, 360, 1248939.30", "6000, 2.6, 360, 1498727.16", "6000, 2.6, 300, 1322548.66",
			"5000, 3.075, 360, 1174647.18", "3000, 2.6, 240, 560969.90" })
	void annuityInverseGivesTheTableOfSection13(String payment, String rate, int months, String expected) {
		assertThat(RepaymentSchedules.maxPrincipalForPayment(yuan(payment), yuan(rate), months))
			.isEqualByComparingTo(expected)
			.hasScaleOf(2);
	}

	@Test
	void equalPrincipalFirstMonthComponentsDifferByAFenFromTheClosedForm() {
		// domain.md §3.3 item 4: 1,000,000 / 2.6 % / 360 → component sum 4,944.45, closed form 4,944.44
		BigDecimal principal = yuan("1000000");
		BigDecimal rate = yuan("2.6");

		Instalment first = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_PRINCIPAL, principal, rate, 360, FIRST_DUE)
			.instalments()
			.get(0);

		assertThat(first.principal()).isEqualByComparingTo("2777.78");
		assertThat(first.interest()).isEqualByComparingTo("2166.67");
		assertThat(first.payment()).isEqualByComparingTo("4944.45");
		assertThat(RepaymentSchedules.equalPrincipalFirstPayment(principal, rate, 360)).isEqualByComparingTo("4944.44");
	}

	@ParameterizedTest(name = "{0} {1} at {2} % over {3} months")
	@CsvSource({ "EQUAL_INSTALMENT, 1000000, 2.6, 360", "EQUAL_INSTALMENT, 670000, 4.9, 360",
			"EQUAL_INSTALMENT, 150000, 4.5, 240", "EQUAL_INSTALMENT, 123456.78, 2.1, 60",
			"EQUAL_INSTALMENT, 800000, 3.075, 300", "EQUAL_INSTALMENT, 500000, 2.6, 12",
			"EQUAL_INSTALMENT, 10000, 2.6, 1", "EQUAL_PRINCIPAL, 1000000, 2.6, 360", "EQUAL_PRINCIPAL, 150000, 4.5, 240",
			"EQUAL_PRINCIPAL, 123456.78, 2.1, 60", "EQUAL_PRINCIPAL, 333333.33, 2.85, 7", "EQUAL_PRINCIPAL, 10000, 2.6, 1" })
	void schedulesRepayTheLoanExactly(RepaymentMethod method, String principal, String rate, int months) {
		RepaymentSchedule schedule = RepaymentSchedules.schedule(method, yuan(principal), yuan(rate), months, FIRST_DUE);
		List<Instalment> instalments = schedule.instalments();

		assertThat(instalments).hasSize(months);
		assertThat(instalments).extracting(Instalment::period)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, months).boxed().toList());
		assertThat(instalments.stream().map(Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(principal);
		assertThat(schedule.lastInstalment().remainingPrincipal()).isEqualTo(yuan("0.00"));
		assertThat(schedule.totalPayment()).isEqualByComparingTo(yuan(principal).add(schedule.totalInterest()));
		BigDecimal balance = yuan(principal);
		for (Instalment instalment : instalments) {
			assertThat(instalment.payment()).hasScaleOf(2);
			assertThat(instalment.payment()).isEqualByComparingTo(instalment.principal().add(instalment.interest()));
			// interest_k = round(B_{k−1}·r): within half a fen of the exact monthly interest
			BigDecimal exactInterest = balance.multiply(yuan(rate)).divide(BigDecimal.valueOf(1200), 20,
					RoundingMode.HALF_UP);
			assertThat(instalment.interest()).isCloseTo(exactInterest, within(yuan("0.005")));
			balance = balance.subtract(instalment.principal());
			assertThat(instalment.remainingPrincipal()).isEqualByComparingTo(balance);
		}
		if (method == RepaymentMethod.EQUAL_INSTALMENT) {
			BigDecimal monthly = RepaymentSchedules.equalInstalmentPayment(yuan(principal), yuan(rate), months);
			assertThat(instalments.subList(0, months - 1)).allSatisfy(i -> assertThat(i.payment()).isEqualTo(monthly));
			// the last month takes what the rounding of A left over: at most a fen per month of term
			assertThat(schedule.lastInstalment().payment()).isCloseTo(monthly,
					within(yuan("0.01").multiply(BigDecimal.valueOf(months))));
		}
		else {
			BigDecimal monthlyPrincipal = yuan(principal).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
			assertThat(instalments.subList(0, months - 1))
				.allSatisfy(i -> assertThat(i.principal()).isEqualTo(monthlyPrincipal));
		}
	}

	@Test
	void theLastEqualInstalmentCarriesTheResidual() {
		// P1 at 2.85 %: 359 payments of 4,135.57 leave a last payment of 4,137.71 (checked with Python's decimal
		// module; not a published figure)
		RepaymentSchedule schedule = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_INSTALMENT, yuan("1000000"),
				yuan("2.85"), 360, FIRST_DUE);

		assertThat(schedule.lastInstalment().payment()).isEqualByComparingTo("4137.71");
		assertThat(schedule.monthlyPayment()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("4135.57"));
		// convention (c) next to the published convention (a) 488,806.58 of P1
		assertThat(schedule.totalInterest()).isCloseTo(yuan("488806.58"), within(yuan("3.60")));
	}

	@Test
	void dueDatesKeepTheDayOfMonthOrTheMonthsLastDay() {
		RepaymentSchedule leapYear = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_INSTALMENT, yuan("100000"),
				yuan("2.6"), 14, LocalDate.of(2024, 1, 31));

		assertThat(leapYear.instalments()).extracting(Instalment::dueDate)
			.startsWith(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31),
					LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 31))
			.endsWith(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28));

		RepaymentSchedule fromThe30th = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_PRINCIPAL, yuan("100000"),
				yuan("2.6"), 3, LocalDate.of(2025, 1, 30));
		assertThat(fromThe30th.instalments()).extracting(Instalment::dueDate)
			.containsExactly(LocalDate.of(2025, 1, 30), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 30));
	}

	@Test
	void aTinyLoanNeverRunsTheBalanceBelowZero() {
		// 1,000 yuan over 30 years: round(A) = 4.00 against an exact 4.0034, so rounding runs ahead of the balance
		RepaymentSchedule schedule = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_INSTALMENT, yuan("1000"),
				yuan("2.6"), 360, FIRST_DUE);

		assertThat(schedule.instalments()).allSatisfy(i -> assertThat(i.remainingPrincipal()).isNotNegative());
		assertThat(schedule.lastInstalment().remainingPrincipal()).isEqualTo(yuan("0.00"));

		RepaymentSchedule equalPrincipal = RepaymentSchedules.schedule(RepaymentMethod.EQUAL_PRINCIPAL, yuan("1.80"),
				yuan("2.6"), 360, FIRST_DUE);
		assertThat(equalPrincipal.instalments()).allSatisfy(i -> assertThat(i.remainingPrincipal()).isNotNegative());
		assertThat(equalPrincipal.lastInstalment().remainingPrincipal()).isEqualTo(yuan("0.00"));
	}

	@Test
	void repaymentMethodsCarryTheDataStandardCodes() {
		assertThat(RepaymentMethod.EQUAL_INSTALMENT.code()).isEqualTo("01");
		assertThat(RepaymentMethod.EQUAL_PRINCIPAL.code()).isEqualTo("02");
		assertThat(RepaymentMethod.EQUAL_INSTALMENT.label()).isEqualTo("等额本息");
		assertThat(RepaymentMethod.EQUAL_PRINCIPAL.label()).isEqualTo("等额本金");
	}

	@Test
	void refusesArgumentsOutsideTheirRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> payment("0", "2.6", 360))
			.withMessageContaining("principal must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("-1", "2.6", 360))
			.withMessageContaining("principal must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("100.001", "2.6", 360))
			.withMessageContaining("whole fen");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("100000", "2.6", 0))
			.withMessageContaining("months must be 1 to 360");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("100000", "2.6", 361))
			.withMessageContaining("months must be 1 to 360");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("100000", "0", 360))
			.withMessageContaining("annualRatePercent");
		assertThatIllegalArgumentException().isThrownBy(() -> payment("100000", "100", 360))
			.withMessageContaining("annualRatePercent");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RepaymentSchedules.schedule(null, yuan("100000"), yuan("2.6"), 360, FIRST_DUE))
			.withMessageContaining("method");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RepaymentSchedules.schedule(RepaymentMethod.EQUAL_PRINCIPAL, yuan("100000"), yuan("2.6"),
					360, null))
			.withMessageContaining("firstDueDate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RepaymentSchedules.maxPrincipalForPayment(BigDecimal.ZERO, yuan("2.6"), 360))
			.withMessageContaining("maxMonthlyPayment must be positive");
	}

}
