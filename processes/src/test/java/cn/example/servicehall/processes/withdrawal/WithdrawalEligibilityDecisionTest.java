package cn.example.servicehall.processes.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dmn/withdrawal/withdrawal-eligibility.dmn}: one table for the account (every type) and one per type (the
 * two purchases share theirs); every matching rule is one reason the applicant may not withdraw, with what is
 * missing, and no match means eligible. Each row changes the eligible applicant of {@link #eligible()} only where it
 * says so ({@code name=value;...}); limits are met exactly, so that one more step crosses each boundary.
 */
@DisplayName("公积金提取资格 WithdrawalEligibility")
class WithdrawalEligibilityDecisionTest {

	static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static final Map<String, DmnDecision> decisions = parse();

	/** The decision of each type, as the hall's {@code WithdrawalType} names it. */
	static final Map<String, String> DECISION_OF_TYPE = Map.ofEntries(
			Map.entry("RETIREMENT", "RetirementWithdrawalEligibility"),
			Map.entry("LOSS_OF_WORKING_ABILITY", "LossOfWorkingAbilityWithdrawalEligibility"),
			Map.entry("SETTLING_ABROAD", "SettlingAbroadWithdrawalEligibility"),
			Map.entry("DEATH", "DeathWithdrawalEligibility"),
			Map.entry("LEAVING_CITY", "LeavingCityWithdrawalEligibility"),
			Map.entry("PURCHASE_NEW_HOME", "PurchaseWithdrawalEligibility"),
			Map.entry("PURCHASE_RESALE_HOME", "PurchaseWithdrawalEligibility"),
			Map.entry("BUILD_OR_OVERHAUL", "BuildWithdrawalEligibility"),
			Map.entry("LOAN_REPAYMENT", "LoanRepaymentWithdrawalEligibility"),
			Map.entry("LOAN_REPAYMENT_MONTHLY", "MonthlyRepaymentWithdrawalEligibility"),
			Map.entry("LOAN_PAYOFF", "LoanPayoffWithdrawalEligibility"),
			Map.entry("RENT", "RentWithdrawalEligibility"),
			Map.entry("SERIOUS_ILLNESS", "SeriousIllnessWithdrawalEligibility"),
			Map.entry("ELEVATOR_INSTALLATION", "ElevatorWithdrawalEligibility"));

	@Test
	@DisplayName("每种提取各有资格表，各表都有理由和所缺材料两项输出")
	void everyTypeHasItsTable() {
		assertThat(decisions).containsKeys(DECISION_OF_TYPE.values().toArray(String[]::new))
			.containsKey("WithdrawalAccountEligibility");
		for (String type : DECISION_OF_TYPE.keySet()) {
			VariableMap applicant = eligible().putValue("type", type);
			if (type.equals("ELEVATOR_INSTALLATION")) {
				applicant.putValue("homesOwnedInCity", 1);
			}
			assertThat(unmet(type, applicant)).as(type).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}: {1} -> [{2}]")
	@DisplayName("每条规则在边界两侧的结果")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			# type                  | changes                                                     | rules
			RETIREMENT              | monthsUntilRetirement=0                                     | none
			RETIREMENT              | monthsUntilRetirement=-30                                   | none
			RETIREMENT              | monthsUntilRetirement=1                                     | NOT_RETIRED
			RETIREMENT              | monthsUntilRetirement=1;retiredOnRecord=true                | none
			RETIREMENT              | accountStatus='SEALED'                                      | none
			RETIREMENT              | accountStatus='CLOSED'                                      | ACCOUNT_CLOSED
			RETIREMENT              | accountStatus='FROZEN';monthsUntilRetirement=3              | ACCOUNT_FROZEN NOT_RETIRED
			RETIREMENT              | continuousMonths=0                                          | none
			LOSS_OF_WORKING_ABILITY | workingAbilityLost=false                                    | NOT_UNABLE_TO_WORK
			LOSS_OF_WORKING_ABILITY | employmentEnded=false                                       | EMPLOYMENT_NOT_ENDED
			SETTLING_ABROAD         | settledAbroad=false                                         | NOT_SETTLED_ABROAD
			DEATH                   | deceased=false;heirsNamed=false                             | NOT_DECEASED NO_HEIRS
			LEAVING_CITY            | householdMovedOut=false;monthsSealed=6                      | none
			LEAVING_CITY            | householdMovedOut=false;monthsSealed=5                      | NOT_LEFT_CITY
			LEAVING_CITY            | householdMovedOut=true;monthsSealed=0                       | none
			PURCHASE_NEW_HOME       | continuousMonths=3                                          | none
			PURCHASE_NEW_HOME       | continuousMonths=2                                          | CONTINUOUS_MONTHS_SHORT
			PURCHASE_NEW_HOME       | accountStatus='SEALED'                                      | ACCOUNT_SEALED
			PURCHASE_NEW_HOME       | accountStatus='99'                                          | ACCOUNT_NOT_NORMAL
			PURCHASE_NEW_HOME       | balance=0                                                   | NO_BALANCE
			PURCHASE_NEW_HOME       | homeGiven=false                                             | NO_HOME_GIVEN
			PURCHASE_RESALE_HOME    | homeOnRecord='NO'                                           | HOME_NOT_ON_RECORD
			PURCHASE_RESALE_HOME    | homeOnRecord='UNKNOWN'                                      | none
			PURCHASE_RESALE_HOME    | monthsSincePurchase=24                                      | none
			PURCHASE_RESALE_HOME    | monthsSincePurchase=25                                      | PURCHASE_TOO_LONG_AGO
			PURCHASE_RESALE_HOME    | earlierWithdrawalsForHome=1                                 | HOME_ALREADY_USED
			BUILD_OR_OVERHAUL       | buildPermitted=false;claimedCost=0                          | NO_BUILD_PERMIT NO_BUILD_COST
			LOAN_REPAYMENT          | loanGiven=false                                             | NO_LOAN
			LOAN_REPAYMENT          | repayableAmount=0                                           | NOTHING_REPAID
			LOAN_REPAYMENT          | monthsSinceLastRepaymentWithdrawal=12                       | none
			LOAN_REPAYMENT          | monthsSinceLastRepaymentWithdrawal=11                       | REPAYMENT_TOO_SOON
			LOAN_REPAYMENT_MONTHLY  | fundLoan=false                                              | NOT_A_FUND_LOAN
			LOAN_REPAYMENT_MONTHLY  | loanGiven=false                                             | NO_LOAN
			LOAN_PAYOFF             | outstandingPrincipal=0.01                                   | none
			LOAN_PAYOFF             | outstandingPrincipal=0.02                                   | BALANCE_SHORT_OF_PAYOFF
			LOAN_PAYOFF             | fundLoan=false                                              | NOT_A_FUND_LOAN
			LOAN_PAYOFF             | loanGiven=false                                             | NO_LOAN
			LOAN_PAYOFF             | loanOverdue=true                                            | LOAN_OVERDUE
			RENT                    | homesOwnedInCity=1                                          | HOME_OWNED_IN_CITY
			RENT                    | monthsSinceLastRent=3                                       | none
			RENT                    | monthsSinceLastRent=2                                       | RENT_TOO_SOON
			SERIOUS_ILLNESS         | illnessListed=false;outOfPocket=0                           | ILLNESS_NOT_LISTED NO_OUT_OF_POCKET
			ELEVATOR_INSTALLATION   | elevatorAgreement=false;costShare=0                         | NO_ELEVATOR_AGREEMENT NO_COST_SHARE
			ELEVATOR_INSTALLATION   | homesOwnedInCity=0                                          | NO_OWN_HOME
			ELEVATOR_INSTALLATION   | homesOwnedInCity=1                                          | none
			""")
	void reportsEachUnmetConditionOnItsSideOfTheBoundary(String type, String changes, String rules) {
		VariableMap applicant = eligible().putValue("type", type);
		if (type.equals("ELEVATOR_INSTALLATION")) {
			applicant.putValue("homesOwnedInCity", 1);
		}
		List<Map<String, Object>> result = unmet(type, with(applicant, changes));

		List<String> expected = (rules == null) ? List.of() : Arrays.asList(rules.split(" "));
		assertThat(rules(result)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result).as("every reason can be read aloud and says what is missing")
			.allSatisfy(row -> {
				assertThat((String) row.get("reason")).isNotBlank();
				assertThat((String) row.get("missing")).isNotBlank();
			});
	}

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@DisplayName("经办人向申请人宣读的理由写明实际数字和所缺材料")
	@CsvSource(delimiter = '|', textBlock = """
			RETIREMENT     | monthsUntilRetirement=1;retirementAge='60 岁 2 个月';retirementMonth='2025 年 7 月' | NOT_RETIRED | 未达到法定退休年龄：按渐进式延迟法定退休年龄的规定，申请人的法定退休年龄为 60 岁 2 个月，于 2025 年 7 月达到，社会保险系统也没有其退休记录 | 退休证或退休审批表；或于 2025 年 7 月起再申请
			PURCHASE_NEW_HOME | continuousMonths=2                                                   | CONTINUOUS_MONTHS_SHORT | 连续正常缴存 2 个月，不足本市部分提取要求的 3 个月 | 再连续正常缴存 1 个月后方可申请
			RENT           | monthsSinceLastRent=1                                                      | RENT_TOO_SOON | 距上次租房提取 1 个月，本市每 3 个月可提取一次 | 再过 2 个月后方可再次申请租房提取
			RENT           | homesOwnedInCity=2                                                         | HOME_OWNED_IN_CITY | 不动产登记显示申请人或其配偶在本市有 2 套住房，有房不能办理租房提取 | 无
			LEAVING_CITY   | householdMovedOut=false;monthsSealed=4                                     | NOT_LEFT_CITY | 户口未迁出本市，账户封存 4 个月，不足本市要求的 6 个月 | 户口迁出本市的证明；或账户封存满 6 个月且未在本市重新就业后再申请
			PURCHASE_RESALE_HOME | monthsSincePurchase=30                                               | PURCHASE_TOO_LONG_AGO | 购房已 30 个月，超过本市购房后 24 个月内提取的期限 | 无
			PURCHASE_RESALE_HOME | earlierWithdrawalsForHome=2                                          | HOME_ALREADY_USED | 该住房已由本家庭办理过 2 次购房提取，本市每套住房每个家庭限提取 1 次 | 无
			LOAN_REPAYMENT | monthsSinceLastRepaymentWithdrawal=5                                       | REPAYMENT_TOO_SOON | 距上次还贷提取 5 个月，本市每 12 个月可提取一次 | 再过 7 个月后方可再次申请还贷提取
			""")
	void namesTheActualNumbersInTheReason(String type, String changes, String rule, String reason, String missing) {
		List<Map<String, Object>> rows = unmet(type, with(eligible().putValue("type", type), changes));
		assertThat(rules(rows)).containsExactly(rule);
		Map<String, Object> only = rows.get(0);

		assertThat((String) only.get("rule")).isEqualTo(rule);
		assertThat((String) only.get("reason")).isEqualTo(reason);
		assertThat((String) only.get("missing")).isEqualTo(missing);
	}

	/** An applicant who meets every condition of every type, each limit exactly. */
	static VariableMap eligible() {
		return Variables.putValue("closing", false)
			.putValue("accountStatus", "NORMAL")
			.putValue("continuousMonths", 3)
			.putValue("minContinuousMonths", 3)
			.putValue("balance", new BigDecimal("0.01"))
			.putValue("monthsUntilRetirement", 0)
			.putValue("retiredOnRecord", false)
			.putValue("retirementAge", "60 岁 0 个月")
			.putValue("retirementMonth", "2024 年 12 月")
			.putValue("workingAbilityLost", true)
			.putValue("employmentEnded", true)
			.putValue("settledAbroad", true)
			.putValue("deceased", true)
			.putValue("heirsNamed", true)
			.putValue("householdMovedOut", false)
			.putValue("monthsSealed", 6)
			.putValue("minMonthsSealed", 6)
			.putValue("homeGiven", true)
			.putValue("homeOnRecord", "YES")
			.putValue("monthsSincePurchase", 24)
			.putValue("purchaseWindowMonths", 24)
			.putValue("earlierWithdrawalsForHome", 0)
			.putValue("withdrawalsPerHome", 1)
			.putValue("buildPermitted", true)
			.putValue("claimedCost", new BigDecimal("0.01"))
			.putValue("loanGiven", true)
			.putValue("fundLoan", true)
			.putValue("repayableAmount", new BigDecimal("0.01"))
			.putValue("monthsSinceLastRepaymentWithdrawal", 12)
			.putValue("repaymentIntervalMonths", 12)
			.putValue("outstandingPrincipal", new BigDecimal("0.01"))
			.putValue("loanOverdue", false)
			.putValue("homesOwnedInCity", 0) // none for rent; the elevator's rows own one
			.putValue("monthsSinceLastRent", 3)
			.putValue("rentIntervalMonths", 3)
			.putValue("illnessListed", true)
			.putValue("outOfPocket", new BigDecimal("0.01"))
			.putValue("elevatorAgreement", true)
			.putValue("costShare", new BigDecimal("0.01"));
	}

	/** The account's table, closing for the closing types, then the type's own: both tables' rows together. */
	static List<Map<String, Object>> unmet(String type, VariableMap variables) {
		boolean closing = List.of("RETIREMENT", "LOSS_OF_WORKING_ABILITY", "SETTLING_ABROAD", "DEATH", "LEAVING_CITY")
			.contains(type);
		variables.putValue("closing", closing);
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (String key : List.of("WithdrawalAccountEligibility", DECISION_OF_TYPE.get(type))) {
			DmnDecisionTableResult result = dmn.evaluateDecisionTable(decisions.get(key), variables);
			result.getResultList().forEach(rows::add);
		}
		return rows;
	}

	private static List<String> rules(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> (String) row.get("rule")).toList();
	}

	/** {@code name=value;...}: 'text', true/false, whole numbers, decimals. */
	static VariableMap with(VariableMap variables, String changes) {
		for (String change : changes.split(";")) {
			String[] pair = change.split("=", 2);
			String value = pair[1].strip();
			Object typed;
			if (value.startsWith("'")) {
				typed = value.substring(1, value.length() - 1);
			}
			else if (value.equals("true") || value.equals("false")) {
				typed = Boolean.valueOf(value);
			}
			else if (value.matches("-?\\d+") && !pair[0].strip().matches("balance|claimedCost|repayableAmount|outOfPocket|costShare")) {
				typed = Integer.valueOf(value);
			}
			else {
				typed = new BigDecimal(value);
			}
			variables.putValue(pair[0].strip(), typed);
		}
		return variables;
	}

	private static Map<String, DmnDecision> parse() {
		try (InputStream in = WithdrawalEligibilityDecisionTest.class
			.getResourceAsStream("/dmn/withdrawal/withdrawal-eligibility.dmn")) {
			assertThat(in).as("dmn/withdrawal/withdrawal-eligibility.dmn").isNotNull();
			return dmn.parseDecisions(in).stream().collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
