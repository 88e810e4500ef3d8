package cn.example.servicehall.workbench;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.withdrawal.OffsetAgreementTermination;
import cn.example.servicehall.withdrawal.OffsetAgreements;
import cn.example.servicehall.withdrawal.WithdrawalOpinion;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * The withdrawal's steps on the case page (提取审核, 提取复核, and ending a standing monthly repayment offset), posting the API's own opinion record to the same
 * domain methods, and the managers' list of fraud flags (骗提预警).
 */
@Controller
class WithdrawalPageController {

	private final Withdrawals withdrawals;

	private final StepPosts posts;

	private final OffsetAgreements agreements;

	private final Clock clock;

	WithdrawalPageController(Withdrawals withdrawals, StepPosts posts, OffsetAgreements agreements, Clock clock) {
		this.withdrawals = withdrawals;
		this.agreements = agreements;
		this.posts = posts;
		this.clock = clock;
	}

	/** 提取审核 (初审岗): approve or refuse, with an opinion. */
	@PostMapping("/cases/{caseNo}/withdrawal-review")
	String review(@PathVariable String caseNo,
			@Valid @ModelAttribute(WithdrawalPages.REVIEW_FORM) WithdrawalOpinion form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.withdrawals.review(number, officer, form.approves(), form.opinion().strip());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 提取复核 (审批岗, four-eyes): a second person approves or refuses. */
	@PostMapping("/cases/{caseNo}/withdrawal-approval")
	String approve(@PathVariable String caseNo,
			@Valid @ModelAttribute(WithdrawalPages.APPROVAL_FORM) WithdrawalOpinion form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.withdrawals.approve(number, officer, form.approves(), form.opinion().strip());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 终止委托按月提取还贷协议 (受理岗): the citizen ends the standing agreement at the counter. */
	@PostMapping("/cases/{caseNo}/offset-agreement-termination")
	String endOffsetAgreement(@PathVariable String caseNo,
			@Valid @ModelAttribute(WithdrawalPages.OFFSET_END_FORM) OffsetAgreementTermination form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.agreements.endOnRequest(number, officer, form.noteOrNull());
			Flash.done(flash, "workbench.flash.offset-ended");
		});
	}

	/** 骗提预警: the flags of a period (the last twelve months by default), by month, rule and type, and the cases. */
	@GetMapping("/withdrawals/flags")
	String flags(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!officer.isIn(Groups.HALL_MANAGER) && !officer.isIn(Groups.SYSTEM_ADMIN)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("status", HttpStatus.FORBIDDEN.value());
			model.addAttribute("detailKey", "workbench.problem.managers-only");
			return WorkbenchPages.PROBLEM_VIEW;
		}
		LocalDate last = to != null ? to : LocalDate.now(this.clock);
		LocalDate first = from != null ? from : last.minusMonths(12).plusDays(1);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("report", this.withdrawals.flags(first, last));
		return "workbench/withdrawal-flags";
	}

}
