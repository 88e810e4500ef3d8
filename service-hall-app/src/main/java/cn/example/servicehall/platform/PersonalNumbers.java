package cn.example.servicehall.platform;

import java.util.regex.Pattern;

/**
 * What the logs, and the audit trail to anyone but the auditor, never show in full: resident ID numbers (18 characters, the last a digit or X) and bank card numbers
 * (16 to 19 digits) keep their first six and last four characters ({@code 410802********0536}).
 */
public final class PersonalNumbers {

	private static final Pattern NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])([0-9]{6})([0-9]{6,9})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

	private PersonalNumbers() {
	}

	public static String mask(String text) {
		if (text == null || text.length() < 16) {
			return text;
		}
		var matcher = NUMBER.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			matcher.appendReplacement(masked, "$1" + "*".repeat(matcher.group(2).length()) + "$3");
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}
