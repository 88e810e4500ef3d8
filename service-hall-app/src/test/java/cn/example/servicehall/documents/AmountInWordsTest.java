package cn.example.servicehall.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 大写金额 on the boundaries of the issue, the tricky zeros, and the examples of 《正确填写票据和结算凭证的基本规定》. */
class AmountInWordsTest {

	@ParameterizedTest(name = "{0} → {1}")
	@DisplayName("金额大写：边界")
	@CsvSource(delimiter = '|', textBlock = """
			0                  | 人民币零元整
			0.00               | 人民币零元整
			0.05               | 人民币伍分
			0.01               | 人民币壹分
			0.50               | 人民币伍角
			0.55               | 人民币伍角伍分
			1                  | 人民币壹元整
			10                 | 人民币壹拾元整
			10.00              | 人民币壹拾元整
			11                 | 人民币壹拾壹元整
			100010             | 人民币壹拾万零壹拾元整
			600000.00          | 人民币陆拾万元整
			500000             | 人民币伍拾万元整
			1000000.50         | 人民币壹佰万元伍角
			999999999999.99    | 人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分
			""")
	void convertsTheBoundariesOfTheIssue(String amount, String words) {
		assertThat(AmountInWords.of(new BigDecimal(amount))).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@DisplayName("金额大写：中间的零")
	@CsvSource(delimiter = '|', textBlock = """
			1000001            | 人民币壹佰万零壹元整
			10000000           | 人民币壹仟万元整
			100000000.01       | 人民币壹亿元零壹分
			1001000            | 人民币壹佰万壹仟元整
			20300.40           | 人民币贰万零叁佰元肆角
			1005               | 人民币壹仟零伍元整
			1050               | 人民币壹仟零伍拾元整
			10.05              | 人民币壹拾元零伍分
			10.50              | 人民币壹拾元伍角
			100000001          | 人民币壹亿零壹元整
			100001000          | 人民币壹亿零壹仟元整
			100010000          | 人民币壹亿零壹万元整
			110000000          | 人民币壹亿壹仟万元整
			101010101.01       | 人民币壹亿零壹佰零壹万零壹佰零壹元零壹分
			100000000000       | 人民币壹仟亿元整
			10000100           | 人民币壹仟万零壹佰元整
			""")
	void writesZerosOnceWhereTheyStandBetweenDigits(String amount, String words) {
		assertThat(AmountInWords.of(new BigDecimal(amount))).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@DisplayName("金额大写：《正确填写票据和结算凭证的基本规定》的例子")
	@CsvSource(delimiter = '|', textBlock = """
			1680.32            | 人民币壹仟陆佰捌拾元叁角贰分
			107000.53          | 人民币壹拾万柒仟元伍角叁分
			16409.02           | 人民币壹万陆仟肆佰零玖元零贰分
			325.04             | 人民币叁佰贰拾伍元零肆分
			""")
	void followsTheExamplesOfTheRegulation(String amount, String words) {
		// where the regulation allows two forms, these are the forms this class chose (see its Javadoc)
		assertThat(AmountInWords.of(new BigDecimal(amount))).isEqualTo(words);
	}

	@Test
	void statesTheLargestSupportedAmount() {
		assertThat(AmountInWords.MAX_AMOUNT).isEqualByComparingTo("999999999999.99");
		assertThat(AmountInWords.of(AmountInWords.MAX_AMOUNT)).startsWith("人民币玖仟玖佰玖拾玖亿");
	}

	@Test
	void acceptsTrailingZerosBeyondTheFen() {
		assertThat(AmountInWords.of(new BigDecimal("1.500"))).isEqualTo("人民币壹元伍角");
		assertThat(AmountInWords.of(new BigDecimal("1E+1"))).isEqualTo("人民币壹拾元整");
	}

	@Test
	void convertsFen() {
		assertThat(AmountInWords.ofFen(60_000_000L)).isEqualTo("人民币陆拾万元整");
		assertThat(AmountInWords.ofFen(5)).isEqualTo("人民币伍分");
		assertThat(AmountInWords.ofFen(99_999_999_999_999L)).endsWith("玖元玖角玖分");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0.01", "-1", "0.001", "10.005", "1000000000000", "999999999999.991",
			"1000000000000.00" })
	void refusesNegativeFractionsOfAFenAndTooMuch(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> AmountInWords.of(new BigDecimal(amount)))
			.withMessageContaining(new BigDecimal(amount).toPlainString());
	}

	@Test
	void refusesFenOutsideTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> AmountInWords.ofFen(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> AmountInWords.ofFen(100_000_000_000_000L));
	}

	@Test
	void refusesNull() {
		assertThatNullPointerException().isThrownBy(() -> AmountInWords.of(null));
	}

}
