package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.StepRequests;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * The loans' share of the case page: the forms of their steps by form key ({@code loan/review-credit}; the three
 * signing steps share one form key and differ by step id), the loan's sections (terms, applicants, property,
 * findings, decision, approval, contract, mortgage, disbursement, IOU) and the steps every case has, done on the
 * loan's process. The steps' posts are {@link LoanStepPageController}'s.
 */
@Component
class LoanPages implements ServicePages {

	private static final String STEPS = "workbench/steps";

	private final LoanApplications applications;

	LoanPages(LoanApplications applications) {
		this.applications = applications;
	}

	@Override
	public String formKeyPrefix() {
		return "loan/";
	}

	@Override
	public boolean shows(ServiceType service) {
		return ServiceType.RESALE_LOAN.equals(service) || ServiceType.NEW_HOUSE_LOAN.equals(service);
	}

	@Override
	public Optional<StepForm> form(OpenTask task) {
		StepForm step = switch (task.formKey()) {
			case "loan/accept-application", "loan/accept-online-application" -> StepForm.acceptance(task);
			case "loan/review-credit" -> review(task, "credit-review", "creditReview");
			case "loan/review-title" -> review(task, "title-review", "titleReview");
			case "loan/assess-guarantee" -> review(task, "guarantee-assessment", "guaranteeAssessment");
			case "loan/first-review" -> review(task, "first-review", "firstReview");
			case "loan/approve-loan" -> review(task, "approval", "approval");
			case "loan/sign-contract" -> signing(task);
			case "loan/register-mortgage" -> new StepForm(task, "mortgage-registration", "mortgage-registration",
					"mortgage", STEPS, "mortgageRegistration");
			case "loan/register-pre-mortgage" -> new StepForm(task, "pre-mortgage-registration",
					"pre-mortgage-registration", "preMortgage", STEPS, "preMortgageRegistration");
			case "loan/convert-pre-mortgage" -> new StepForm(task, "pre-mortgage-conversion", "pre-mortgage-conversion",
					"preMortgageConversion", STEPS, "preMortgageConversion");
			default -> null;
		};
		return Optional.ofNullable(step);
	}

	private static StepForm review(OpenTask task, String kind, String form) {
		return new StepForm(task, kind, kind, form, STEPS, "review");
	}

	/** 合同面签 at the fund centre, 合同签章 by the bank, 担保面签 by the guarantor: one button each. */
	private static StepForm signing(OpenTask task) {
		String party = switch (task.step()) {
			case "Task_SignContractAtFundCentre" -> "fund-centre";
			case "Task_SignContractAtBank" -> "bank";
			case "Task_SignContractAtGuarantor" -> "guarantor";
			default -> null;
		};
		return party == null ? null
				: new StepForm(task, "contract-signing", "contract-signing/" + party, null, STEPS, "signing");
	}

	@Override
	public void fill(CaseFile file, CurrentOfficer officer, List<StepForm> steps, Model model) {
		LoanCase loan = this.applications.loanCase(file.caseNo(), officer);
		model.addAttribute("loan", loan);
		// the new-house model passes or refuses; only the resale model returns a case to the step before
		model.addAttribute("loanAllowsReturn", ServiceType.RESALE_LOAN.equals(file.serviceType()));
		model.addAttribute("schedule", loan.approval().isPresent() ? this.applications.schedule(loan) : List.of());
		for (StepForm step : steps) {
			switch (step.kind()) {
				case "approval" -> CasePages.putIfAbsent(model, step.form(), new StepRequests.Approval(null,
						loan.decision().map(LoanCase.Decision::grantedAmount).orElse(null), null));
				case "mortgage-registration", "pre-mortgage-registration", "pre-mortgage-conversion" ->
					CasePages.putIfAbsent(model, step.form(), new StepRequests.MortgageRegistration(null));
				case "credit-review", "title-review", "guarantee-assessment", "first-review" ->
					CasePages.putIfAbsent(model, step.form(), StepRequests.Review.blank());
				default -> {
					// acceptance is the shell's; signing is buttons only
				}
			}
		}
	}

	@Override
	public Optional<String> sections() {
		return Optional.of("workbench/loan");
	}

	@Override
	public List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		return this.applications.accept(part.caseNo(), clerk, provided, remark);
	}

	@Override
	public void supplementMaterials(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		this.applications.supplementMaterials(caseNo, clerk, remark);
	}

	@Override
	public void withdraw(CaseNo caseNo, CurrentOfficer clerk, String reason) {
		this.applications.withdraw(caseNo, clerk, reason);
	}

}
