package cn.example.servicehall.booking.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.example.servicehall.booking.Branch;
import cn.example.servicehall.booking.Branches;
import cn.example.servicehall.booking.Queue;
import cn.example.servicehall.booking.Ticket;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 叫号台: the counters' page of a branch's queue: check an appointment holder in by case number, give a walk-in a
 * number, call the next number to one's window; the waiting numbers and the latest calls. Every action is a form
 * (Enter submits; the window number is kept in the address), each refusal shown in words above the forms.
 */
@Controller
class QueuePageController {

	private final Branches branches;

	private final Queue queue;

	QueuePageController(Branches branches, Queue queue) {
		this.branches = branches;
		this.queue = queue;
	}

	@GetMapping("/hall/queue")
	String page(@RequestParam(required = false) String branch, @RequestParam(required = false) Integer window,
			CurrentOfficer officer, Model model) {
		atCounter(officer);
		Branch shown = branch(branch);
		model.addAttribute("officer", officer);
		model.addAttribute("branch", shown);
		model.addAttribute("branches", this.branches.all());
		// without a window named: the branch's first window that signs appointments, else window 1
		model.addAttribute("window", window != null ? window : shown.signingWindows().stream().findFirst().orElse(1));
		model.addAttribute("board", this.queue.board(shown.code()));
		return "booking/queue";
	}

	@PostMapping("/hall/queue/check-in")
	String checkIn(@RequestParam String branch, @RequestParam(required = false) Integer window,
			@RequestParam String caseNo, CurrentOfficer officer, RedirectAttributes flash) {
		atCounter(officer);
		try {
			Ticket ticket = this.queue.checkIn(caseNo.strip(), officer).ticket();
			flash.addFlashAttribute("drawn", ticket.number());
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashProblem", ex.getBody().getDetail());
		}
		return back(branch, window);
	}

	@PostMapping("/hall/queue/walk-in")
	String walkIn(@RequestParam String branch, @RequestParam(required = false) Integer window, CurrentOfficer officer,
			RedirectAttributes flash) {
		atCounter(officer);
		flash.addFlashAttribute("drawn", this.queue.walkIn(branch, officer).ticket().number());
		return back(branch, window);
	}

	@PostMapping("/hall/queue/call")
	String call(@RequestParam String branch, @RequestParam(required = false) Integer window, CurrentOfficer officer,
			RedirectAttributes flash) {
		atCounter(officer);
		try {
			this.queue.callNext(branch, window, officer)
				.ifPresentOrElse(ticket -> flash.addFlashAttribute("called", ticket.number()),
						() -> flash.addFlashAttribute("nobodyWaiting", true));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashProblem", ex.getBody().getDetail());
		}
		return back(branch, window);
	}

	private Branch branch(String code) {
		return this.branches.findOrFirst(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String back(String branch, Integer window) {
		return "redirect:" + UriComponentsBuilder.fromPath("/hall/queue").queryParam("branch", branch)
			.queryParamIfPresent("window", java.util.Optional.ofNullable(window)).encode().build().toUriString();
	}

	private static void atCounter(CurrentOfficer officer) {
		if (Groups.CASE_POSTS.stream().noneMatch(officer::isIn)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
