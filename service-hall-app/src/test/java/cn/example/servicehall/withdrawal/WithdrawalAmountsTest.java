package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.withdrawal.Facts.facts;
import static cn.example.servicehall.withdrawal.Facts.jiaozuo2024;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.example.servicehall.withdrawal.WithdrawalFacts.Papers;

/** The amount rule of each type, to the fen (policy: Jiaozuo 2024, rent 800 a month, at most 12 months). */
class WithdrawalAmountsTest {

	@Test
	void aClosingWithdrawalPaysTheBalanceAndTheInterestToDateRoundedHalfUpToTheFen() {
		WithdrawalAmount amount = amount(WithdrawalType.RETIREMENT,
				facts().balance("123456.78").interest("1234.565").papers(Papers.NONE));

		assertThat(amount.amount()).isEqualByComparingTo("124691.35").hasScaleOf(2);
		assertThat(amount.binding().words()).isEqualTo("账户余额 123,456.78 元加截至受理日的利息 1,234.57 元，合计 124,691.35 元");
		assertThat(amount(WithdrawalType.DEATH, facts().balance("0.01").interest("0.004")).amount())
			.isEqualByComparingTo("0.01");
	}

	@Test
	void aPurchasePaysThePriceLessTheLoansAndWhatTheFamilyWithdrewForTheHomeNeverAboveTheBalance() {
		Facts bought = facts().balance("300000.00")
			.home("豫(2025)焦作市不动产权第0012345号", "2025-10-08", "1000000.00", "700000.00", true)
			.earlier("2025-11-02", WithdrawalType.PURCHASE_RESALE_HOME, "80000.00", Facts.SPOUSE_ACCOUNT,
					"豫（2025）焦作市 不动产权第0012345号", null);

		WithdrawalAmount amount = amount(WithdrawalType.PURCHASE_RESALE_HOME, bought);
		assertThat(amount.amount()).isEqualByComparingTo("220000.00");
		assertThat(amount.binding().code()).isEqualTo("OWN_FUNDS");
		assertThat(amount.binding().words())
			.isEqualTo("房价 1,000,000.00 元减去贷款 700,000.00 元和本家庭已为该住房提取的 80,000.00 元，尚可提取 220,000.00 元");

		assertThat(amount(WithdrawalType.PURCHASE_RESALE_HOME, bought.balance("50000.00")).binding().code())
			.isEqualTo("BALANCE");
		WithdrawalAmount asked = amount(WithdrawalType.PURCHASE_RESALE_HOME, bought.requested("30000.50"));
		assertThat(asked.amount()).isEqualByComparingTo("30000.50");
		assertThat(asked.binding().code()).isEqualTo("REQUESTED");
	}

	@Test
	void aYearlyRepaymentPaysWhatWasRepaidLessWhatWasWithdrawnForTheLoan() {
		Facts repaying = facts().loan("JZ2020001", true, "36512.34", "2345.67", false)
			.earlier("2025-03-01", WithdrawalType.LOAN_REPAYMENT, "20000.00", Facts.ACCOUNT, null, "JZ2020001");

		WithdrawalAmount amount = amount(WithdrawalType.LOAN_REPAYMENT, repaying);

		assertThat(amount.amount()).isEqualByComparingTo("16512.34");
		assertThat(amount.binding().words())
			.isEqualTo("贷款 JZ2020001 已还本息 36,512.34 元，减去本家庭已为其提取的 20,000.00 元，尚可提取 16,512.34 元");
		assertThat(amount(WithdrawalType.LOAN_REPAYMENT_MONTHLY, repaying).amount()).isEqualByComparingTo("2345.67");
	}

	@ParameterizedTest(name = "last rent {0}, lease {1} from {2}: {3}")
	@CsvSource(nullValues = "none", value = {
			// accepted 2026-03-16: six whole months since 2025-09-16, five since 2025-09-17
			"2025-09-16, none, none, 4800.00", "2025-09-17, none, none, 4000.00",
			// the first rent withdrawal without a lease: the most months a withdrawal pays
			"none, none, none, 9600.00",
			// the first with a lease of 650.50 a month from 2025-12-01: three whole months
			"none, 650.50, 2025-12-01, 1951.50",
			// a lease above the cap pays the cap
			"2025-12-16, 1500.00, 2025-01-01, 2400.00",
			// two years since the last: at most 12 months
			"2024-01-01, none, none, 9600.00" })
	void rentPaysTheMonthlyRentAtMostTheCapForTheMonthsSinceTheLastRentWithdrawalAtMostTwelve(String last,
			String rent, String leaseFrom, BigDecimal expected) {
		Facts renting = facts().balance("100000.00");
		if (last != null) {
			renting.earlier(last, WithdrawalType.RENT, "2400.00", Facts.ACCOUNT, null, null);
		}
		if (rent != null) {
			renting.lease(rent, leaseFrom, true);
		}

		WithdrawalAmount amount = amount(WithdrawalType.RENT, renting);

		assertThat(amount.amount()).isEqualByComparingTo(expected).hasScaleOf(2);
		assertThat(amount.binding().code()).isEqualTo("RENT");
	}

	@Test
	void theRentRuleReadsOutMonthsAndCap() {
		WithdrawalAmount amount = amount(WithdrawalType.RENT,
				facts().earlier("2025-09-16", WithdrawalType.RENT, "2400.00", Facts.ACCOUNT, null, null));

		assertThat(amount.binding().words())
			.isEqualTo("每月 800.00 元 × 6 个月 = 4,800.00 元（本市每月上限 800.00 元，每次最多 12 个月）");
	}

	@Test
	void aSpousesRentWithdrawalDoesNotShortenTheApplicantsMonths() {
		WithdrawalAmount amount = amount(WithdrawalType.RENT,
				facts().earlier("2026-02-16", WithdrawalType.RENT, "800.00", Facts.SPOUSE_ACCOUNT, null, null));

		assertThat(amount.amount()).isEqualByComparingTo("9600.00");
	}

	@Test
	void seriousIllnessPaysWhatTheFamilyPaidItselfAtMostTheCitysCap() {
		WithdrawalAmount own = amount(WithdrawalType.SERIOUS_ILLNESS,
				facts().balance("200000.00").invoice("80000.00", "52345.67").invoice("10000.01", "0"));
		assertThat(own.amount()).isEqualByComparingTo("37654.34");
		assertThat(own.binding().words()).isEqualTo("医疗费用 90,000.01 元减去医保报销 52,345.67 元，自付 37,654.34 元");

		WithdrawalAmount capped = amount(WithdrawalType.SERIOUS_ILLNESS,
				facts().balance("200000.00").invoice("300000.00", "100000.00"));
		assertThat(capped.amount()).isEqualByComparingTo("150000.00");
		assertThat(capped.binding().code()).isEqualTo("ILLNESS_CAP");
	}

	@Test
	void anElevatorPaysTheHouseholdsShareAtMostTheCitysCapAndBuildingItsCost() {
		Facts elevator = facts();
		elevator.elevatorShare = new BigDecimal("12345.60");
		assertThat(amount(WithdrawalType.ELEVATOR_INSTALLATION, elevator).amount()).isEqualByComparingTo("12345.60");
		elevator.elevatorShare = new BigDecimal("35000.00");
		assertThat(amount(WithdrawalType.ELEVATOR_INSTALLATION, elevator).binding().code()).isEqualTo("ELEVATOR_CAP");

		Facts building = facts();
		building.buildCost = new BigDecimal("88888.88");
		assertThat(amount(WithdrawalType.BUILD_OR_OVERHAUL, building.balance("100000.00")).amount())
			.isEqualByComparingTo("88888.88");
	}

	@ParameterizedTest
	@CsvSource({ "RENT", "SERIOUS_ILLNESS", "ELEVATOR_INSTALLATION", "PURCHASE_NEW_HOME", "LOAN_REPAYMENT",
			"BUILD_OR_OVERHAUL" })
	void noPartialWithdrawalPaysMoreThanTheBalance(WithdrawalType type) {
		Facts poor = facts().balance("1234.56")
			.home("A-1", "2026-01-01", "900000.00", "0", true)
			.loan("JZ1", true, "50000.00", "3000.00", false)
			.invoice("50000.00", "0");
		poor.elevatorShare = new BigDecimal("20000.00");
		poor.buildCost = new BigDecimal("20000.00");

		WithdrawalAmount amount = amount(type, poor);

		assertThat(amount.amount()).isEqualByComparingTo("1234.56");
		assertThat(amount.binding().code()).isEqualTo("BALANCE");
	}

	private static WithdrawalAmount amount(WithdrawalType type, Facts facts) {
		return WithdrawalAmounts.of(type, facts.build(), jiaozuo2024());
	}

}
