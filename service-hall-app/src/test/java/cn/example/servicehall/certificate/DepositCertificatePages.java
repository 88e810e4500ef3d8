package cn.example.servicehall.certificate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.workbench.ServicePages;
import cn.example.servicehall.workbench.StepForm;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/** The certificate's share of the case page: its one step is the shared acceptance form against its checklist. */
@Component
class DepositCertificatePages implements ServicePages {

	private final DepositCertificates certificates;

	DepositCertificatePages(DepositCertificates certificates) {
		this.certificates = certificates;
	}

	@Override
	public String formKeyPrefix() {
		return "certificate/";
	}

	@Override
	public boolean shows(ServiceType service) {
		return DepositCertificateService.TYPE.equals(service);
	}

	@Override
	public Optional<StepForm> form(OpenTask task) {
		return "certificate/accept".equals(task.formKey()) ? Optional.of(StepForm.acceptance(task)) : Optional.empty();
	}

	@Override
	public List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		return this.certificates.accept(part, clerk, provided, remark);
	}

}
