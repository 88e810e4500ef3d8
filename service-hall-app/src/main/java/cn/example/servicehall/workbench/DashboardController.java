package cn.example.servicehall.workbench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.IntakeSettings;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.sla.SlaNotices;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.sla.dashboard.Dashboard;
import cn.example.servicehall.sla.dashboard.DashboardExport;
import cn.example.servicehall.sla.dashboard.DashboardFigures;
import cn.example.servicehall.sla.dashboard.DashboardQuery;

/**
 * 管理看板: the managers' page. The figures come with the page (tables for reading, the same numbers as JSON for the
 * charts), and download as CSV or Excel; the breach notices of the agencies are listed to be marked read.
 */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final SlaNotices notices;

	private final WorkingCalendar calendar;

	private final IntakeSettings intake;

	private final MessageSource messages;

	private final ObjectMapper json;

	DashboardController(Dashboard dashboard, SlaNotices notices, WorkingCalendar calendar, IntakeSettings intake,
			MessageSource messages, ObjectMapper json) {
		this.dashboard = dashboard;
		this.notices = notices;
		this.calendar = calendar;
		this.intake = intake;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String branch,
			CurrentOfficer officer, Model model) throws IOException {
		requireManager(officer);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("agency", agency);
		model.addAttribute("branch", branch);
		model.addAttribute("agencies", List.of(Agency.HPF, Agency.BANK, Agency.REGISTRY, Agency.GUARANTOR));
		model.addAttribute("branches", branches());
		model.addAttribute("notices", this.notices.unread(officer));
		DashboardQuery query = DashboardQuery.parse(from, to, agency, branch, this.calendar.today(),
				this.intake.branches().keySet());
		DashboardFigures figures = this.dashboard.figures(query);
		model.addAttribute("query", query);
		model.addAttribute("figures", figures);
		model.addAttribute("chartData", this.json.writeValueAsString(chartData(figures)));
		return "dashboard/dashboard";
	}

	@GetMapping("/dashboard/export.{format}")
	void export(@PathVariable String format, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String branch, CurrentOfficer officer, HttpServletResponse response)
			throws IOException {
		requireManager(officer);
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw ProblemException.refusal(HttpStatus.NOT_FOUND, "not-found", "problem.workbench.no-such-export");
		}
		DashboardQuery query = DashboardQuery.parse(from, to, agency, branch, this.calendar.today(),
				this.intake.branches().keySet());
		DashboardExport export = new DashboardExport(this.dashboard.figures(query), names(), this.calendar.zone());
		String name = "管理看板_" + query.from() + "_" + query.to() + "." + format;
		response.setHeader("Content-Disposition", "attachment; filename=\"dashboard-" + query.from() + "-" + query.to()
				+ "." + format + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
		if (format.equals("csv")) {
			response.setContentType("text/csv;charset=UTF-8");
			export.csv(response.getOutputStream());
		}
		else {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			export.xlsx(response.getOutputStream());
		}
	}

	@PostMapping("/dashboard/notices/{id}/read")
	String markRead(@PathVariable long id, @RequestParam(required = false) String back, CurrentOfficer officer,
			RedirectAttributes flash) {
		this.notices.markRead(id, officer);
		flash.addFlashAttribute("flashKey", "dashboard.flash.notice-read");
		return "redirect:/dashboard" + (back != null && back.matches("[A-Za-z0-9=&_%.-]*") && !back.isEmpty()
				? "?" + back : "");
	}

	private static void requireManager(CurrentOfficer officer) {
		if (!officer.isIn(Groups.HALL_MANAGER) && !officer.isIn(Groups.SYSTEM_ADMIN)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.workbench.dashboard-for-managers");
		}
	}

	private Map<String, String> branches() {
		Map<String, String> branches = new LinkedHashMap<>();
		this.intake.codes().forEach(code -> branches.put(code, this.intake.nameOf(code)));
		return branches;
	}

	private Function<String, String> names() {
		Locale locale = LocaleContextHolder.getLocale();
		return key -> key.startsWith("branch.") ? this.intake.nameOf(key.substring("branch.".length()))
				: this.messages.getMessage(key, null, key, locale);
	}

	/** What the charts draw, named in the page's language. */
	private Map<String, Object> chartData(DashboardFigures figures) {
		Function<String, String> names = names();
		Map<String, Object> data = new LinkedHashMap<>();
		List<Map<String, Object>> stages = new ArrayList<>();
		for (DashboardFigures.Stage s : figures.stages()) {
			Map<String, Object> stage = new LinkedHashMap<>();
			stage.put("name", s.name());
			stage.put("kind", names.apply("dashboard.kind." + s.kind()));
			stage.put("agency", names.apply("workbench.agency." + s.agency().name()));
			stage.put("unit", names.apply("dashboard.unit." + s.unit()));
			stage.put("limit", s.limit());
			stage.put("limitUnit", names.apply("dashboard.unit." + s.limitUnit()));
			stage.put("median", s.median().orElse(null));
			stage.put("p90", s.p90().orElse(null));
			stage.put("withinLimit", s.withinLimit().percent().orElse(null));
			stage.put("clocks", s.clocks());
			stages.add(stage);
		}
		data.put("stages", stages);
		List<Map<String, Object>> weeks = new ArrayList<>();
		for (DashboardFigures.Week w : figures.weeks()) {
			Map<String, Object> week = new LinkedHashMap<>();
			week.put("monday", w.monday().toString());
			week.put("in", w.casesIn());
			week.put("out", w.casesOut());
			week.put("online", w.onlineShare().percent().orElse(null));
			week.put("withinLimit", w.withinLimit().percent().orElse(null));
			weeks.add(week);
		}
		data.put("weeks", weeks);
		List<Map<String, Object>> bundles = new ArrayList<>();
		for (DashboardFigures.BundleFigures b : figures.bundles()) {
			b.turnaround().ifPresent(t -> {
				Map<String, Object> bundle = new LinkedHashMap<>();
				bundle.put("name", b.name());
				bundle.put("limit", b.limitWorkingDays());
				bundle.put("median", t.median().orElse(null));
				bundle.put("p90", t.p90().orElse(null));
				bundle.put("withinLimit", t.withinLimit().percent().orElse(null));
				bundle.put("clocks", t.clocks());
				bundles.add(bundle);
			});
		}
		data.put("bundles", bundles);
		return data;
	}

}
