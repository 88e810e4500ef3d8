package cn.example.servicehall.workbench;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.loan.ContractParty;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.LoanReviews;
import cn.example.servicehall.loan.LoanSettlements;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The case page (案件详情) with the form of the officer's open step, the full repayment schedule, and each step's
 * form post. A step calls the same domain method as the loan API's endpoint for it; the domain checks the post
 * (a wrong post is refused with 403) and the state of the case. A refusal re-shows the page with the domain's
 * words and what the officer typed; success redirects to the page with a message (Post/Redirect/Get).
 */
@Controller
@RequestMapping("/cases/{caseNo}")
class CasePageController {

	static final String VIEW = "workbench/case";

	private final CasePages pages;

	private final CaseFiles cases;

	private final LoanApplications applications;

	private final LoanReviews reviews;

	private final LoanSettlements settlements;

	private final CaseDocuments caseDocuments;

	CasePageController(CasePages pages, CaseFiles cases, LoanApplications applications, LoanReviews reviews,
			LoanSettlements settlements, CaseDocuments caseDocuments) {
		this.caseDocuments = caseDocuments;
		this.pages = pages;
		this.cases = cases;
		this.applications = applications;
		this.reviews = reviews;
		this.settlements = settlements;
	}

	@GetMapping
	String show(@PathVariable String caseNo, CurrentOfficer officer, Model model) {
		this.pages.fill(CasePages.caseNo(caseNo), officer, model);
		return VIEW;
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

	/** A document of the case, as issued (signed PDF); the download is recorded. */
	@GetMapping("/documents/{documentNo}")
	ResponseEntity<byte[]> document(@PathVariable String caseNo, @PathVariable String documentNo,
			CurrentOfficer officer) {
		CaseDocuments.Download download = this.caseDocuments.download(CasePages.caseNo(caseNo), documentNo, officer,
				CaseDocuments.PAGE);
		ContentDisposition disposition = ContentDisposition.inline()
			.filename(download.document().documentNo() + "-" + download.document().title() + ".pdf",
					StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(download.content());
	}

	/** 受理: all materials there accepts the case; anything missing issues one notice listing all of it. */
	@PostMapping("/acceptance")
	String accept(@PathVariable String caseNo, @Valid @ModelAttribute("acceptance") StepForms.Acceptance form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			List<Material> missing = this.applications.accept(number, officer, form.answers(), form.getRemark());
			if (missing.isEmpty()) {
				Flash.done(flash, "workbench.flash.accepted");
			}
			else {
				Flash.done(flash, missing.stream().map(Material::name).toList(), "workbench.flash.notice-issued",
						missing.size());
			}
		});
	}

	/** 补正: the citizen brought the missing materials; back to acceptance. */
	@PostMapping("/materials-supplemented")
	String supplement(@PathVariable String caseNo, @Valid @ModelAttribute("supplement") StepForms.Remark form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.applications.supplementMaterials(number, officer, form.getRemark());
			Flash.done(flash, "workbench.flash.supplemented");
		});
	}

	/** 撤回: the applicant withdraws; every agency's open step ends. */
	@PostMapping("/withdrawal")
	String withdraw(@PathVariable String caseNo, @Valid @ModelAttribute("withdrawal") StepForms.Withdrawal form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.applications.withdraw(number, officer, form.getReason());
			Flash.done(flash, "workbench.flash.withdrawn");
		});
	}

	/** 银行信贷审查. */
	@PostMapping("/credit-review")
	String reviewCredit(@PathVariable String caseNo, @Valid @ModelAttribute("creditReview") StepForms.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.reviews.reviewCredit(number, officer, form.getOutcome(), form.getOpinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 不动产权属审查. */
	@PostMapping("/title-review")
	String reviewTitle(@PathVariable String caseNo, @Valid @ModelAttribute("titleReview") StepForms.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.reviews.reviewTitle(number, officer, form.getOutcome(), form.getOpinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 担保评估. */
	@PostMapping("/guarantee-assessment")
	String assessGuarantee(@PathVariable String caseNo,
			@Valid @ModelAttribute("guaranteeAssessment") StepForms.Review form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.reviews.assessGuarantee(number, officer, form.getOutcome(), form.getOpinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 初审: pass, refuse or return to the window. */
	@PostMapping("/first-review")
	String firstReview(@PathVariable String caseNo, @Valid @ModelAttribute("firstReview") StepForms.Review form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.reviews.firstReview(number, officer, form.getOutcome(), form.getOpinion());
			Flash.done(flash, "workbench.flash.reviewed");
		});
	}

	/** 审批 under the four-eyes rule: approve an amount, refuse or return. */
	@PostMapping("/approval")
	String approve(@PathVariable String caseNo, @Valid @ModelAttribute("approval") StepForms.Approval form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.reviews.approve(number, officer, form.getOutcome(), form.getApprovedAmount(), form.getOpinion());
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
		return step(caseNo, officer, null, model, response, number -> {
			this.settlements.sign(number, signing, officer);
			Flash.done(flash, "workbench.flash.signed");
		});
	}

	/** 抵押登记. */
	@PostMapping("/mortgage-registration")
	String registerMortgage(@PathVariable String caseNo, @Valid @ModelAttribute("mortgage") StepForms.Mortgage form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.settlements.registerMortgage(number, officer, form.getCertificateNo().strip());
			Flash.done(flash, "workbench.flash.mortgage-registered");
		});
	}

	/** 来访登记: the citizen came to the counter for the case. */
	@PostMapping("/visits")
	String checkIn(@PathVariable String caseNo, @Valid @ModelAttribute("checkIn") StepForms.CheckIn form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return step(caseNo, officer, errors, model, response, number -> {
			this.cases.checkIn(number, form.getPurpose(), officer);
			Flash.done(flash, "workbench.flash.visit-recorded", String.valueOf(this.cases.visits(number).size()));
		});
	}

	/** A step of the case: done, then back to the page; refused, the page again with the reason and the input. */
	private String step(String caseNo, CurrentOfficer officer, BindingResult errors, Model model,
			HttpServletResponse response, Step work) {
		CaseNo number = CasePages.caseNo(caseNo);
		if (errors != null && errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			this.pages.fill(number, officer, model);
			return VIEW;
		}
		try {
			work.run(number);
		}
		catch (ProblemException ex) {
			if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				throw ex;
			}
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("stepProblem", ex.getBody().getDetail());
			this.pages.fill(number, officer, model);
			return VIEW;
		}
		return "redirect:/cases/" + number;
	}

	@FunctionalInterface
	private interface Step {

		void run(CaseNo caseNo);

	}

}
