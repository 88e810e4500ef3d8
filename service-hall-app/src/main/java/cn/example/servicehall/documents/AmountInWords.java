package cn.example.servicehall.documents;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 大写金额: a yuan amount in Chinese capital numerals, as printed next to the figures on contracts, IOUs and receipts
 * ({@code 600000.00} → {@code 人民币陆拾万元整}).
 *
 * <p>
 * The rules are those of the People's Bank of China's 《支付结算办法》, 附件一 《正确填写票据和结算凭证的基本规定》,
 * where that text leaves a choice the choice made here is given:
 * <ol>
 * <li><b>Digits and units.</b> 零壹贰叁肆伍陆柒捌玖, 拾佰仟 inside a group of four digits, 万 and 亿 for the groups,
 * 元角分 for the currency; always prefixed with 人民币 (“大写金额数字前未印‘人民币’字样的，应加填‘人民币’三字”).</li>
 * <li><b>壹拾.</b> A 拾 is always preceded by its digit, also at the start: 10 → 人民币壹拾元整, never 拾元 (“壹拾几”的“壹”
 * 字不得遗漏).</li>
 * <li><b>整.</b> “中文大写金额数字到‘元’为止的，在‘元’之后，应写‘整’字；在‘角’之后可以不写‘整’字；大写金额数字有‘分’的，‘分’后面不写
 * ‘整’字”. Here: 元 is followed by 整 when there are no 角 and no 分; after 角 no 整 is written (the rule allows either;
 * 1,000,000.50 → 人民币壹佰万元伍角); after 分 never.</li>
 * <li><b>Zeros inside a group</b> (“阿拉伯数字中间有‘0’时，中文大写要写‘零’字；中间连续有几个‘0’时，中文大写金额中间可以只写一个
 * ‘零’字”): one 零 for each run of zeros that stands before a non-zero digit of the same group (1,005 → 壹仟零伍元;
 * 20,300.40 → 贰万零叁佰元肆角). Zeros at the end of a group are not written: the group's unit carries them
 * (1,000,000 → 壹佰万元).</li>
 * <li><b>Zeros across 万 and 亿.</b> A group that starts with zeros after a non-zero higher group gets one 零
 * (100,010 → 壹拾万零壹拾元整; 1,000,001 → 壹佰万零壹元整), and so does a group that is all zeros between non-zero
 * ones (100,001,000 → 壹亿零壹仟元整). A group ending in zeros followed by a group starting with a non-zero digit gets
 * none: 1,001,000 → 壹佰万壹仟元整, as the rule's own example writes ¥107,000.53 as 人民币壹拾万柒仟元零伍角叁分 (“万位是
 * ‘0’ … 但千位、角位不是‘0’时，中文大写金额中可以只写一个零字，也可以不写‘零’字”).</li>
 * <li><b>The 元 position.</b> When 角 is zero and 分 is not, 零 is written after 元 (“阿拉伯金额数字角位是‘0’，而分位不是
 * ‘0’时，中文大写金额‘元’后面应写‘零’字”: 16,409.02 → 人民币壹万陆仟肆佰零玖元零贰分; 100,000,000.01 → 人民币壹亿元零壹分).
 * When the units digit is zero and 角 is not, no 零 is written before 角 (the rule allows either; 1,680.32 →
 * 人民币壹仟陆佰捌拾元叁角贰分).</li>
 * <li><b>Less than one yuan.</b> No 零元: 0.05 → 人民币伍分, 0.50 → 人民币伍角, 0.01 → 人民币壹分; nothing at all is
 * 人民币零元整.</li>
 * </ol>
 * Amounts from 0 to {@link #MAX_AMOUNT} (999,999,999,999.99, 玖仟玖佰玖拾玖亿…) with at most two decimal places
 * (whole fen, judged by value: {@code 1.500} is accepted) are converted; anything else is refused with an
 * {@link IllegalArgumentException}. Thread-safe, no state.
 */
public final class AmountInWords {

	/** The largest amount converted: 999,999,999,999.99 yuan, just under one 万亿 (trillion). */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	/** The prefix of every result. */
	public static final String PREFIX = "人民币";

	private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

	/** Inside a group of four digits, from the units up. */
	private static final String[] PLACES = { "", "拾", "佰", "仟" };

	/** The groups, from the units up: 元 is written separately. */
	private static final String[] GROUPS = { "", "万", "亿" };

	private AmountInWords() {
	}

	/**
	 * The amount in capital numerals with the 人民币 prefix.
	 * @param yuan from 0 to {@link #MAX_AMOUNT}, in whole fen
	 * @throws IllegalArgumentException for a negative amount, fractions of a fen or more than {@link #MAX_AMOUNT}
	 * @throws NullPointerException for {@code null}
	 */
	public static String of(BigDecimal yuan) {
		Objects.requireNonNull(yuan, "yuan");
		if (yuan.signum() < 0) {
			throw new IllegalArgumentException("the amount must not be negative, was " + yuan.toPlainString());
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(
					"the amount must be in whole fen (at most 2 decimal places), was " + yuan.toPlainString());
		}
		if (yuan.compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException("the amount must be at most " + MAX_AMOUNT.toPlainString()
					+ " yuan, was " + yuan.toPlainString());
		}
		return ofFen(yuan.movePointRight(2).longValueExact());
	}

	/**
	 * The amount given in fen (分), as the hall keeps money: {@code 60000000} → 人民币陆拾万元整.
	 * @param fen from 0 to 99,999,999,999,999 (= {@link #MAX_AMOUNT} yuan)
	 * @throws IllegalArgumentException outside that range
	 */
	public static String ofFen(long fen) {
		if (fen < 0) {
			throw new IllegalArgumentException("the amount must not be negative, was " + fen + " fen");
		}
		if (fen > MAX_AMOUNT.movePointRight(2).longValueExact()) {
			throw new IllegalArgumentException(
					"the amount must be at most " + MAX_AMOUNT.toPlainString() + " yuan, was " + fen + " fen");
		}
		long whole = fen / 100;
		int jiao = (int) (fen / 10 % 10);
		int fenDigit = (int) (fen % 10);

		StringBuilder words = new StringBuilder(PREFIX);
		if (whole == 0 && jiao == 0 && fenDigit == 0) {
			return words.append("零元整").toString();
		}
		if (whole > 0) {
			appendWhole(words, whole);
			words.append('元');
		}
		if (jiao == 0 && fenDigit == 0) {
			return words.append('整').toString();
		}
		if (jiao > 0) {
			words.append(DIGITS[jiao]).append('角');
		}
		else if (whole > 0) {
			words.append('零'); // 角位是“0”而分位不是“0”：元后写“零”
		}
		if (fenDigit > 0) {
			words.append(DIGITS[fenDigit]).append('分');
		}
		return words.toString();
	}

	/** {@code whole} (≥ 1) in groups of four digits: 亿, 万, units. */
	private static void appendWhole(StringBuilder words, long whole) {
		int[] groups = new int[GROUPS.length];
		for (int g = 0; g < groups.length; g++) {
			groups[g] = (int) (whole % 10_000);
			whole /= 10_000;
		}
		boolean written = false; // a non-zero higher group has been written
		boolean zeroPending = false; // zeros have been passed since the last digit written
		for (int g = groups.length - 1; g >= 0; g--) {
			int group = groups[g];
			if (group == 0) {
				zeroPending |= written;
				continue;
			}
			if (written && group < 1000) {
				zeroPending = true; // the group starts with zeros after a higher group
			}
			int divisor = 1000;
			for (int place = 3; place >= 0; place--, divisor /= 10) {
				int digit = group / divisor % 10;
				if (digit == 0) {
					zeroPending |= written;
					continue;
				}
				if (zeroPending) {
					words.append('零');
					zeroPending = false;
				}
				words.append(DIGITS[digit]).append(PLACES[place]);
				written = true;
			}
			words.append(GROUPS[g]);
			// zeros at the end of a group are carried by its unit
			zeroPending = false;
		}
	}

}
