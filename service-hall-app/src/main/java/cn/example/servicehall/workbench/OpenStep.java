package cn.example.servicehall.workbench;

import java.util.Optional;

import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * One of the officer's open steps on a case and the form that does it, chosen by the step's form key in the model
 * ({@code loan/review-credit}); the three signing steps share one form key and differ by step id.
 *
 * @param task the open step
 * @param kind which form: {@code acceptance}, {@code credit-review}, {@code title-review},
 * {@code guarantee-assessment}, {@code first-review}, {@code approval}, {@code contract-signing},
 * {@code mortgage-registration}
 * @param action where the form posts, under {@code /cases/{caseNo}/}
 * @param form the form's model attribute, {@code null} for the signing buttons
 */
record OpenStep(OpenTask task, String kind, String action, String form) {

	static Optional<OpenStep> of(OpenTask task) {
		String formKey = task.formKey() == null ? "" : task.formKey();
		OpenStep step = switch (formKey) {
			case "loan/accept-application", "loan/accept-online-application" ->
				new OpenStep(task, "acceptance", "acceptance", "acceptance");
			case "loan/review-credit" -> new OpenStep(task, "credit-review", "credit-review", "creditReview");
			case "loan/review-title" -> new OpenStep(task, "title-review", "title-review", "titleReview");
			case "loan/assess-guarantee" ->
				new OpenStep(task, "guarantee-assessment", "guarantee-assessment", "guaranteeAssessment");
			case "loan/first-review" -> new OpenStep(task, "first-review", "first-review", "firstReview");
			case "loan/approve-loan" -> new OpenStep(task, "approval", "approval", "approval");
			case "loan/sign-contract" -> signing(task);
			case "loan/register-mortgage" ->
				new OpenStep(task, "mortgage-registration", "mortgage-registration", "mortgage");
			default -> null;
		};
		return Optional.ofNullable(step);
	}

	/** 合同面签 at the fund centre, 合同签章 by the bank, 担保面签 by the guarantor: one button each. */
	private static OpenStep signing(OpenTask task) {
		String party = switch (task.step()) {
			case "Task_SignContractAtFundCentre" -> "fund-centre";
			case "Task_SignContractAtBank" -> "bank";
			case "Task_SignContractAtGuarantor" -> "guarantor";
			default -> null;
		};
		return party == null ? null : new OpenStep(task, "contract-signing", "contract-signing/" + party, null);
	}

	/** The party of a signing step, as in the URL: {@code fund-centre}, {@code bank} or {@code guarantor}. */
	public String party() {
		return this.action.startsWith("contract-signing/") ? this.action.substring("contract-signing/".length()) : null;
	}

}
