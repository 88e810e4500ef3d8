package cn.example.servicehall.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of office hours (办公时间) on a working day, such as the morning 08:30–12:00, in the hall's time zone.
 * Written {@code HH:mm-HH:mm} in the settings.
 *
 * @param opens when the hall opens for this period
 * @param closes when it closes, later the same day
 */
public record OfficePeriod(LocalTime opens, LocalTime closes) {

	private static final Pattern TEXT = Pattern.compile("\\s*(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

	public OfficePeriod {
		Objects.requireNonNull(opens, "opens");
		Objects.requireNonNull(closes, "closes");
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("办公时段 " + opens.format(HH_MM) + "-" + closes.format(HH_MM)
					+ " 的结束时间必须晚于开始时间，且在同一天内。An office period must end after it starts, on the same day: "
					+ opens.format(HH_MM) + "-" + closes.format(HH_MM));
		}
	}

	/**
	 * A period from its settings form, {@code 08:30-12:00}.
	 * @throws IllegalArgumentException if the text is not two times {@code HH:mm-HH:mm}, the second later
	 */
	public static OfficePeriod of(String text) {
		Matcher matcher = TEXT.matcher(String.valueOf(text));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("办公时段 “" + text + "” 的格式应为 HH:mm-HH:mm，如 08:30-12:00。"
					+ " An office period is written HH:mm-HH:mm, e.g. 08:30-12:00, not \"" + text + "\".");
		}
		try {
			return new OfficePeriod(LocalTime.parse(matcher.group(1), HH_MM), LocalTime.parse(matcher.group(2), HH_MM));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("办公时段 “" + text + "” 中的时间无效（00:00 至 23:59）。"
					+ " An office period's times must be 00:00 to 23:59: \"" + text + "\".", ex);
		}
	}

	/** How long the period is. */
	public Duration length() {
		return Duration.between(this.opens, this.closes);
	}

	@Override
	public String toString() {
		return this.opens.format(HH_MM) + "-" + this.closes.format(HH_MM);
	}

}
