package cn.example.servicehall.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.intake.IntakeSettings;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.sla.dashboard.Dashboard;
import cn.example.servicehall.sla.dashboard.DashboardFigures;
import cn.example.servicehall.sla.dashboard.DashboardQuery;

@RestController
@Tag(name = "Managers' dashboard", description = "管理看板: turnaround against time limits, per stage, agency and branch")
class DashboardApiController {

	private final Dashboard dashboard;

	private final WorkingCalendar calendar;

	private final IntakeSettings intake;

	DashboardApiController(Dashboard dashboard, WorkingCalendar calendar, IntakeSettings intake) {
		this.dashboard = dashboard;
		this.calendar = calendar;
		this.intake = intake;
	}

	@GetMapping("/api/sla/dashboard")
	@Operation(summary = "The dashboard's figures for a period (default: the last 30 days), optionally one agency and "
			+ "one branch: cases in and out, online share, one-visit rate, per-stage median and p90 turnaround and share "
			+ "within limit, weekly trend, the live yellow and red clocks")
	DashboardFigures figures(@Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false) String from,
			@Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false) String to,
			@Parameter(description = "HPF, BANK, REGISTRY or GUARANTOR") @RequestParam(required = false) String agency,
			@Parameter(description = "a branch's code, e.g. HQ") @RequestParam(required = false) String branch) {
		return this.dashboard.figures(DashboardQuery.parse(from, to, agency, branch, this.calendar.today(),
				this.intake.branches().keySet()));
	}

}
