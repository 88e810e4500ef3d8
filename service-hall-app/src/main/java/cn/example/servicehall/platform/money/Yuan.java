package cn.example.servicehall.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * The hall's one way of writing an amount of money in yuan, wherever a person reads it: API messages, pages and
 * documents. Thousands separators, two decimals (rounded half up to the fen), and in a sentence the unit after a
 * space: {@code 1,234,567.89 元}. Tables whose heading already says 元 print the {@link #figures} alone. Documents add
 * the amount in capital numerals (大写) with {@code documents.AmountInWords}. Thread-safe, no state.
 */
public final class Yuan {

	/** The unit, after the figures and a space. */
	public static final String UNIT = "元";

	private static final String PATTERN = "#,##0.00";

	private Yuan() {
	}

	/** The amount in a sentence: {@code 600,000.00 元}. */
	public static String of(BigDecimal yuan) {
		return figures(yuan) + " " + UNIT;
	}

	/** The figures alone, for a table or a field headed 元: {@code 600,000.00}. */
	public static String figures(BigDecimal yuan) {
		Objects.requireNonNull(yuan, "yuan");
		// DecimalFormat is not thread-safe: one per call (cheap next to what the caller does with the text)
		DecimalFormat format = new DecimalFormat(PATTERN, DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(yuan);
	}

}
