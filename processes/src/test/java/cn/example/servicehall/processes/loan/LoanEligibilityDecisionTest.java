package cn.example.servicehall.processes.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dmn/loan/loan-eligibility.dmn}: every matching rule is one reason the applicant is not eligible, no match
 * means eligible. Each row changes the eligible applicant of {@link #eligibleApplicant()} only where it says so; limits
 * are met exactly (6 of 6 months, 816 of 816 months of age, 40 of 40 years, 360 of 360 months) so that one more step
 * crosses each boundary.
 */
@DisplayName("公积金贷款资格 LoanEligibility")
class LoanEligibilityDecisionTest {

	static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static final DmnDecision decision = dmn.parseDecision("LoanEligibility",
			LoanEligibilityDecisionTest.class.getResourceAsStream("/dmn/loan/loan-eligibility.dmn"));

	@Test
	@DisplayName("各项条件恰好达到本市要求的申请人符合条件")
	void findsNoReasonAgainstAnApplicantWhoMeetsEveryLimitExactly() {
		assertThat(evaluate(eligibleApplicant())).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> [{11}]")
	@DisplayName("每条规则在边界两侧的结果")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			# case                      | status | months | min | loan  | age | ageLimit | house | houseLimit | term | maxTerm | rules
			eligible at every limit     | NORMAL |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | none
			comfortably eligible        | NORMAL |    120 |   6 | false | 700 |      816 |    25 |         40 |  240 |     360 | none
			sealed account              | SEALED |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_SEALED
			frozen account              | FROZEN |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_FROZEN
			closed account              | CLOSED |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_CLOSED
			other status code           | 99     |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_NOT_NORMAL
			status in lower case        | normal |      6 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_NOT_NORMAL
			5 of 6 months               | NORMAL |      5 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | CONTINUOUS_MONTHS_SHORT
			12 of 12 months             | NORMAL |     12 |  12 | false | 816 |      816 |    40 |         40 |  360 |     360 | none
			11 of 12 months             | NORMAL |     11 |  12 | false | 816 |      816 |    40 |         40 |  360 |     360 | CONTINUOUS_MONTHS_SHORT
			outstanding fund loan       | NORMAL |      6 |   6 | true  | 816 |      816 |    40 |         40 |  360 |     360 | OUTSTANDING_FUND_LOAN
			one month past age limit    | NORMAL |      6 |   6 | false | 817 |      816 |    40 |         40 |  360 |     360 | AGE_AT_MATURITY
			age limit 65y2m, at it      | NORMAL |      6 |   6 | false | 782 |      782 |    40 |         40 |  360 |     360 | none
			age limit 65y2m, past it    | NORMAL |      6 |   6 | false | 783 |      782 |    40 |         40 |  360 |     360 | AGE_AT_MATURITY
			house one year too old      | NORMAL |      6 |   6 | false | 816 |      816 |    41 |         40 |  360 |     360 | HOUSE_AGE
			house at a 50-year limit    | NORMAL |      6 |   6 | false | 816 |      816 |    50 |         50 |  360 |     360 | none
			house past a 50-year limit  | NORMAL |      6 |   6 | false | 816 |      816 |    51 |         50 |  360 |     360 | HOUSE_AGE
			term one month too long     | NORMAL |      6 |   6 | false | 816 |      816 |    40 |         40 |  361 |     360 | TERM_TOO_LONG
			term at a 300-month limit   | NORMAL |      6 |   6 | false | 816 |      816 |    40 |         40 |  300 |     300 | none
			term past a 300-month limit | NORMAL |      6 |   6 | false | 816 |      816 |    40 |         40 |  301 |     300 | TERM_TOO_LONG
			sealed and too short        | SEALED |      0 |   6 | false | 816 |      816 |    40 |         40 |  360 |     360 | ACCOUNT_SEALED CONTINUOUS_MONTHS_SHORT
			old borrower, old house     | NORMAL |     36 |   6 | false | 830 |      816 |    45 |         40 |  360 |     360 | AGE_AT_MATURITY HOUSE_AGE
			every limit crossed         | FROZEN |      5 |   6 | true  | 817 |      816 |    41 |         40 |  361 |     360 | ACCOUNT_FROZEN CONTINUOUS_MONTHS_SHORT OUTSTANDING_FUND_LOAN AGE_AT_MATURITY HOUSE_AGE TERM_TOO_LONG
			""")
	void reportsEachUnmetConditionOnItsSideOfTheBoundary(String description, String accountStatus,
			int continuousMonths, int minContinuousMonths, boolean hasOutstandingFundLoan, int ageAtMaturityMonths,
			int ageLimitMonths, int houseAgeAtMaturityYears, int houseAgeLimitYears, int termMonths,
			int maxTermMonths, String rules) {
		DmnDecisionTableResult result = evaluate(Variables.putValue("accountStatus", accountStatus)
			.putValue("continuousMonths", continuousMonths)
			.putValue("minContinuousMonths", minContinuousMonths)
			.putValue("hasOutstandingFundLoan", hasOutstandingFundLoan)
			.putValue("ageAtMaturityMonths", ageAtMaturityMonths)
			.putValue("ageLimitMonths", ageLimitMonths)
			.putValue("houseAgeAtMaturityYears", houseAgeAtMaturityYears)
			.putValue("houseAgeLimitYears", houseAgeLimitYears)
			.putValue("termMonths", termMonths)
			.putValue("maxTermMonths", maxTermMonths));

		List<String> expected = (rules == null) ? List.of() : Arrays.asList(rules.split(" "));
		assertThat(result.<String>collectEntries("rule")).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.<String>collectEntries("reason")).as("every reason can be read aloud")
			.hasSize(expected.size())
			.allSatisfy(reason -> assertThat(reason).isNotBlank());
	}

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@DisplayName("经办人向申请人宣读的理由写明实际数字")
	@CsvSource(delimiter = '|', textBlock = """
			continuousMonths        |   5 | CONTINUOUS_MONTHS_SHORT | 连续正常缴存 5 个月，不足本市要求的 6 个月
			ageAtMaturityMonths     | 818 | AGE_AT_MATURITY         | 贷款到期时借款人年龄 68 岁 2 个月，超过法定退休年龄加 5 年（68 岁 0 个月）
			ageAtMaturityMonths     | 829 | AGE_AT_MATURITY         | 贷款到期时借款人年龄 69 岁 1 个月，超过法定退休年龄加 5 年（68 岁 0 个月）
			houseAgeAtMaturityYears |  41 | HOUSE_AGE               | 房龄与贷款期限之和 41 年，超过本市上限 40 年
			termMonths              | 420 | TERM_TOO_LONG           | 贷款期限 420 个月，超过本市最长贷款期限 360 个月
			hasOutstandingFundLoan  | true | OUTSTANDING_FUND_LOAN  | 尚有未结清的住房公积金贷款，结清后方可再次申请公积金贷款
			accountStatus           | SEALED | ACCOUNT_SEALED       | 住房公积金账户处于封存状态，恢复正常缴存后方可申请公积金贷款
			accountStatus           | FROZEN | ACCOUNT_FROZEN       | 住房公积金账户已被冻结，解冻前不能申请公积金贷款
			accountStatus           | CLOSED | ACCOUNT_CLOSED       | 住房公积金账户已销户，不能申请公积金贷款
			accountStatus           | 99     | ACCOUNT_NOT_NORMAL   | 住房公积金账户状态为 99，不是正常缴存状态，不能申请公积金贷款
			""")
	void namesTheActualNumbersInTheReason(String variable, String value, String rule, String reason) {
		VariableMap applicant = eligibleApplicant();
		Object typed = switch (variable) {
			case "accountStatus" -> value;
			case "hasOutstandingFundLoan" -> Boolean.valueOf(value);
			default -> Integer.valueOf(value);
		};
		applicant.putValue(variable, typed);

		DmnDecisionRuleResult only = evaluate(applicant).getSingleResult();

		assertThat((String) only.getEntry("rule")).isEqualTo(rule);
		assertThat((String) only.getEntry("reason")).isEqualTo(reason);
	}

	@Test
	@DisplayName("法定退休年龄加 5 年不是整年时，理由按岁和月宣读")
	void readsAnAgeLimitThatIsNotAWholeYearInYearsAndMonths() {
		// a man born 1965-05 retires at 60y2m under the 2025 reform (domain.md §5.2): limit 65y2m = 782 months
		DmnDecisionRuleResult only = evaluate(
				eligibleApplicant().putValue("ageAtMaturityMonths", 791).putValue("ageLimitMonths", 782))
			.getSingleResult();

		assertThat((String) only.getEntry("reason"))
			.isEqualTo("贷款到期时借款人年龄 65 岁 11 个月，超过法定退休年龄加 5 年（65 岁 2 个月）");
	}

	private static VariableMap eligibleApplicant() {
		return Variables.putValue("accountStatus", "NORMAL")
			.putValue("continuousMonths", 6)
			.putValue("minContinuousMonths", 6)
			.putValue("hasOutstandingFundLoan", false)
			.putValue("ageAtMaturityMonths", 816)
			.putValue("ageLimitMonths", 816)
			.putValue("houseAgeAtMaturityYears", 40)
			.putValue("houseAgeLimitYears", 40)
			.putValue("termMonths", 360)
			.putValue("maxTermMonths", 360);
	}

	private static DmnDecisionTableResult evaluate(VariableMap variables) {
		return dmn.evaluateDecisionTable(decision, variables);
	}

}
