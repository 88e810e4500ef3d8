package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.example.servicehall.agencies.TaxBureau.HomeCategory;

/**
 * The deed tax rate on a home the stand-in tax bureau applies, per 财政部 税务总局 住房城乡建设部公告2024年第16号 (from
 * 2024-12-01): the family's only home 1 % up to 140 m² and 1.5 % above; its second home 1 % up to 140 m² and 2 %
 * above; a third home or more the province's statutory rate (契税法 art. 3: 3 %–5 %; 3 % here, an assumption). The
 * tax is the contract price × rate, half-up to the fen. The full table is on {@link cn.example.servicehall.agencies.TaxBureau}.
 */
final class DeedTaxRates {

	/** The floor area up to which (inclusive) the lower rate applies, m². */
	static final BigDecimal AREA_LIMIT = new BigDecimal("140");

	/** 契税法 art. 3 leaves 3 %–5 % to the province: assumed 3 % (unverified per province). */
	static final BigDecimal STATUTORY_RATE = new BigDecimal("0.0300");

	private DeedTaxRates() {
	}

	static HomeCategory category(int homesOwnedBefore) {
		return switch (homesOwnedBefore) {
			case 0 -> HomeCategory.ONLY_HOME;
			case 1 -> HomeCategory.SECOND_HOME;
			default -> HomeCategory.THIRD_OR_MORE;
		};
	}

	static BigDecimal rate(HomeCategory category, BigDecimal floorArea) {
		boolean large = floorArea.compareTo(AREA_LIMIT) > 0;
		return switch (category) {
			case ONLY_HOME -> large ? new BigDecimal("0.0150") : new BigDecimal("0.0100");
			case SECOND_HOME -> large ? new BigDecimal("0.0200") : new BigDecimal("0.0100");
			case THIRD_OR_MORE -> STATUTORY_RATE;
		};
	}

	static BigDecimal tax(BigDecimal taxBase, BigDecimal rate) {
		return taxBase.multiply(rate).setScale(2, RoundingMode.HALF_UP);
	}

}
