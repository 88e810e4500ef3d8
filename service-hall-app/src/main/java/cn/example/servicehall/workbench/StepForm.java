package cn.example.servicehall.workbench;

import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * One of the officer's open steps on a case and the form that does it, as a service's {@link ServicePages} chose it
 * by the step's form key.
 *
 * @param task the open step
 * @param kind which form, also the form's element id ({@code acceptance}, {@code credit-review} ...)
 * @param action where the form posts, under {@code /cases/{caseNo}/}
 * @param form the form's model attribute, {@code null} for a form of buttons only
 * @param template the template holding the form ({@code workbench/steps})
 * @param fragment the form's fragment in it
 */
public record StepForm(OpenTask task, String kind, String action, String form, String template, String fragment) {

	/** The shared acceptance form (受理 against the case's checklist), posting to {@code acceptance}. */
	public static StepForm acceptance(OpenTask task) {
		return new StepForm(task, "acceptance", "acceptance", "acceptance", "workbench/steps", "acceptance");
	}

	/** The party of a signing step, as in the URL: {@code fund-centre}, {@code bank} or {@code guarantor}. */
	public String party() {
		return this.action.startsWith("contract-signing/") ? this.action.substring("contract-signing/".length()) : null;
	}

}
