package cn.example.servicehall.platform.web;

import java.util.OptionalInt;

/**
 * The one rule for what text the hall accepts from outside, wherever it comes from (a JSON field, a request
 * parameter, the address, a header, a page form): no control characters of C0 (U+0000 to U+001F) except tab, line
 * feed and carriage return, and no lone surrogate (half of a character that UTF-8 cannot carry). PostgreSQL refuses
 * NUL outright, the others end up invisible in documents and logs; no clerk types them on purpose.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** The index of the first refused character of {@code text}, if any. */
	public static OptionalInt find(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return OptionalInt.of(i);
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return OptionalInt.of(i);
			}
			if (Character.isLowSurrogate(c)) {
				return OptionalInt.of(i);
			}
		}
		return OptionalInt.empty();
	}

	public static boolean isClean(CharSequence text) {
		return text == null || find(text).isEmpty();
	}

	/**
	 * What is wrong with the text, for a message naming the field: "含有控制字符 U+0000（不可见字符）…"; empty
	 * when it is clean.
	 */
	public static java.util.Optional<String> problem(CharSequence text) {
		if (text == null) {
			return java.util.Optional.empty();
		}
		return find(text).stream().mapToObj(i -> describe(text.charAt(i))).findFirst();
	}

	private static String describe(char c) {
		String code = String.format("U+%04X", (int) c);
		if (Character.isSurrogate(c)) {
			return "含有不完整的字符 " + code + "（单独的代理项），请重新输入该内容。 contains an incomplete character " + code
					+ " (a lone surrogate).";
		}
		return "含有不可见的控制字符 " + code + "，请删除后重新提交。 contains the control character " + code + "; remove it.";
	}

}
