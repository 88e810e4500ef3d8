package cn.example.servicehall.workbench;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.example.servicehall.audit.AuditReading;
import cn.example.servicehall.audit.AuditSearch;
import cn.example.servicehall.identity.CurrentOfficer;

/**
 * 审计日志 for the auditor (稽核岗): a day's chain verified (the first gap, altered row or broken link, and the seal),
 * and the entries searched by the citizen's ID number, the case, the staff member and the days. Hall managers read
 * it with ID numbers masked. Every search and verification is itself recorded.
 */
@Controller
class AuditPageController {

	private final AuditReading reading;

	private final Clock clock;

	AuditPageController(AuditReading reading, Clock clock) {
		this.reading = reading;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String person, @RequestParam(name = "case", required = false) String caseNo,
			@RequestParam(required = false) String staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!AuditReading.mayRead(officer)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("status", HttpStatus.FORBIDDEN.value());
			model.addAttribute("detailKey", "workbench.audit.auditors-only");
			return WorkbenchPages.PROBLEM_VIEW;
		}
		LocalDate checked = day != null ? day : LocalDate.now(this.clock);
		model.addAttribute("day", checked);
		model.addAttribute("report", this.reading.verify(checked));
		AuditSearch.Criteria criteria = new AuditSearch.Criteria(person, caseNo, staff, from, to, Math.max(0, page));
		model.addAttribute("criteria", criteria);
		model.addAttribute("masked", !AuditReading.seesIdNumbers(officer));
		if (!criteria.isEmpty()) {
			model.addAttribute("found", this.reading.search(criteria, officer));
		}
		return "workbench/audit";
	}

}
