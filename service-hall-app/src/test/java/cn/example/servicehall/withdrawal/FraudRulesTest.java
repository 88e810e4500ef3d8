package cn.example.servicehall.withdrawal;

import static cn.example.servicehall.withdrawal.Facts.facts;
import static cn.example.servicehall.withdrawal.Facts.jiaozuo2024;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.example.servicehall.withdrawal.FraudFlag.Rule;
import cn.example.servicehall.withdrawal.WithdrawalFacts.AccountState;

/** Each fraud rule (骗提) on the facts that trip it and on the nearest that do not. */
class FraudRulesTest {

	@Test
	void theSameHomeBeyondTheFamilysLimitIsFlaggedWhateverTheWidthOfItsNumber() {
		Facts again = facts().home("豫(2025)焦作市不动产权第0012345号", "2025-10-08", "1000000.00", "700000.00", true)
			.earlier("2025-11-02", WithdrawalType.PURCHASE_NEW_HOME, "80000.00", Facts.SPOUSE_ACCOUNT,
					"豫（2025）焦作市 不动产权第0012345号", null);

		List<FraudFlag> flags = flags(WithdrawalType.PURCHASE_RESALE_HOME, again);

		assertThat(flags).extracting(FraudFlag::rule).containsExactly(Rule.PURCHASE_HOME_REUSED);
		assertThat(flags.get(0).type()).isEqualTo(WithdrawalType.PURCHASE_RESALE_HOME);
		assertThat(flags.get(0).code()).isEqualTo("PURCHASE_HOME_REUSED");
		assertThat(flags.get(0).words()).isEqualTo(
				"住房 豫(2025)焦作市不动产权第0012345号 已由本家庭办理过 1 次购房提取（最近一次 2025-11-02），本市每套住房每个家庭限提取 1 次");

		Facts another = facts().home("豫(2025)焦作市不动产权第0099999号", "2025-10-08", "1000000.00", "700000.00", true)
			.earlier("2025-11-02", WithdrawalType.PURCHASE_NEW_HOME, "80000.00", Facts.SPOUSE_ACCOUNT,
					"豫(2025)焦作市不动产权第0012345号", null);
		assertThat(flags(WithdrawalType.PURCHASE_RESALE_HOME, another)).isEmpty();
	}

	@Test
	void rentWhileOwningAHomeInTheCityIsFlaggedButNotWhenTheRegistryCannotSay() {
		Facts owner = facts();
		owner.homesOwnedInCity = 1;
		List<FraudFlag> flags = flags(WithdrawalType.RENT, owner);
		assertThat(flags).extracting(FraudFlag::rule).containsExactly(Rule.RENT_WHILE_OWNING_HOME);
		assertThat(flags.get(0).words()).isEqualTo("申请租房提取，但不动产登记显示申请人或其配偶在本市有 1 套住房");

		assertThat(flags(WithdrawalType.RENT, facts())).isEmpty();
		Facts unknown = facts();
		unknown.homesOwnedInCity = null;
		assertThat(flags(WithdrawalType.RENT, unknown)).isEmpty();
		assertThat(flags(WithdrawalType.PURCHASE_NEW_HOME, owner)).isEmpty();
	}

	@Test
	void repaymentWithdrawalsAboveWhatWasRepaidAreFlaggedToTheFen() {
		Facts repaying = facts().loan("JZ2020001", true, "30000.00", "2000.00", false)
			.earlier("2025-03-01", WithdrawalType.LOAN_REPAYMENT, "20000.00", Facts.SPOUSE_ACCOUNT, null, "JZ2020001");

		List<FraudFlag> flags = flags(WithdrawalType.LOAN_REPAYMENT, repaying.requested("10000.01"));
		assertThat(flags).extracting(FraudFlag::rule).containsExactly(Rule.REPAYMENT_ABOVE_REPAID);
		assertThat(flags.get(0).words()).isEqualTo(
				"贷款 JZ2020001 已还本息 30,000.00 元，本家庭已为其提取 20,000.00 元，本次申请 10,000.01 元，合计 30,000.01 元，超过已还本息");

		assertThat(flags(WithdrawalType.LOAN_REPAYMENT, repaying.requested("10000.00"))).isEmpty();
		assertThat(flags(WithdrawalType.LOAN_REPAYMENT_MONTHLY, repaying.requested("10000.01")))
			.extracting(FraudFlag::rule)
			.containsExactly(Rule.REPAYMENT_ABOVE_REPAID);
	}

	@Test
	void anyWithdrawalWhileAFundLoanIsOverdueIsFlaggedButACommercialLoansArrearsAreTheBanks() {
		Facts overdue = facts().loan("JZ2020001", true, "30000.00", "2000.00", true);

		List<FraudFlag> flags = flags(WithdrawalType.RENT, overdue);
		assertThat(flags).extracting(FraudFlag::rule).containsExactly(Rule.FUND_LOAN_OVERDUE);
		assertThat(flags.get(0).words()).isEqualTo("住房公积金贷款 JZ2020001 有逾期未还的本息，须先还清逾期款项");
		assertThat(flags(WithdrawalType.RETIREMENT, overdue)).extracting(FraudFlag::rule)
			.containsExactly(Rule.FUND_LOAN_OVERDUE);

		assertThat(flags(WithdrawalType.RENT, facts().loan("BANK-77", false, "30000.00", "2000.00", true))).isEmpty();
		assertThat(flags(WithdrawalType.RENT, facts().loan("JZ2020001", true, "30000.00", "2000.00", false))).isEmpty();
	}

	@Test
	void anAccountClosedTwiceIsFlaggedByItsHistoryOrItsState() {
		Facts closedBefore = facts().earlier("2024-06-03", WithdrawalType.LEAVING_CITY, "31000.00", Facts.ACCOUNT, null,
				null);
		List<FraudFlag> flags = flags(WithdrawalType.RETIREMENT, closedBefore);
		assertThat(flags).extracting(FraudFlag::rule).containsExactly(Rule.ACCOUNT_CLOSED_TWICE);
		assertThat(flags.get(0).words()).isEqualTo("账户 410800000001 已于 2024-06-03 办理过销户提取，又申请销户提取");

		Facts closed = facts();
		closed.status = AccountState.CLOSED;
		assertThat(flags(WithdrawalType.SETTLING_ABROAD, closed)).extracting(FraudFlag::words)
			.containsExactly("账户 410800000001 已是销户状态，又申请销户提取");

		Facts spouseClosed = facts().earlier("2024-06-03", WithdrawalType.RETIREMENT, "31000.00", Facts.SPOUSE_ACCOUNT,
				null, null);
		assertThat(flags(WithdrawalType.RETIREMENT, spouseClosed)).isEmpty();
		assertThat(flags(WithdrawalType.RENT, closedBefore)).isEmpty();
	}

	@Test
	void everyRuleHasAShortNameForTheManagersList() {
		assertThat(Rule.values()).allSatisfy(rule -> {
			assertThat(rule.displayName(java.util.Locale.ROOT)).isNotBlank().doesNotContain("withdrawal.");
			assertThat(rule.displayName(java.util.Locale.ENGLISH)).isNotBlank()
				.isNotEqualTo(rule.displayName(java.util.Locale.ROOT));
		});
	}

	private static List<FraudFlag> flags(WithdrawalType type, Facts facts) {
		return FraudRules.flags(type, facts.build(), jiaozuo2024());
	}

}
