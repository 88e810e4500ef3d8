package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.example.servicehall.agencies.fake.DepositInterest.Movement;

/** Interest by the daily-product method, 1.50 %/year over 360 days, rounded half-up to fen once (domain.md §10). */
class DepositInterestTest {

	private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

	@Test
	void domainExamplesHundredThousandFor360And365Days() {
		assertThat(DepositInterest.accrued(new BigDecimal("100000.00"), List.of(), JULY_1, JULY_1.plusDays(360)))
			.isEqualByComparingTo("1500.00");
		// 1,520.8333… → 1,520.83
		assertThat(DepositInterest.accrued(new BigDecimal("100000.00"), List.of(), JULY_1, JULY_1.plusDays(365)))
			.isEqualByComparingTo("1520.83");
	}

	@Test
	void aMovementCountsFromItsOwnDayAndTheLastDayIsNotCounted() {
		// 10,000 for 10 days, then 13,000 for 20 days: (100,000 + 260,000) × 0.015 / 360 = 15.00
		List<Movement> movements = List.of(new Movement(JULY_1.plusDays(10), new BigDecimal("3000.00")));
		assertThat(DepositInterest.accrued(new BigDecimal("10000.00"), movements, JULY_1, JULY_1.plusDays(30)))
			.isEqualByComparingTo("15.00");
		// a debit the same way: 10,000 for 10 days, 4,000 for 20 days: 180,000 × 0.015 / 360 = 7.50
		assertThat(DepositInterest.accrued(new BigDecimal("10000.00"),
				List.of(new Movement(JULY_1.plusDays(10), new BigDecimal("-6000.00"))), JULY_1, JULY_1.plusDays(30)))
			.isEqualByComparingTo("7.50");
	}

	@Test
	void movementsOutsideThePeriodAreIgnored() {
		List<Movement> movements = List.of(new Movement(JULY_1.minusDays(1), new BigDecimal("999.00")),
				new Movement(JULY_1.plusDays(30), new BigDecimal("999.00")));
		assertThat(DepositInterest.accrued(new BigDecimal("12000.00"), movements, JULY_1, JULY_1.plusDays(30)))
			.isEqualByComparingTo("15.00");
	}

	@Test
	void roundsHalfUpOnceOnTheExactSum() {
		// 300 for 1 day: 0.0125 → 0.01; 600 for 1 day: 0.025 → 0.03 (half up; half-even would give 0.02)
		assertThat(DepositInterest.accrued(new BigDecimal("300.00"), List.of(), JULY_1, JULY_1.plusDays(1)))
			.isEqualByComparingTo("0.01");
		assertThat(DepositInterest.accrued(new BigDecimal("600.00"), List.of(), JULY_1, JULY_1.plusDays(1)))
			.isEqualByComparingTo("0.03");
		// twelve days of 300 would be 12 × 0.01 = 0.12 rounded day by day; summed first, 0.15
		assertThat(DepositInterest.accrued(new BigDecimal("300.00"), List.of(), JULY_1, JULY_1.plusDays(12)))
			.isEqualByComparingTo("0.15");
	}

	@Test
	void noDaysNoInterest() {
		assertThat(DepositInterest.accrued(new BigDecimal("50000.00"), List.of(), JULY_1, JULY_1)).isEqualByComparingTo("0");
		assertThat(DepositInterest.accrued(new BigDecimal("50000.00"), List.of(), JULY_1, JULY_1.minusDays(3)))
			.isEqualByComparingTo("0");
	}

}
