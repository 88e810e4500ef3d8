package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.bundle.AfterRefusalChoice;
import cn.example.servicehall.bundle.DeedTaxPaid;
import cn.example.servicehall.bundle.ResaleSales;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * A bundle's share of the case page (一件事一次办, ADR 0009): the acceptance clerk's step after a refused part
 * ({@code bundle/after-refusal}): the citizen goes on with the other parts or cancels the bundle; and in a second-hand
 * sale, the clerk's confirmation that the buyer paid the assessed deed tax at the tax window
 * ({@code bundle/deed-tax-paid}).
 */
@Component
class BundlePages implements ServicePages {

	static final String TEMPLATE = "workbench/bundle-steps";

	static final String AFTER_REFUSAL_FORM = "afterRefusal";

	static final String DEED_TAX_FORM = "deedTaxPaid";

	private final ResaleSales sales;

	BundlePages(ResaleSales sales) {
		this.sales = sales;
	}

	@Override
	public String formKeyPrefix() {
		return "bundle/";
	}

	@Override
	public boolean shows(ServiceType service) {
		return ServiceType.BUNDLE.equals(service);
	}

	@Override
	public Optional<StepForm> form(OpenTask task) {
		return switch (task.formKey()) {
			case "bundle/after-refusal" -> Optional.of(new StepForm(task, "bundle-after-refusal", "bundle-after-refusal",
					AFTER_REFUSAL_FORM, TEMPLATE, "afterRefusal"));
			case "bundle/deed-tax-paid" -> Optional.of(new StepForm(task, "bundle-deed-tax-paid", "bundle-deed-tax-paid",
					DEED_TAX_FORM, TEMPLATE, "deedTaxPaid"));
			default -> Optional.empty();
		};
	}

	@Override
	public void fill(CaseFile file, CurrentOfficer officer, List<StepForm> steps, Model model) {
		CasePages.putIfAbsent(model, AFTER_REFUSAL_FORM, AfterRefusalChoice.blank());
		CasePages.putIfAbsent(model, DEED_TAX_FORM, new DeedTaxPaid(null));
		if (steps.stream().anyMatch(step -> step.form().equals(DEED_TAX_FORM))) {
			this.sales.assessedDeedTax(file.caseNo()).ifPresent(tax -> model.addAttribute("assessedDeedTax", tax));
		}
	}

	@Override
	public List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		// accepted at the counter with its one form, against the merged checklist
		throw ProblemException.refusal(HttpStatus.CONFLICT, "no-steps", "problem.workbench.no-steps", part.caseNo(),
				part.serviceType());
	}

}
