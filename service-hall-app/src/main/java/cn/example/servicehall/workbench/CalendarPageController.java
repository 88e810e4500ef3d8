package cn.example.servicehall.workbench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.calendar.CalendarYear;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * 工作日历 for the people who keep it: the years entered, each year's off days and make-up working days, the office
 * hours in force, and, for system administrators, a form to enter a year from the State Council's notice or replace
 * one. Hall managers read. The form calls the calendar, which checks the entry; a refusal shows the form again with
 * the text as typed and each line's mistake, and nothing is saved.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarPageController {

	static final String VIEW = "workbench/calendar";

	static final String FORM = "calendar";

	private static final Pattern URL = Pattern.compile("https?://\\S+");

	private final WorkingCalendar calendar;

	private final CalendarAccess access;

	CalendarPageController(WorkingCalendar calendar, CalendarAccess access) {
		this.calendar = calendar;
		this.access = access;
	}

	/**
	 * A year in the list.
	 * @param year the year as entered
	 * @param notice the source without its URL
	 * @param url the notice's address, if the source has one
	 */
	record YearLine(CalendarYear year, String notice, String url) {

		static YearLine of(CalendarYear year) {
			Matcher url = URL.matcher(year.source());
			if (!url.find()) {
				return new YearLine(year, year.source(), null);
			}
			String notice = (year.source().substring(0, url.start()) + year.source().substring(url.end())).strip();
			return new YearLine(year, notice.isEmpty() ? url.group() : notice, url.group());
		}

	}

	/** The years, and the form for the next year without data. */
	@GetMapping
	String overview(CurrentOfficer officer, Model model, Locale locale, HttpServletResponse response) {
		if (!this.access.mayOpen(officer)) {
			return keepersOnly(model, response);
		}
		List<CalendarYear> years = this.calendar.years();
		int next = nextMissing(years);
		return show(officer, model, years, Optional.empty(), entry(next, Optional.empty(), locale));
	}

	/** One year's days, and the form to replace it (or to enter it, if it has no data). */
	@GetMapping("/{year}")
	String year(@PathVariable int year, CurrentOfficer officer, Model model, Locale locale,
			HttpServletResponse response) {
		if (!this.access.mayOpen(officer)) {
			return keepersOnly(model, response);
		}
		Optional<CalendarYear> shown = this.calendar.year(year);
		return show(officer, model, this.calendar.years(), shown, entry(year, shown, locale));
	}

	/** Enters or replaces the year; all of it or nothing. */
	@PostMapping
	String enter(@Valid @ModelAttribute(FORM) CalendarForm form, BindingResult errors, CurrentOfficer officer,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (!this.access.mayEdit(officer)) {
			return adminsOnly(model, response);
		}
		if (!errors.hasErrors()) {
			CalendarLines.Read read = CalendarLines.read(form.getDays());
			form.setDays(read.text());
			try {
				CalendarYear saved = this.calendar.replaceYear(form.getYear(), form.getSource(), read.days(), officer);
				Flash.done(flash, "workbench.flash.calendar-saved", String.valueOf(saved.year()),
						String.valueOf(saved.offDays()), String.valueOf(saved.makeUpDays()),
						String.valueOf(saved.workingDays()));
				return "redirect:/admin/calendar/" + saved.year();
			}
			catch (ProblemException ex) {
				if (ex.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
					throw ex;
				}
				refused(ex, read, errors);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("refused", true);
		Optional<CalendarYear> shown = form.getYear() == null ? Optional.empty() : this.calendar.year(form.getYear());
		return show(officer, model, this.calendar.years(), shown, form);
	}

	/**
	 * The calendar's refusal as the form's errors: the year's and the source's under their fields, each line's in
	 * the list under the days, in the calendar's words unless the line could not even be read.
	 */
	@SuppressWarnings("unchecked")
	private static void refused(ProblemException ex, CalendarLines.Read read, BindingResult errors) {
		Map<String, Object> properties = ex.getBody().getProperties();
		Object listed = properties == null ? null : properties.get("errors");
		if (!(listed instanceof List<?> problems)) {
			errors.reject("calendar", ex.getBody().getDetail());
			return;
		}
		Set<String> explained = new HashSet<>();
		for (Object item : problems) {
			Map<String, String> problem = (Map<String, String>) item;
			String field = problem.get("field");
			String message = read.problems().getOrDefault(field, problem.get("message"));
			explained.add(field);
			if ("year".equals(field) || "source".equals(field)) {
				errors.rejectValue(field, "calendar", message);
			}
			else {
				errors.rejectValue("days", "calendar", message);
			}
		}
		read.problems().forEach((field, message) -> {
			if (!explained.contains(field)) {
				errors.rejectValue("days", "calendar", message);
			}
		});
	}

	private String show(CurrentOfficer officer, Model model, List<CalendarYear> years, Optional<CalendarYear> shown,
			CalendarForm form) {
		model.addAttribute("years", years.stream().map(YearLine::of).toList());
		model.addAttribute("shown", shown.map(YearLine::of).orElse(null));
		model.addAttribute("shownYear", form.getYear());
		model.addAttribute("entered", form.getYear() != null
				&& years.stream().anyMatch(year -> year.year() == form.getYear()));
		model.addAttribute("nextMissing", nextMissing(years));
		model.addAttribute("missingYear",
				this.calendar.firstMissingYearWithin(CalendarAccess.WARNING_HORIZON).map(String::valueOf).orElse(null));
		model.addAttribute("officeHours", this.calendar.officeHours());
		model.addAttribute("hoursPerDay", BigDecimal.valueOf(this.calendar.officeHours().perDay().toMinutes())
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString());
		if (!model.containsAttribute("refused")) {
			model.addAttribute("refused", false);
		}
		model.addAttribute("canEdit", this.access.mayEdit(officer));
		if (!model.containsAttribute(FORM)) {
			model.addAttribute(FORM, form);
		}
		return VIEW;
	}

	/** The form for a year: its source and lines when it has data, empty otherwise. */
	private static CalendarForm entry(int year, Optional<CalendarYear> entered, Locale locale) {
		CalendarForm form = new CalendarForm();
		form.setYear(year);
		entered.ifPresent(data -> {
			form.setSource(data.source());
			form.setDays(CalendarLines.write(data.days(), locale));
		});
		return form;
	}

	/** The first year from this year on that has no data: the one an administrator enters next. */
	private int nextMissing(List<CalendarYear> years) {
		Set<Integer> entered = new HashSet<>();
		years.forEach(year -> entered.add(year.year()));
		int year = this.calendar.today().getYear();
		while (entered.contains(year)) {
			year++;
		}
		return year;
	}

	private static String keepersOnly(Model model, HttpServletResponse response) {
		return forbidden(model, response, "workbench.calendar.keepers-only");
	}

	private static String adminsOnly(Model model, HttpServletResponse response) {
		return forbidden(model, response, "workbench.calendar.admins-only");
	}

	private static String forbidden(Model model, HttpServletResponse response, String detailKey) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		model.addAttribute("detailKey", detailKey);
		return WorkbenchPages.PROBLEM_VIEW;
	}

}
