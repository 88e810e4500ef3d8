package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.withdrawal.Facts.allPapers;
import static cn.example.servicehall.withdrawal.Facts.facts;
import static cn.example.servicehall.withdrawal.Facts.jiaozuo2024;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.example.servicehall.intake.RetirementAge.Kind;
import cn.example.servicehall.withdrawal.WithdrawalDecision.Reason;
import cn.example.servicehall.withdrawal.WithdrawalDecision.Route;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Papers;

/**
 * The one entry point: eligibility from the decision tables (evaluated here without the engine), the amount, what a
 * person must review, four-eyes and the fraud flags, and where the case goes.
 */
class WithdrawalRulesTest {

	private final WithdrawalRules rules = Facts.rules();

	@ParameterizedTest(name = "{1} born {0}, accepted {2}: retired {3}")
	@CsvSource({
			// a man born 1965-05 reaches 60y2m in 2025-07 under the 2025 reform: the month before, the month of
			"1965-05-31, M60, 2025-06-30, false", "1965-05-31, M60, 2025-07-01, true",
			// a woman worker born 1975-03 reaches 50y2m in 2025-05 (2025-03 before the reform)
			"1975-03-15, F50, 2025-04-30, false", "1975-03-15, F50, 2025-05-01, true",
			// a woman cadre born 1970-02 reaches 55y1m in 2025-03
			"1970-02-10, F55, 2025-02-28, false", "1970-02-10, F55, 2025-03-03, true" })
	void retirementIsDecidedByTheReformsRetirementMonth(String born, Kind kind, String day, boolean retired) {
		WithdrawalDecision decision = decide(WithdrawalType.RETIREMENT,
				facts().born(born, kind).on(day).balance("86420.00").interest("123.45"));

		assertThat(decision.eligible()).isEqualTo(retired);
		assertThat(decision.route()).isEqualTo(retired ? Route.PAY_AUTOMATICALLY : Route.NOT_ELIGIBLE);
		assertThat(decision.amount().amount()).isEqualByComparingTo("86543.45");
		assertThat(decision.payable()).isEqualByComparingTo(retired ? "86543.45" : "0");
	}

	@Test
	void theDecisionReadsAsOneParagraph() {
		assertThat(decide(WithdrawalType.RETIREMENT,
				facts().born("1965-05-31", Kind.M60).on("2025-07-01").balance("86420.00").interest("123.45")).summary())
			.isEqualTo("符合离休、退休提取条件，可提取 86,543.45 元（账户余额 86,420.00 元加截至受理日的利息 123.45 元，合计 86,543.45 元）。"
					+ "由系统按规则自动办理。");
		Facts owner = facts();
		owner.homesOwnedInCity = 1;
		assertThat(decide(WithdrawalType.RENT, owner).summary())
			.isEqualTo("不符合租房提取条件：不动产登记显示申请人或其配偶在本市有 1 套住房，有房不能办理租房提取。"
					+ "须人工审核：存在疑似骗提情形（本市有房而租房提取），不得自动办理，须由经办人审核。");
		assertThat(decide(WithdrawalType.RENT, facts().continuousMonths(2)).summary())
			.isEqualTo("不符合租房提取条件：连续正常缴存 2 个月，不足本市部分提取要求的 3 个月。请向申请人说明原因和所缺材料。");
	}

	@Test
	void theClerkReadsOutWhenTheApplicantWillRetireAndWhatToBringMeanwhile() {
		WithdrawalDecision decision = decide(WithdrawalType.RETIREMENT, facts().born("1965-05-31", Kind.M60).on("2025-06-30"));

		assertThat(decision.unmet()).containsExactly(new Reason("NOT_RETIRED",
				"未达到法定退休年龄：按渐进式延迟法定退休年龄的规定，申请人的法定退休年龄为 60 岁 2 个月，于 2025 年 7 月达到，社会保险系统也没有其退休记录",
				"退休证或退休审批表；或于 2025 年 7 月起再申请"));
	}

	@Test
	void retirementOnTheSocialSecurityRecordIsDecidedWithoutAClerkAndOnPaperByOne() {
		Facts early = facts().born("1970-01-01", Kind.M60).on("2026-03-16");
		early.retiredOnRecord = true;
		assertThat(decide(WithdrawalType.RETIREMENT, early).route()).isEqualTo(Route.PAY_AUTOMATICALLY);

		WithdrawalDecision onPaper = decide(WithdrawalType.RETIREMENT,
				facts().born("1970-01-01", Kind.M60).papers(allPapers()));
		assertThat(onPaper.eligible()).isTrue();
		assertThat(onPaper.route()).isEqualTo(Route.REVIEW);
		assertThat(onPaper.reviews()).extracting(Reason::code).containsExactly("RETIREMENT_PROOF");
	}

	@Test
	void aFlaggedCaseIsNeverDecidedAutomaticallyAndTheDecisionSaysWhy() {
		Facts overdue = facts().born("1960-01-01", Kind.M60).loan("JZ2020001", true, "30000.00", "2000.00", true);

		WithdrawalDecision decision = decide(WithdrawalType.RETIREMENT, overdue);

		assertThat(decision.eligible()).isTrue();
		assertThat(decision.flagged()).isTrue();
		assertThat(decision.decidedAutomatically()).isFalse();
		assertThat(decision.route()).isEqualTo(Route.REVIEW);
		assertThat(decision.reviews()).extracting(Reason::words)
			.containsExactly("存在疑似骗提情形（公积金贷款逾期期间提取），不得自动办理，须由经办人审核");
	}

	@Test
	void rentWhileOwningAHomeIsNotEligibleAndFlaggedSoAClerkSeesIt() {
		Facts owner = facts();
		owner.homesOwnedInCity = 2;

		WithdrawalDecision decision = decide(WithdrawalType.RENT, owner);

		assertThat(decision.unmet()).extracting(Reason::code).containsExactly("HOME_OWNED_IN_CITY");
		assertThat(decision.flags()).extracting(FraudFlag::code).containsExactly("RENT_WHILE_OWNING_HOME");
		assertThat(decision.route()).isEqualTo(Route.REVIEW);
		assertThat(decision.payable()).isEqualByComparingTo("0");
	}

	@Test
	void aSecondPersonApprovesAboveTheCitysThresholdOnly() {
		WithdrawalDecision at = decide(WithdrawalType.RETIREMENT, facts().born("1960-01-01", Kind.M60).balance("200000.00"));
		assertThat(at.fourEyes()).isEmpty();
		assertThat(at.route()).isEqualTo(Route.PAY_AUTOMATICALLY);

		WithdrawalDecision above = decide(WithdrawalType.RETIREMENT,
				facts().born("1960-01-01", Kind.M60).balance("199999.99").interest("0.02"));
		assertThat(above.fourEyes()).map(Reason::words)
			.hasValue("提取金额 200,000.01 元超过本市 200,000.00 元的限额，须由另一人复核批准（双人审批）");
		assertThat(above.route()).isEqualTo(Route.REVIEW);
	}

	@Test
	void aLeaseTheSystemsCannotSeeGoesToAClerkAFiledOneDoesNot() {
		WithdrawalDecision unfiled = decide(WithdrawalType.RENT, facts().lease("650.00", "2025-06-01", false));
		assertThat(unfiled.reviews()).extracting(Reason::words)
			.containsExactly("按租赁合同约定的每月 650.00 元提取，合同未备案，系统无法核对，须由经办人核验租赁合同");

		assertThat(decide(WithdrawalType.RENT, facts().lease("650.00", "2025-06-01", true)).route())
			.isEqualTo(Route.PAY_AUTOMATICALLY);
		assertThat(decide(WithdrawalType.RENT, facts()).route()).isEqualTo(Route.PAY_AUTOMATICALLY);
		Facts unknown = facts();
		unknown.homesOwnedInCity = null;
		assertThat(decide(WithdrawalType.RENT, unknown).reviews()).extracting(Reason::code)
			.containsExactly("HOMES_NOT_CONFIRMED");
	}

	@Test
	void rentTooSoonSaysWhenTheApplicantMayComeBack() {
		WithdrawalDecision decision = decide(WithdrawalType.RENT,
				facts().earlier("2026-01-16", WithdrawalType.RENT, "1600.00", Facts.ACCOUNT, null, null));

		assertThat(decision.unmet()).containsExactly(new Reason("RENT_TOO_SOON",
				"距上次租房提取 2 个月，本市每 3 个月可提取一次", "再过 1 个月后方可再次申请租房提取"));
	}

	@Test
	void aPurchaseTheRegistryConfirmsIsDecidedByTheRulesOneItCannotByAClerk() {
		assertThat(decide(WithdrawalType.PURCHASE_NEW_HOME,
				facts().home("JZ-WQ-2026-0001", "2026-01-05", "600000.00", "400000.00", true))
			.route()).isEqualTo(Route.PAY_AUTOMATICALLY);

		WithdrawalDecision unknown = decide(WithdrawalType.PURCHASE_NEW_HOME,
				facts().home("JZ-WQ-2026-0001", "2026-01-05", "600000.00", "400000.00", null));
		assertThat(unknown.reviews()).extracting(Reason::code).containsExactly("HOME_NOT_CONFIRMED");

		WithdrawalDecision late = decide(WithdrawalType.PURCHASE_NEW_HOME,
				facts().home("JZ-WQ-2023-0001", "2024-02-15", "600000.00", "400000.00", true));
		assertThat(late.unmet()).extracting(Reason::words).containsExactly("购房已 25 个月，超过本市购房后 24 个月内提取的期限");
	}

	@Test
	void aCommercialLoansRepaymentsAreCheckedByAClerk() {
		WithdrawalDecision decision = decide(WithdrawalType.LOAN_REPAYMENT,
				facts().loan("ICBC-2021-88", false, "45000.00", "3100.00", false));

		assertThat(decision.eligible()).isTrue();
		assertThat(decision.reviews()).extracting(Reason::code).containsExactly("COMMERCIAL_LOAN");
		assertThat(decision.amount().amount()).isEqualByComparingTo("45000.00");
		assertThat(decide(WithdrawalType.LOAN_REPAYMENT_MONTHLY,
				facts().loan("ICBC-2021-88", false, "45000.00", "3100.00", false)).unmet())
			.extracting(Reason::code)
			.containsExactly("NOT_A_FUND_LOAN");
	}

	@Test
	void aLoansPayoffPaysItsOutstandingPrincipalEvenFromASealedAccountAndNotMoreThanTheBalance() {
		Facts retiree = facts().balance("180000.00").fundLoanOutstanding("JK2018092000031", "77410.60");
		retiree.status = WithdrawalFacts.AccountState.SEALED;
		retiree.loanNo = "JK2018092000031";
		WithdrawalDecision payoff = decide(WithdrawalType.LOAN_PAYOFF, retiree);
		assertThat(payoff.unmet()).as("a retiree's sealed account pays its loan off before it is closed").isEmpty();
		assertThat(payoff.route()).isEqualTo(WithdrawalDecision.Route.PAY_AUTOMATICALLY);
		assertThat(payoff.amount().amount()).isEqualByComparingTo("77410.60");
		assertThat(payoff.amount().binding().words()).contains("JK2018092000031", "77,410.60");

		Facts short_ = facts().balance("20000.00").fundLoanOutstanding("JK2018092000031", "77410.60");
		short_.loanNo = "JK2018092000031";
		assertThat(decide(WithdrawalType.LOAN_PAYOFF, short_).unmet()).extracting(Reason::code)
			.containsExactly("BALANCE_SHORT_OF_PAYOFF");
	}

	@ParameterizedTest
	@EnumSource(value = WithdrawalType.class, names = { "LOSS_OF_WORKING_ABILITY", "SETTLING_ABROAD", "DEATH",
			"BUILD_OR_OVERHAUL", "SERIOUS_ILLNESS", "ELEVATOR_INSTALLATION" })
	void typesRestingOnPapersAreEligibleWithThemAndGoToAClerk(WithdrawalType type) {
		Facts facts = everything();
		if (type == WithdrawalType.ELEVATOR_INSTALLATION) {
			facts.homesOwnedInCity = 1; // the flat the elevator serves
		}
		WithdrawalDecision decision = decide(type, facts);

		assertThat(decision.unmet()).isEmpty();
		assertThat(decision.route()).isEqualTo(Route.REVIEW);
		assertThat(decision.reviews()).extracting(Reason::code).containsExactly("PAPERS_" + type.name());
		assertThat(decide(type, facts.papers(Papers.NONE)).eligible()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = WithdrawalType.class, names = { "RETIREMENT", "LEAVING_CITY", "PURCHASE_NEW_HOME",
			"PURCHASE_RESALE_HOME", "LOAN_REPAYMENT", "LOAN_REPAYMENT_MONTHLY", "RENT" })
	void typesTheSystemsCanDecideAreDecidedWithoutAClerk(WithdrawalType type) {
		Facts facts = everything().papers(Papers.NONE);
		facts.sealedSince = java.time.LocalDate.of(2025, 9, 16);
		facts.status = (type.closing()) ? WithdrawalFacts.AccountState.SEALED : WithdrawalFacts.AccountState.NORMAL;

		WithdrawalDecision decision = decide(type, facts);

		assertThat(decision.unmet()).isEmpty();
		assertThat(decision.route()).as(decision.reviews().toString()).isEqualTo(Route.PAY_AUTOMATICALLY);
		assertThat(decision.policyId()).isEqualTo("JIAOZUO-2024");
		assertThat(decision.payable()).isPositive();
	}

	/** Facts on which every type is eligible: retired, a home bought in January, a fund loan, invoices, papers. */
	private static Facts everything() {
		Facts facts = facts().born("1960-01-01", Kind.M60)
			.balance("80000.00")
			.home("JZ-WQ-2026-0001", "2026-01-05", "600000.00", "400000.00", true)
			.loan("JZ2020001", true, "30000.00", "2000.00", false)
			.invoice("20000.00", "5000.00")
			.papers(allPapers());
		facts.buildCost = new BigDecimal("30000.00");
		facts.elevatorShare = new BigDecimal("18000.00");
		return facts;
	}

	private WithdrawalDecision decide(WithdrawalType type, Facts facts) {
		return this.rules.decide(type, facts.build(), jiaozuo2024());
	}

}
