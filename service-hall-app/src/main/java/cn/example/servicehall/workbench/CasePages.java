package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.IntakeSettings;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.intake.Visit;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.MaterialChecklist;
import cn.example.servicehall.sla.SlaClocks;
import cn.example.servicehall.workflow.BackgroundSteps;
import cn.example.servicehall.workflow.TaskInbox;

/**
 * Everything the case page shows: the case and its timeline, the loan's data, and the forms of the steps that wait
 * for this officer on this case. A case the officer may not see is not found (404).
 */
@Component
class CasePages {

	private final CaseFiles cases;

	private final LoanApplications applications;

	private final TaskInbox inbox;

	private final CaseDocuments documents;

	private final BackgroundSteps background;

	private final SlaClocks clocks;

	private final IntakeSettings intake;

	CasePages(CaseFiles cases, LoanApplications applications, TaskInbox inbox, CaseDocuments documents,
			BackgroundSteps background, SlaClocks clocks, IntakeSettings intake) {
		this.clocks = clocks;
		this.intake = intake;
		this.cases = cases;
		this.applications = applications;
		this.inbox = inbox;
		this.documents = documents;
		this.background = background;
	}

	/** The case number in a URL; anything else is a case that does not exist. */
	static CaseNo caseNo(String value) {
		if (!CaseNo.isValid(value)) {
			throw new CaseNotFound(value);
		}
		return new CaseNo(value);
	}

	/** Fills the case page's model; forms already in it (re-shown with their errors) are kept. */
	void fill(CaseNo caseNo, CurrentOfficer officer, Model model) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		LoanCase loan = this.applications.loanCase(caseNo, officer);
		List<OpenStep> steps = this.inbox.openTasks(officer, caseNo)
			.stream()
			.map(OpenStep::of)
			.flatMap(Optional::stream)
			.toList();
		boolean clerk = officer.isIn(Groups.HPF_ACCEPTANCE_CLERK);
		model.addAttribute("file", file);
		model.addAttribute("loan", loan);
		model.addAttribute("history", this.cases.history(caseNo));
		model.addAttribute("staff", this.cases.staffNames(caseNo));
		model.addAttribute("steps", steps);
		model.addAttribute("schedule",
				loan.approval().isPresent() ? this.applications.schedule(loan) : List.of());
		notice(caseNo, file, model);
		model.addAttribute("documents", this.documents.of(caseNo, officer));
		model.addAttribute("backgroundSteps", this.background.of(caseNo.value()));
		model.addAttribute("clocks", this.clocks.readCase(caseNo).stream().map(ClockLine::of).toList());
		model.addAttribute("visits", this.cases.visits(caseNo));
		model.addAttribute("branches", this.intake.branches());
		model.addAttribute("canCheckIn", Visit.mayCheckIn(officer));
		model.addAttribute("purposes", Visit.Purpose.values());
		putIfAbsent(model, "checkIn", new StepForms.CheckIn());
		for (OpenStep step : steps) {
			switch (step.kind()) {
				case "acceptance" -> {
					model.addAttribute("checklist",
							LoanApplications.checklist(file.serviceType(), loan.coBorrower().isPresent()));
					putIfAbsent(model, step.form(), new StepForms.Acceptance());
				}
				case "approval" -> {
					StepForms.Approval approval = new StepForms.Approval();
					loan.decision().ifPresent(decision -> approval.setApprovedAmount(decision.grantedAmount()));
					putIfAbsent(model, step.form(), approval);
				}
				case "mortgage-registration" -> putIfAbsent(model, step.form(), new StepForms.Mortgage());
				case "contract-signing" -> {
					// buttons only
				}
				default -> putIfAbsent(model, step.form(), new StepForms.Review());
			}
		}
		boolean supplement = clerk && file.status() == CaseStatus.AWAITING_MATERIALS;
		boolean withdraw = clerk && LoanApplications.mayWithdraw(file);
		model.addAttribute("canSupplement", supplement);
		model.addAttribute("canWithdraw", withdraw);
		putIfAbsent(model, "supplement", new StepForms.Remark());
		putIfAbsent(model, "withdrawal", new StepForms.Withdrawal());
	}

	/** The latest one-time notice (一次性告知书) and the materials it lists, by name. */
	private void notice(CaseNo caseNo, CaseFile file, Model model) {
		Optional<CaseFiles.IssuedNotice> notice = file.serviceType() == ServiceType.RESALE_LOAN
				? this.cases.latestNotice(caseNo) : Optional.empty();
		Map<String, String> names = MaterialChecklist.forResaleLoan(true)
			.stream()
			.collect(Collectors.toMap(Material::code, Material::name));
		model.addAttribute("notice", notice.orElse(null));
		model.addAttribute("noticeMaterials", notice
			.map(n -> n.missingCodes().stream().map(code -> names.getOrDefault(code, code)).toList())
			.orElse(List.of()));
	}

	private static void putIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
