package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.bundle.AfterRefusalChoice;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * A bundle's share of the case page (一件事一次办, ADR 0009): the acceptance clerk's step after a refused part
 * ({@code bundle/after-refusal}): the citizen goes on with the other parts or cancels the bundle.
 */
@Component
class BundlePages implements ServicePages {

	static final String TEMPLATE = "workbench/bundle-steps";

	static final String AFTER_REFUSAL_FORM = "afterRefusal";

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
		return "bundle/after-refusal".equals(task.formKey()) ? Optional.of(new StepForm(task, "bundle-after-refusal",
				"bundle-after-refusal", AFTER_REFUSAL_FORM, TEMPLATE, "afterRefusal")) : Optional.empty();
	}

	@Override
	public void fill(CaseFile file, CurrentOfficer officer, List<StepForm> steps, Model model) {
		CasePages.putIfAbsent(model, AFTER_REFUSAL_FORM, AfterRefusalChoice.blank());
	}

	@Override
	public List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		// accepted at the counter with its one form, against the merged checklist
		throw ProblemException.refusal(HttpStatus.CONFLICT, "no-steps", "problem.workbench.no-steps", part.caseNo(),
				part.serviceType());
	}

}
