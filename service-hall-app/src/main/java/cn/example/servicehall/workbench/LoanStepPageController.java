package cn.example.servicehall.workbench;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.loan.ContractParty;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.LoanReviews;
import cn.example.servicehall.loan.LoanSettlements;
import cn.example.servicehall.loan.StepRequests;

/**
 * The loan's own steps on the case page and its full repayment schedule. Each form binds to the record the loan API
 * takes for the same step ({@link StepRequests}), so its rules and messages are written once, and calls the same
 * domain method.
 */
@Controller
@RequestMapping("/cases/{caseNo}")
class LoanStepPageController {

	private final CaseFiles cases;

	private final LoanApplications applications;

	private final LoanReviews reviews;

	private final LoanSettlements settlements;

	private final StepPosts posts;

	LoanStepPageController(CaseFiles cases, LoanApplications applications, LoanReviews reviews,
			LoanSettlements settlements, StepPosts posts) {
		this.cases = cases;
		this.applications = applications;
		this.reviews = reviews;
		this.settlements = settlements;
		this.posts = posts;
	}

	/** 还款计划: the full schedule kept at approval. */
	@GetMapping("/schedule")
	String schedule(@PathVariable String caseNo, CurrentOfficer officer, Model model) {
		CaseNo number = CasePages.caseNo(caseNo);
		model.addAttribute("file", this.cases.getVisible(number, officer));
		LoanCase loan = this.applications.loanCase(number, officer);
		model.addAttribute("loan", loan);
		model.addAttribute("schedule", this.applications.schedule(loan));
		return "workbench/schedule";
	}

	/** 银行信贷审查. */
	@PostMapping("/credit-review")
	String reviewCredit(@PathVariable String caseNo, @Valid @ModelAttribute("creditReview") StepRequests.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.reviews.reviewCredit(number, officer, form.outcome(), form.opinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 不动产权属审查. */
	@PostMapping("/title-review")
	String reviewTitle(@PathVariable String caseNo, @Valid @ModelAttribute("titleReview") StepRequests.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.reviews.reviewTitle(number, officer, form.outcome(), form.opinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 担保评估. */
	@PostMapping("/guarantee-assessment")
	String assessGuarantee(@PathVariable String caseNo,
			@Valid @ModelAttribute("guaranteeAssessment") StepRequests.Review form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.reviews.assessGuarantee(number, officer, form.outcome(), form.opinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 初审: pass, refuse or return to the window. */
	@PostMapping("/first-review")
	String firstReview(@PathVariable String caseNo, @Valid @ModelAttribute("firstReview") StepRequests.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.reviews.firstReview(number, officer, form.outcome(), form.opinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 审批 under the four-eyes rule: approve an amount, refuse or return. */
	@PostMapping("/approval")
	String approve(@PathVariable String caseNo, @Valid @ModelAttribute("approval") StepRequests.Approval form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.reviews.approve(number, officer, form.outcome(), form.approvedAmount(), form.opinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 合同面签 / 签章: one party's signing step ({@code fund-centre}, {@code bank}, {@code guarantor}). */
	@PostMapping("/contract-signing/{party}")
	String sign(@PathVariable String caseNo, @PathVariable String party, CurrentOfficer officer, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		ContractParty signing = switch (party) {
			case "fund-centre" -> ContractParty.FUND_CENTRE;
			case "bank" -> ContractParty.BANK;
			case "guarantor" -> ContractParty.GUARANTOR;
			default -> throw new CaseNotFound(caseNo);
		};
		return this.posts.post(caseNo, officer, null, model, response, number -> {
			this.settlements.sign(number, signing, officer);
			Flash.done(flash, "workbench.flash.signed");
		});
	}

	/** 抵押登记. */
	@PostMapping("/mortgage-registration")
	String registerMortgage(@PathVariable String caseNo,
			@Valid @ModelAttribute("mortgage") StepRequests.MortgageRegistration form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.settlements.registerMortgage(number, officer, form.certificateNo().strip());
			Flash.done(flash, "workbench.flash.mortgage-registered");
		});
	}

	/** 预告登记（预抵押）of a new house. */
	@PostMapping("/pre-mortgage-registration")
	String registerPreMortgage(@PathVariable String caseNo,
			@Valid @ModelAttribute("preMortgage") StepRequests.MortgageRegistration form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.settlements.registerPreMortgage(number, officer, form.certificateNo().strip());
			Flash.done(flash, "workbench.flash.pre-mortgage-registered");
		});
	}

	/** 预抵押转现抵押, when the house is delivered. */
	@PostMapping("/pre-mortgage-conversion")
	String convertPreMortgage(@PathVariable String caseNo,
			@Valid @ModelAttribute("preMortgageConversion") StepRequests.MortgageRegistration form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.settlements.convertPreMortgage(number, officer, form.certificateNo().strip());
			Flash.done(flash, "workbench.flash.pre-mortgage-converted");
		});
	}

}
