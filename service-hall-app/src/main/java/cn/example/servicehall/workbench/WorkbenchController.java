package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePage;
import cn.example.servicehall.intake.CaseSearch;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.TaskInbox;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * The start page: who is signed in, their posts, their inbox and the cases they may see, a page of each at a time,
 * both narrowed by one search (a case number, an ID number or its last digits, a name); claiming a step.
 */
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
	 * @param applicant the applicant's name, so that the clerk calls the right citizen
	 */
	record InboxLine(OpenTask task, String urgency, boolean mine, String applicant) {

		/** The urgency from the step's SLA clock: red past its limit, yellow from 80 % of it. */
		static InboxLine of(OpenTask task, CurrentOfficer officer, Map<String, String> applicants) {
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
			return new InboxLine(task, urgency, officer.id().equals(task.assignee()),
					task.caseNo() == null ? null : applicants.get(task.caseNo()));
		}

	}

	/** Inbox lines a page: a screen and a half at a counter. */
	static final int INBOX_PAGE_SIZE = 20;

	/** Cases a page on the start page, under the inbox. */
	static final int CASES_PAGE_SIZE = 10;

	@GetMapping("/")
	String workbench(@RequestParam(required = false) String q, @RequestParam(required = false) String inbox,
			@RequestParam(required = false) String cases, CurrentOfficer officer, Model model) {
		HomeAddress address = HomeAddress.of(q, inbox, cases);
		Optional<CaseSearch> search = CaseSearch.parse(address.search());
		model.addAttribute("search", address.search());
		search.ifPresent(s -> model.addAttribute("searchKind", s));
		model.addAttribute("address", address);
		// the inbox is the engine's: a search finds the open cases first, then their steps
		Optional<List<String>> openCases = search.map(s -> this.cases.openCaseNumbers(officer, s, TaskInbox.MAX_CASES)
			.stream()
			.map(CaseNo::value)
			.toList());
		model.addAttribute("searchTooBroad", openCases.filter(found -> found.size() >= TaskInbox.MAX_CASES).isPresent());
		model.addAttribute("searchedCases", TaskInbox.MAX_CASES);
		model.addAttribute("tasks", inboxPage(officer, openCases, address));
		model.addAttribute("cases", casesPage(officer, search, address));
		model.addAttribute("clerk", officer.isIn(Groups.HPF_ACCEPTANCE_CLERK));
		model.addAttribute("consoles", officer.isIn(Groups.SYSTEM_ADMIN) || officer.isIn(Groups.HALL_MANAGER));
		// a year without calendar data stops time limits in it: those who keep the calendar are told ahead
		if (this.calendarAccess.mayOpen(officer)) {
			this.calendar.firstMissingYearWithin(CalendarAccess.WARNING_HORIZON)
				.ifPresent(year -> model.addAttribute("missingCalendarYear", String.valueOf(year)));
		}
		return "workbench/home";
	}

	/** The inbox's page asked for (the last if past it), its lines with the applicants' names. */
	private ListPage<InboxLine> inboxPage(CurrentOfficer officer, Optional<List<String>> caseNumbers,
			HomeAddress address) {
		TaskInbox.InboxPage found = this.inbox.page(officer, caseNumbers, address.inboxPage() - 1, INBOX_PAGE_SIZE);
		int pages = ListPage.pages(found.total(), INBOX_PAGE_SIZE);
		if (address.inboxPage() > pages) {
			address = address.withInboxPage(pages);
			found = this.inbox.page(officer, caseNumbers, pages - 1, INBOX_PAGE_SIZE);
		}
		Map<String, String> names = this.cases.applicantNames(officer,
				found.items().stream().map(OpenTask::caseNo).filter(java.util.Objects::nonNull).toList());
		List<InboxLine> lines = found.items().stream().map(task -> InboxLine.of(task, officer, names)).toList();
		int page = address.inboxPage();
		return new ListPage<>(lines, found.total(), page, INBOX_PAGE_SIZE,
				page > 1 ? address.withInboxPage(page - 1).url(true, false) : null,
				page < pages ? address.withInboxPage(page + 1).url() : null);
	}

	/** The case list's page asked for (the last if past it). */
	private ListPage<CaseFile> casesPage(CurrentOfficer officer, Optional<CaseSearch> search, HomeAddress address) {
		CasePage found = this.cases.list(officer, Optional.empty(), search, address.casesPage() - 1, CASES_PAGE_SIZE);
		int pages = ListPage.pages(found.total(), CASES_PAGE_SIZE);
		if (address.casesPage() > pages) {
			address = address.withCasesPage(pages);
			found = this.cases.list(officer, Optional.empty(), search, pages - 1, CASES_PAGE_SIZE);
		}
		int page = address.casesPage();
		return new ListPage<>(found.items(), found.total(), page, CASES_PAGE_SIZE,
				page > 1 ? address.withCasesPage(page - 1).url(false, true) : null,
				page < pages ? address.withCasesPage(page + 1).url() : null);
	}

	/** 认领: the step is the officer's until done or given back; back to the same search and page. */
	@PostMapping("/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String inbox, @RequestParam(required = false) String cases,
			CurrentOfficer officer, RedirectAttributes flash) {
		return claiming(flash, "workbench.flash.claimed", () -> this.inbox.claim(taskId, officer),
				HomeAddress.of(q, inbox, cases));
	}

	/** 退回待办: back to the post's shared inbox. */
	@PostMapping("/tasks/{taskId}/unclaim")
	String unclaim(@PathVariable String taskId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String inbox, @RequestParam(required = false) String cases,
			CurrentOfficer officer, RedirectAttributes flash) {
		return claiming(flash, "workbench.flash.unclaimed", () -> this.inbox.unclaim(taskId, officer),
				HomeAddress.of(q, inbox, cases));
	}

	private static String claiming(RedirectAttributes flash, String doneKey, Runnable work, HomeAddress back) {
		try {
			work.run();
			Flash.done(flash, doneKey);
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:" + back.url();
	}

}
