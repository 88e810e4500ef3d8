package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.withdrawal.Facts.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.withdrawal.WithdrawalDecision.Route;

/**
 * The withdrawal policy table is seeded for Jiaozuo in two versions, the version in force on the day of acceptance
 * applies, and the hall's rules (the engine's deployed decision tables) decide with it: the rent cap the day before the
 * change and on the day.
 */
@ServiceHallIntegrationTest
class WithdrawalPoliciesIT {

	@Autowired
	WithdrawalPolicies policies;

	@Autowired
	WithdrawalRules rules;

	@Test
	void jiaozuoIsSeededInTwoVersionsWithTheirSources() {
		assertThat(this.policies.history("JIAOZUO")).extracting(WithdrawalPolicy::id)
			.containsExactly("JIAOZUO-2026", "JIAOZUO-2024");
		WithdrawalPolicy first = this.policies.byId("JIAOZUO-2024").orElseThrow();
		assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(first.rentMonthlyCap()).isEqualByComparingTo("800.00");
		assertThat(first.rentIntervalMonths()).isEqualTo(3);
		assertThat(first.rentMaxMonths()).isEqualTo(12);
		assertThat(first.purchaseWindowMonths()).isEqualTo(24);
		assertThat(first.purchaseWithdrawalsPerHome()).isEqualTo(1);
		assertThat(first.illnessCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("150000.00"));
		assertThat(first.elevatorCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("30000.00"));
		assertThat(first.minContinuousMonths()).isEqualTo(3);
		assertThat(first.leavingCitySealedMonths()).isEqualTo(6);
		assertThat(first.fourEyesAbove()).isEqualByComparingTo("200000.00");
		assertThat(first.note()).contains("domain.md §4.2", "Assumed");
	}

	@Test
	void theVersionInForceOnTheDayOfAcceptanceApplies() {
		assertThat(this.policies.inForce("JIAOZUO", LocalDate.of(2024, 1, 1)).id()).isEqualTo("JIAOZUO-2024");
		assertThat(this.policies.inForce("JIAOZUO", LocalDate.of(2026, 6, 30)).id()).isEqualTo("JIAOZUO-2024");
		assertThat(this.policies.inForce("JIAOZUO", LocalDate.of(2026, 7, 1)).id()).isEqualTo("JIAOZUO-2026");
		assertThat(this.policies.inForce("JIAOZUO", LocalDate.of(2030, 1, 1)).rentMonthlyCap())
			.isEqualByComparingTo("1000.00");
		assertThat(this.policies.inForce(LocalDate.of(2026, 7, 1)).cityName()).as("the hall's city").isEqualTo("焦作市");
	}

	@Test
	void aDayWithoutAPolicyIsRefusedInWords() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.policies.inForce("JIAOZUO", LocalDate.of(2023, 12, 31)))
			.satisfies(problem -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(409);
				assertThat(problem.getBody().getTitle()).isEqualTo("没有适用的提取政策");
				assertThat(problem.getBody().getDetail())
					.startsWith("城市 JIAOZUO 在 2023-12-31 没有生效的住房公积金提取政策，请系统管理员补录。");
			});
	}

	@Test
	void theRentCapTheDayBeforeThePolicyChangesAndOnTheDay() {
		WithdrawalDecision before = rent(LocalDate.of(2026, 6, 30), "2025-12-30");
		WithdrawalDecision on = rent(LocalDate.of(2026, 7, 1), "2026-01-01");

		assertThat(before.policyId()).isEqualTo("JIAOZUO-2024");
		assertThat(before.payable()).isEqualByComparingTo("4800.00");
		assertThat(before.amount().binding().words())
			.isEqualTo("每月 800.00 元 × 6 个月 = 4,800.00 元（本市每月上限 800.00 元，每次最多 12 个月）");
		assertThat(on.policyId()).isEqualTo("JIAOZUO-2026");
		assertThat(on.payable()).isEqualByComparingTo("6000.00");
		assertThat(on.route()).isEqualTo(Route.PAY_AUTOMATICALLY);
	}

	private WithdrawalDecision rent(LocalDate day, String lastRent) {
		WithdrawalFacts facts = facts().on(day.toString())
			.earlier(lastRent, WithdrawalType.RENT, "2400.00", Facts.ACCOUNT, null, null)
			.build();
		return this.rules.decide(WithdrawalType.RENT, facts, this.policies.inForce("JIAOZUO", day));
	}

}
