package cn.example.servicehall.workbench;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.example.servicehall.calendar.CalendarDay;
import cn.example.servicehall.calendar.DayKind;

/**
 * A year's days as the calendar page's text box holds them, one day a line, typed or pasted from the State Council's
 * notice: {@code 2027-01-01 放假 元旦}, {@code 2027-02-20 上班 春节}. The kind may be written {@code OFF}/{@code MAKEUP},
 * 放假/上班 or 休/班; the parts are separated by spaces, tabs or commas; blank lines are left out. This reads the
 * format only: whether the days make a sensible year is for the calendar to say
 * ({@link cn.example.servicehall.calendar.WorkingCalendar#replaceYear}), line by line, in the order of the lines read here.
 */
final class CalendarLines {

	private static final Pattern SEPARATOR = Pattern.compile("[\\s\\u3000,，]+");

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

	private static final Map<String, DayKind> KINDS = new LinkedHashMap<>();

	static {
		for (String off : List.of("OFF", "放假", "放假日", "休", "休息")) {
			KINDS.put(off, DayKind.OFF);
		}
		for (String makeUp : List.of("MAKEUP", "MAKE-UP", "上班", "班", "调休上班", "调休上班日", "补班")) {
			KINDS.put(makeUp, DayKind.MAKEUP);
		}
	}

	/**
	 * The text box read.
	 * @param text the lines that were read, blank lines left out, so that line {@code n} of the calendar's answer is
	 * line {@code n} of this text
	 * @param days one day per line; a part that could not be read is left empty, which the calendar refuses
	 * @param problems what could not be read, by the field the calendar names ({@code days[2].date}), in words the
	 * administrator can act on
	 */
	record Read(String text, List<CalendarDay> days, Map<String, String> problems) {
	}

	private CalendarLines() {
	}

	static Read read(String text) {
		List<String> lines = text == null ? List.of()
				: text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		List<CalendarDay> days = new ArrayList<>();
		Map<String, String> problems = new LinkedHashMap<>();
		for (int index = 0; index < lines.size(); index++) {
			days.add(line(index, lines.get(index), problems));
		}
		return new Read(String.join("\n", lines), List.copyOf(days), problems);
	}

	/** The year's days as lines for the text box: {@code 2027-01-01 放假 元旦}, or {@code 2027-01-01 OFF 元旦} in English. */
	static String write(List<CalendarDay> days, Locale locale) {
		boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
		StringBuilder text = new StringBuilder();
		for (CalendarDay day : days) {
			String kind = chinese ? (day.kind() == DayKind.OFF ? "放假" : "上班") : day.kind().name();
			text.append(day.date()).append(' ').append(kind).append(' ').append(day.name()).append('\n');
		}
		return text.toString();
	}

	private static CalendarDay line(int index, String line, Map<String, String> problems) {
		String[] parts = SEPARATOR.split(line, 3);
		int number = index + 1;
		String field = "days[" + index + "]";
		LocalDate date = date(parts[0]);
		if (date == null) {
			problems.put(field + ".date", "第 " + number + " 行（" + line + "）：无法识别日期“" + parts[0]
					+ "”，请写作 2027-01-01。Line " + number + ": \"" + parts[0]
					+ "\" is not a date; write it as 2027-01-01.");
		}
		DayKind kind = null;
		if (parts.length > 1) {
			kind = KINDS.get(parts[1].toUpperCase(Locale.ROOT));
			if (kind == null) {
				problems.put(field + ".kind", "第 " + number + " 行（" + line + "）：无法识别类型“" + parts[1]
						+ "”，请写 放假（休、OFF）或 上班（班、MAKEUP）。Line " + number + ": \"" + parts[1]
						+ "\" is not a kind; write OFF (放假) or MAKEUP (上班).");
			}
		}
		String name = parts.length > 2 ? parts[2].strip() : null;
		return new CalendarDay(date, kind, name);
	}

	private static LocalDate date(String text) {
		Matcher matcher = DATE.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
