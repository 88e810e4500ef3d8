package cn.example.servicehall.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hall's one way of writing an amount of money: thousands separators, two decimals, 元 after a space. */
class YuanTest {

	@Test
	@DisplayName("金额：千分位、两位小数、“元”")
	void writesGroupedFiguresWithTwoDecimalsAndTheUnit() {
		assertThat(Yuan.of(new BigDecimal("1234567.89"))).isEqualTo("1,234,567.89 元");
		assertThat(Yuan.of(new BigDecimal("500000"))).isEqualTo("500,000.00 元");
		assertThat(Yuan.of(new BigDecimal("0"))).isEqualTo("0.00 元");
		assertThat(Yuan.of(new BigDecimal("999.5"))).isEqualTo("999.50 元");
		assertThat(Yuan.of(new BigDecimal("-1200.00"))).isEqualTo("-1,200.00 元");
	}

	@Test
	@DisplayName("表格中的金额只写数字")
	void writesTheFiguresAloneForTablesUnderAHeadingInYuan() {
		assertThat(Yuan.figures(new BigDecimal("600000.00"))).isEqualTo("600,000.00");
		assertThat(Yuan.figures(new BigDecimal("1498727.155"))).as("half up to the fen").isEqualTo("1,498,727.16");
		assertThat(Yuan.figures(new BigDecimal("0.004"))).isEqualTo("0.00");
	}

	@Test
	void refusesNothing() {
		assertThatThrownBy(() -> Yuan.of(null)).isInstanceOf(NullPointerException.class);
	}

}
