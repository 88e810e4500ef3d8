package cn.example.servicehall.loan.calculation;

import java.math.BigDecimal;

import cn.example.servicehall.platform.money.Yuan;

/** Yuan amounts: checks, and the way a clerk reads them ({@code 1,200,000.00}). */
final class Money {

	private Money() {
	}

	/** {@code amount} at scale 2; refuses null and amounts with fractions of a fen. */
	static BigDecimal fen(BigDecimal amount, String name) {
		if (amount == null) {
			throw new IllegalArgumentException(name + " is required");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(name + " must be in whole fen (分), was " + amount.toPlainString());
		}
		return amount.setScale(2);
	}

	/** As the hall writes yuan everywhere ({@link Yuan#figures}): {@code 1,498,727.16}. */
	static String format(BigDecimal yuan) {
		return Yuan.figures(yuan);
	}

	/** A plain number without trailing zeros: {@code 15}, {@code 1.2}. */
	static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	/** A ratio as a percentage: {@code 0.8} → {@code 80%}. */
	static String percent(BigDecimal ratio) {
		return plain(ratio.movePointRight(2)) + "%";
	}

}
