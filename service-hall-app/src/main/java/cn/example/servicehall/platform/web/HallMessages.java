package cn.example.servicehall.platform.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The hall's texts for refusals, from its message bundle ({@code messages.properties}): a problem's title is the
 * message {@code <code>.title} and its detail {@code <code>.detail}, written as the hall answers every caller, in
 * Chinese then English. Arguments fill {@code {0}}, {@code {1}}, … as they are written (a year stays 2027, not
 * 2,027); every message is a {@link java.text.MessageFormat} pattern, so an apostrophe is written twice ({@code ''}).
 */
public final class HallMessages {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setBundleClassLoader(HallMessages.class.getClassLoader());
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
		MESSAGES.setAlwaysUseMessageFormat(true);
	}

	private HallMessages() {
	}

	/** The message {@code code} of the bundle with the arguments filled in. */
	public static String text(String code, Object... args) {
		return MESSAGES.getMessage(code, Arrays.stream(args).map(String::valueOf).toArray(), Locale.ROOT);
	}

	/**
	 * The message {@code code} in {@code locale}'s words ({@code messages_en.properties} for English), the bundle's
	 * own (Chinese) where the language has none.
	 */
	public static String text(Locale locale, String code, Object... args) {
		return MESSAGES.getMessage(code, Arrays.stream(args).map(String::valueOf).toArray(), locale);
	}

	/** A problem's title and detail: the messages {@code <code>.title} and {@code <code>.detail}. */
	public static Text problem(String code, Object... args) {
		return new Text(text(code + ".title"), text(code + ".detail", args));
	}

	/**
	 * A refusal's words.
	 * @param title the title
	 * @param detail the detail
	 */
	public record Text(String title, String detail) {
	}

}
