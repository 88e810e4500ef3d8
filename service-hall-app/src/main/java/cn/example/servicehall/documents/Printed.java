package cn.example.servicehall.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.example.servicehall.platform.money.Yuan;

/**
 * How documents print amounts, rates, dates and personal numbers: one place, so that a receipt and a contract say
 * the same thing the same way. Times are the hall's (Asia/Shanghai).
 */
public final class Printed {

	private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

	private Printed() {
	}

	/** Yuan as the hall writes them everywhere ({@link Yuan#figures}), for a field headed 元: {@code 600,000.00}. */
	public static String money(BigDecimal yuan) {
		return Yuan.figures(yuan);
	}

	/** Yuan with the capital numerals in brackets: {@code 600,000.00 元（人民币陆拾万元整）}. */
	public static String moneyWithWords(BigDecimal yuan) {
		return Yuan.of(yuan) + "（" + AmountInWords.of(yuan) + "）";
	}

	/** A yearly rate in percent, as few decimals as it needs but at least two: {@code 2.60%}, {@code 3.075%}. */
	public static String percent(BigDecimal percent) {
		BigDecimal shown = percent.stripTrailingZeros();
		if (shown.scale() < 2) {
			shown = shown.setScale(2);
		}
		return shown.toPlainString() + "%";
	}

	/** A monthly rate in per mille, four decimals: 2.60 % a year is {@code 2.1667‰} a month. */
	public static String monthlyPerMille(BigDecimal annualPercent) {
		return annualPercent.multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP).toPlainString()
				+ "‰";
	}

	public static String date(LocalDate day) {
		return DATE.format(day);
	}

	public static String date(OffsetDateTime at) {
		return DATE.format(at.atZoneSameInstant(HALL_ZONE));
	}

	public static String dateTime(OffsetDateTime at) {
		return DATE_TIME.format(at.atZoneSameInstant(HALL_ZONE));
	}

	/** A resident ID number as receipts print it: the first six and last four characters. */
	public static String maskedId(String idNumber) {
		if (idNumber == null || idNumber.length() < 10) {
			return idNumber;
		}
		return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
	}

	/** A phone number as receipts print it: {@code 138****0000}. */
	public static String maskedPhone(String phone) {
		if (phone == null || phone.length() != 11) {
			return phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(7);
	}

	/** An account number in groups of four, the middle masked: {@code 6217 **** **** 5678}. */
	public static String maskedAccount(String accountNo) {
		if (accountNo == null || accountNo.length() < 12) {
			return accountNo;
		}
		return accountNo.substring(0, 4) + " **** **** " + accountNo.substring(accountNo.length() - 4);
	}

	/** An account number in groups of four: {@code 6217 0000 1001 2345 678}. */
	public static String account(String accountNo) {
		if (accountNo == null) {
			return null;
		}
		return accountNo.replaceAll("(.{4})(?=.)", "$1 ");
	}

}
