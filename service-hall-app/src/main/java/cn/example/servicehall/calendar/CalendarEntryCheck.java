package cn.example.servicehall.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What makes a year's entry sensible, line by line, in words an administrator can act on (Chinese, then English):
 * every day inside the year, no day twice (so an off day is never also a make-up day), make-up working days only on a
 * Saturday or Sunday, a kind and a holiday name on each line, and the notice named as the source. The database checks
 * the same where SQL can ({@code sla_calendar_day}); this says which line is wrong.
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
			problems.add(new Problem("year", "年份 " + year + " 不在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间，请核对。"
					+ " The year must be between " + FIRST_YEAR + " and " + LAST_YEAR + "."));
		}
		if (source == null || source.isBlank()) {
			problems.add(new Problem("source", "请填写依据：国务院办公厅部分节假日安排通知的标题和网址。"
					+ " Name the source: the State Council notice's title and URL."));
		}
		else if (source.length() > MAX_SOURCE_LENGTH) {
			problems.add(new Problem("source", "依据过长（最多 " + MAX_SOURCE_LENGTH + " 个字符），请只填写通知的标题和网址。"
					+ " The source is too long (at most " + MAX_SOURCE_LENGTH + " characters)."));
		}
		if (days == null || days.isEmpty()) {
			problems.add(new Problem("days", "没有录入任何日期：请按通知逐日录入该年的放假日（OFF）和调休上班日（MAKEUP）。"
					+ " No days were entered: list every off day and make-up working day of the notice."));
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
			problems.add(new Problem(field, "第 " + line + " 行为空。Line " + line + " is empty."));
			return;
		}
		String prefix = "第 " + line + " 行" + describe(day) + "：";
		if (day.date() == null) {
			problems.add(new Problem(field + ".date",
					prefix + "缺少日期（格式 2027-01-01）。Line " + line + ": the date is missing (as 2027-01-01)."));
		}
		if (day.kind() == null) {
			problems.add(new Problem(field + ".kind", prefix + "缺少类型，应为 OFF（放假）或 MAKEUP（调休上班）。Line " + line
					+ ": the kind is missing: OFF (day off) or MAKEUP (make-up working day)."));
		}
		if (day.name() == null || day.name().isBlank()) {
			problems.add(new Problem(field + ".name", prefix + "缺少节日名称（如 春节、国庆节）。Line " + line
					+ ": the holiday's name is missing (e.g. 春节)."));
		}
		else if (day.name().length() > MAX_NAME_LENGTH) {
			problems.add(new Problem(field + ".name", prefix + "节日名称过长（最多 " + MAX_NAME_LENGTH + " 个字符）。Line " + line
					+ ": the holiday's name is too long (at most " + MAX_NAME_LENGTH + " characters)."));
		}
		if (day.date() == null) {
			return;
		}
		if (day.date().getYear() != year) {
			problems.add(new Problem(field + ".date", prefix + "日期 " + day.date() + " 不在 " + year + " 年内。Line " + line
					+ ": " + day.date() + " is not in " + year + "."));
		}
		if (day.kind() == DayKind.MAKEUP && !isWeekend(day.date())) {
			problems.add(new Problem(field + ".kind",
					prefix + "调休上班日 " + day.date() + " 是" + chineseWeekday(day.date()) + "，调休上班日只能是星期六或星期日。Line "
							+ line + ": the make-up working day " + day.date() + " is a "
							+ day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
							+ "; make-up working days are Saturdays or Sundays."));
		}
		Integer earlier = lineOfDay.putIfAbsent(day.date(), index);
		if (earlier != null) {
			CalendarDay first = days.get(earlier);
			if (first.kind() != null && day.kind() != null && first.kind() != day.kind()) {
				problems.add(new Problem(field + ".date", prefix + day.date() + " 在第 " + (earlier + 1) + " 行是"
						+ chinese(first.kind()) + "，不能同时是" + chinese(day.kind()) + "。Line " + line + ": " + day.date()
						+ " is " + english(first.kind()) + " on line " + (earlier + 1) + " and cannot also be "
						+ english(day.kind()) + "."));
			}
			else {
				problems.add(new Problem(field + ".date", prefix + day.date() + " 与第 " + (earlier + 1)
						+ " 行重复，同一天只能录入一次。Line " + line + ": " + day.date() + " is already on line " + (earlier + 1)
						+ "."));
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

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	static String chineseWeekday(LocalDate date) {
		return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
	}

	static String chinese(DayKind kind) {
		return kind == DayKind.OFF ? "放假日" : "调休上班日";
	}

	private static String english(DayKind kind) {
		return kind == DayKind.OFF ? "a day off" : "a make-up working day";
	}

}
