package cn.example.servicehall.intake;

import java.util.regex.Pattern;

/**
 * A case number (办件编号), e.g. {@code DK2026112300001}: the service prefix, the day of submission and the day's
 * running number. It is the business key of the case's process and the key citizens and clerks quote.
 */
public record CaseNo(String value) {

	public static final Pattern PATTERN = Pattern.compile("[A-Z]{2}\\d{13}");

	public CaseNo {
		if (value == null || !PATTERN.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a case number: " + value);
		}
	}

	public static boolean isValid(String value) {
		return value != null && PATTERN.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
