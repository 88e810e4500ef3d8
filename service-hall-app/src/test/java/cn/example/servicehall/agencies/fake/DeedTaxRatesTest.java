package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.example.servicehall.agencies.TaxBureau.HomeCategory;

/** 财政部 税务总局 住房城乡建设部公告2024年第16号: the four cells, the 140 m² boundary, and half-up to the fen. */
class DeedTaxRatesTest {

	@ParameterizedTest(name = "{0} other homes, {1} m² → {2}")
	@CsvSource({ "0, 90.00, 0.0100", "0, 140.00, 0.0100", "0, 140.01, 0.0150", "0, 180.00, 0.0150",
			"1, 90.00, 0.0100", "1, 140.00, 0.0100", "1, 140.01, 0.0200", "1, 180.00, 0.0200",
			"2, 90.00, 0.0300", "5, 180.00, 0.0300" })
	void theRateFollowsTheFamilysHomesAndTheFloorArea(int homes, String area, String rate) {
		assertThat(DeedTaxRates.rate(DeedTaxRates.category(homes), new BigDecimal(area))).isEqualByComparingTo(rate);
	}

	@ParameterizedTest(name = "{0} × {1} = {2}")
	@CsvSource({ "1234567.00, 0.0150, 18518.51", "1000.50, 0.0100, 10.01", "1234566.70, 0.0150, 18518.50", "999999.99, 0.0100, 10000.00" })
	void theTaxIsThePriceTimesTheRateHalfUpToTheFen(String price, String rate, String tax) {
		assertThat(DeedTaxRates.tax(new BigDecimal(price), new BigDecimal(rate))).isEqualTo(new BigDecimal(tax));
	}

	@ParameterizedTest
	@CsvSource({ "0, ONLY_HOME", "1, SECOND_HOME", "2, THIRD_OR_MORE" })
	void theCategoryIsWhatTheFamilyOwnedBefore(int homes, HomeCategory category) {
		assertThat(DeedTaxRates.category(homes)).isEqualTo(category);
	}

}
