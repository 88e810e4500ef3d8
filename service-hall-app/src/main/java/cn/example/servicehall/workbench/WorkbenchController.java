package cn.example.servicehall.workbench;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.sla.WorkingCalendar;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.TaskInbox;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/** The start page: who is signed in, their posts, their inbox, the cases they may see; claiming a step. */
@Controller
class WorkbenchController {

	private final TaskInbox inbox;

	private final CaseFiles cases;

	private final WorkingCalendar calendar;

	private final CalendarAccess calendarAccess;

	WorkbenchController(TaskInbox inbox, CaseFiles cases, WorkingCalendar calendar, CalendarAccess calendarAccess) {
		this.inbox = inbox;
		this.cases = cases;
		this.calendar = calendar;
		this.calendarAccess = calendarAccess;
	}

	/**
	 * A line of the inbox.
	 * @param task the open step
	 * @param urgency {@code overdue} (已超时), {@code due-soon} (即将到期), {@code on-time} or {@code no-limit}
	 * @param mine whether the officer has claimed it
	 */
	record InboxLine(OpenTask task, String urgency, boolean mine) {

		/** The urgency from the step's SLA clock: red past its limit, yellow from 80 % of it. */
		static InboxLine of(OpenTask task, CurrentOfficer officer) {
			String urgency;
			if (task.sla() == null || task.due() == null && !"RED".equals(task.sla())) {
				urgency = "no-limit";
			}
			else {
				urgency = switch (task.sla()) {
					case "RED" -> "overdue";
					case "YELLOW" -> "due-soon";
					default -> "on-time";
				};
			}
			return new InboxLine(task, urgency, officer.id().equals(task.assignee()));
		}

	}

	@GetMapping("/")
	String workbench(CurrentOfficer officer, Model model) {
		model.addAttribute("tasks",
				this.inbox.openTasks(officer).stream().map(task -> InboxLine.of(task, officer)).toList());
		model.addAttribute("cases", this.cases.list(officer, Optional.empty(), 0, 20));
		model.addAttribute("clerk", officer.isIn(Groups.HPF_ACCEPTANCE_CLERK));
		model.addAttribute("consoles", officer.isIn(Groups.SYSTEM_ADMIN) || officer.isIn(Groups.HALL_MANAGER));
		// a year without calendar data stops time limits in it: those who keep the calendar are told ahead
		if (this.calendarAccess.mayOpen(officer)) {
			this.calendar.firstMissingYearWithin(CalendarAccess.WARNING_HORIZON)
				.ifPresent(year -> model.addAttribute("missingCalendarYear", String.valueOf(year)));
		}
		return "workbench/home";
	}

	/** 认领: the step is the officer's until done or given back. */
	@PostMapping("/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, CurrentOfficer officer, RedirectAttributes flash) {
		return claiming(flash, "workbench.flash.claimed", () -> this.inbox.claim(taskId, officer));
	}

	/** 退回待办: back to the post's shared inbox. */
	@PostMapping("/tasks/{taskId}/unclaim")
	String unclaim(@PathVariable String taskId, CurrentOfficer officer, RedirectAttributes flash) {
		return claiming(flash, "workbench.flash.unclaimed", () -> this.inbox.unclaim(taskId, officer));
	}

	private static String claiming(RedirectAttributes flash, String doneKey, Runnable work) {
		try {
			work.run();
			Flash.done(flash, doneKey);
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/";
	}

}
