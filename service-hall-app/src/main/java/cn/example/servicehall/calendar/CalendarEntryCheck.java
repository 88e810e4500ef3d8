package cn.example.servicehall.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.example.servicehall.platform.web.HallMessages;

/**
 * What makes a year's entry sensible, line by line, in words an administrator can act on (Chinese, then English):
 * every day inside the year, no day twice (so an off day is never also a make-up day), make-up working days only on a
 * Saturday or Sunday, a kind and a holiday name on each line, and the notice named as the source. The database checks
 * the same where SQL can ({@code calendar_day}); this says which line is wrong.
 */
final class CalendarEntryCheck {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	static final int MAX_SOURCE_LENGTH = 1000;

	static final int MAX_NAME_LENGTH = 50;

	/**
	 * One mistake.
	 * @param field where, as the request names it: {@code source}, {@code days}, {@code days[2].date}
	 * @param message what is wrong and what to do, Chinese first
	 */
	record Problem(String field, String message) {
	}

	private CalendarEntryCheck() {
	}

	/** Every mistake of the entry, in line order; none when it may be saved. */
	static List<Problem> problems(int year, String source, List<CalendarDay> days) {
		List<Problem> problems = new ArrayList<>();
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			problems.add(new Problem("year", text("calendar.entry.year", year, FIRST_YEAR, LAST_YEAR)));
		}
		if (source == null || source.isBlank()) {
			problems.add(new Problem("source", text("calendar.entry.source-missing")));
		}
		else if (source.length() > MAX_SOURCE_LENGTH) {
			problems.add(new Problem("source", text("calendar.entry.source-too-long", MAX_SOURCE_LENGTH)));
		}
		if (days == null || days.isEmpty()) {
			problems.add(new Problem("days", text("calendar.entry.no-days")));
			return problems;
		}
		Map<LocalDate, Integer> lineOfDay = new HashMap<>();
		for (int index = 0; index < days.size(); index++) {
			checkLine(year, index, days, lineOfDay, problems);
		}
		return problems;
	}

	private static void checkLine(int year, int index, List<CalendarDay> days, Map<LocalDate, Integer> lineOfDay,
			List<Problem> problems) {
		int line = index + 1;
		String field = "days[" + index + "]";
		CalendarDay day = days.get(index);
		if (day == null) {
			problems.add(new Problem(field, text("calendar.entry.line-empty", line)));
			return;
		}
		String prefix = text("calendar.entry.line", line, describe(day));
		if (day.date() == null) {
			problems.add(new Problem(field + ".date", text("calendar.entry.date-missing", prefix, line)));
		}
		if (day.kind() == null) {
			problems.add(new Problem(field + ".kind", text("calendar.entry.kind-missing", prefix, line)));
		}
		if (day.name() == null || day.name().isBlank()) {
			problems.add(new Problem(field + ".name", text("calendar.entry.name-missing", prefix, line)));
		}
		else if (day.name().length() > MAX_NAME_LENGTH) {
			problems.add(new Problem(field + ".name", text("calendar.entry.name-too-long", prefix, line, MAX_NAME_LENGTH)));
		}
		if (day.date() == null) {
			return;
		}
		if (day.date().getYear() != year) {
			problems.add(new Problem(field + ".date", text("calendar.entry.date-outside-year", prefix, line, day.date(), year)));
		}
		if (day.kind() == DayKind.MAKEUP && !isWeekend(day.date())) {
			problems.add(new Problem(field + ".kind", text("calendar.entry.make-up-on-weekday", prefix, line, day.date(),
					chineseWeekday(day.date()), day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))));
		}
		Integer earlier = lineOfDay.putIfAbsent(day.date(), index);
		if (earlier != null) {
			CalendarDay first = days.get(earlier);
			if (first.kind() != null && day.kind() != null && first.kind() != day.kind()) {
				problems.add(new Problem(field + ".date", text("calendar.entry.day-of-two-kinds", prefix, line, day.date(),
						earlier + 1, chinese(first.kind()), chinese(day.kind()), english(first.kind()), english(day.kind()))));
			}
			else {
				problems.add(new Problem(field + ".date", text("calendar.entry.day-twice", prefix, line, day.date(), earlier + 1)));
			}
		}
	}

	/** The line as the administrator wrote it, for the message: （2027-01-06 调休上班 春节）. */
	private static String describe(CalendarDay day) {
		List<String> parts = new ArrayList<>();
		if (day.date() != null) {
			parts.add(day.date().toString());
		}
		if (day.kind() != null) {
			parts.add(chinese(day.kind()));
		}
		if (day.name() != null && !day.name().isBlank()) {
			parts.add(day.name().strip());
		}
		return parts.isEmpty() ? "" : "（" + String.join(" ", parts) + "）";
	}

	private static String text(String code, Object... args) {
		return HallMessages.text(code, args);
	}

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	static String chineseWeekday(LocalDate date) {
		return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
	}

	static String chinese(DayKind kind) {
		return text("calendar.entry.kind." + kind.name());
	}

	private static String english(DayKind kind) {
		return text("calendar.entry.kind." + kind.name() + ".en");
	}

}
