package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.example.servicehall.agencies.LoanServicing.HousingLoan;
import cn.example.servicehall.agencies.LoanServicing.LoanKind;
import cn.example.servicehall.agencies.fake.FakeLoanServicing.Terms;

/** What the fake loan systems say was repaid and is overdue, on a given day. */
class FakeLoanServicingTest {

	private static final BigDecimal INSTALMENT = new BigDecimal("1936.83");

	private static Terms terms(LocalDate overdueSince) {
		// 400,000 over 240 months at 3.25 %: 2,268.78 a month (等额本息); the instalment here is any fixed amount
		return new Terms("JK1", LoanKind.FUND, "焦作市住房公积金管理中心", true, "豫(2021)焦作市不动产权第0067890号",
				new BigDecimal("400000.00"), new BigDecimal("0.03250"), 240, LocalDate.of(2021, 6, 20), INSTALMENT,
				overdueSince);
	}

	@Test
	void repaidInAPeriodCountsTheInstalmentsDueInItBothEndsIncluded() {
		HousingLoan loan = FakeLoanServicing.loan(terms(null), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 12, 20),
				LocalDate.of(2026, 12, 8));
		assertThat(loan.repaidInPeriod()).isEqualByComparingTo(INSTALMENT.multiply(BigDecimal.valueOf(12)));
		assertThat(loan.overdue()).isFalse();
		assertThat(loan.lastDue()).isEqualTo(LocalDate.of(2041, 5, 20));
	}

	@Test
	void nothingAfterTodayIsRepaidAndTodaysInstalmentIsPaidNotOverdue() {
		HousingLoan loan = FakeLoanServicing.loan(terms(null), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31),
				LocalDate.of(2026, 11, 20));
		assertThat(loan.repaidInPeriod()).isEqualByComparingTo(INSTALMENT);
		assertThat(loan.overdueInstalments()).isZero();
	}

	@Test
	void fromItsOverdueDayOnNothingIsPaidAndEachPastDueDayIsOverdue() {
		HousingLoan loan = FakeLoanServicing.loan(terms(LocalDate.of(2026, 9, 20)), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 8));
		assertThat(loan.overdueInstalments()).isEqualTo(3); // 09-20, 10-20, 11-20; 12-20 is not due yet
		assertThat(loan.overdueSince()).isEqualTo(LocalDate.of(2026, 9, 20));
		assertThat(loan.overdueAmount()).isEqualByComparingTo(INSTALMENT.multiply(BigDecimal.valueOf(3)));
		assertThat(loan.repaidInPeriod()).isEqualByComparingTo(INSTALMENT.multiply(BigDecimal.valueOf(8)));
		// on its due day an instalment is not yet overdue
		assertThat(FakeLoanServicing.loan(terms(LocalDate.of(2026, 9, 20)), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), LocalDate.of(2026, 9, 20)).overdue()).isFalse();
	}

	@Test
	void theOutstandingPrincipalFollowsTheAnnuity() {
		// an annuity's instalment pays it off to within rounding at the end, and nothing is left before the start paid
		BigDecimal instalment = new BigDecimal("2268.78");
		assertThat(FakeLoanServicing.outstanding(new BigDecimal("400000.00"), new BigDecimal("0.0325"), instalment, 0))
			.isEqualByComparingTo("400000.00");
		assertThat(FakeLoanServicing.outstanding(new BigDecimal("400000.00"), new BigDecimal("0.0325"), instalment, 240))
			.isLessThan(new BigDecimal("5.00"));
		// after one instalment: 400,000 × (1 + 0.0325/12) − 2,268.78 = 398,814.55
		assertThat(FakeLoanServicing.outstanding(new BigDecimal("400000.00"), new BigDecimal("0.0325"), instalment, 1))
			.isEqualByComparingTo("398814.55");
	}

}
