package cn.example.servicehall.processes.loan;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dmn/loan/deposit-time-coefficient.dmn}: the 缴存时间系数 of the balance-multiple formula (domain.md §1.2), one
 * step table per city policy. Every step boundary of both tables is checked from both sides.
 */
@DisplayName("缴存时间系数 DepositTimeCoefficient")
class DepositTimeCoefficientDecisionTest {

	static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static final DmnDecision decision = dmn.parseDecision("DepositTimeCoefficient",
			DepositTimeCoefficientDecisionTest.class.getResourceAsStream("/dmn/loan/deposit-time-coefficient.dmn"));

	@ParameterizedTest(name = "{0}, {1} months -> {2}")
	@DisplayName("各系数表每一档边界两侧的系数")
	@CsvSource(delimiter = '|', textBlock = """
			JIAOZUO_2020 |   5 | 0.0
			JIAOZUO_2020 |   6 | 0.5
			JIAOZUO_2020 |  11 | 0.5
			JIAOZUO_2020 |  12 | 0.8
			JIAOZUO_2020 |  35 | 0.8
			JIAOZUO_2020 |  36 | 1.0
			JIAOZUO |   0 | 0.0
			JIAOZUO |   5 | 0.0
			JIAOZUO |   6 | 0.5
			JIAOZUO |  11 | 0.5
			JIAOZUO |  12 | 0.8
			JIAOZUO |  23 | 0.8
			JIAOZUO |  24 | 1.0
			JIAOZUO |  35 | 1.0
			JIAOZUO |  36 | 1.0
			JIAOZUO |  59 | 1.0
			JIAOZUO |  60 | 1.0
			JIAOZUO | 480 | 1.0
			GRADED  |   0 | 0.0
			GRADED  |   5 | 0.0
			GRADED  |   6 | 0.5
			GRADED  |  11 | 0.5
			GRADED  |  12 | 0.8
			GRADED  |  23 | 0.8
			GRADED  |  24 | 1.0
			GRADED  |  35 | 1.0
			GRADED  |  36 | 1.2
			GRADED  |  59 | 1.2
			GRADED  |  60 | 1.5
			GRADED  | 480 | 1.5
			""")
	void looksUpTheCoefficientForTheContinuousDepositMonths(String coefficientTable, int continuousMonths,
			double expected) {
		DmnDecisionTableResult result = evaluate(coefficientTable, continuousMonths);

		assertThat(result.<Object>getSingleEntry()).isInstanceOf(Double.class).isEqualTo(expected);
	}

	@ParameterizedTest(name = "\"{0}\" -> no result")
	@DisplayName("未知的系数表没有结果（由调用方按配置错误处理）")
	@CsvSource(delimiter = '|', emptyValue = "", textBlock = """
			WUHAN
			jiaozuo
			GRADED_V2
			''
			""")
	void returnsNoCoefficientForAnUnknownTable(String coefficientTable) {
		assertThat(evaluate(coefficientTable, 24).isEmpty()).isTrue();
	}

	private static DmnDecisionTableResult evaluate(String coefficientTable, int continuousMonths) {
		return dmn.evaluateDecisionTable(decision,
				Variables.putValue("coefficientTable", coefficientTable).putValue("continuousMonths", continuousMonths));
	}

}
