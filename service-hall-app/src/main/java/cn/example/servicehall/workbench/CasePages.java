package cn.example.servicehall.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.IntakeSettings;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.Visit;
import cn.example.servicehall.materials.Materials;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.sla.SlaClocks;
import cn.example.servicehall.workflow.BackgroundSteps;
import cn.example.servicehall.workflow.TaskInbox;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * Everything the case page shows: what every case has (the case and its parts, timeline, materials uploaded against
 * its checklist, documents, clocks, visits, the one-time notice), the forms of the steps that wait for this officer on this case, chosen by the services'
 * {@link ServicePages} by form-key prefix, and each service's own sections. A case the officer may not see is not
 * found (404).
 */
@Component
class CasePages {

	private final CaseFiles cases;

	private final CaseServices services;

	private final List<ServicePages> servicePages;

	private final TaskInbox inbox;

	private final CaseDocuments documents;

	private final BackgroundSteps background;

	private final SlaClocks clocks;

	private final IntakeSettings intake;

	private final Materials materials;

	CasePages(CaseFiles cases, CaseServices services, List<ServicePages> servicePages, TaskInbox inbox,
			CaseDocuments documents, BackgroundSteps background, SlaClocks clocks, IntakeSettings intake,
			Materials materials) {
		this.cases = cases;
		this.services = services;
		this.servicePages = List.copyOf(servicePages);
		this.inbox = inbox;
		this.documents = documents;
		this.background = background;
		this.clocks = clocks;
		this.intake = intake;
		this.materials = materials;
	}

	/** The case number in a URL; anything else is a case that does not exist. */
	static CaseNo caseNo(String value) {
		if (!CaseNo.isValid(value)) {
			throw new CaseNotFound(value);
		}
		return new CaseNo(value);
	}

	/**
	 * The pages of the service of a case, whose steps every case has (受理, 补正, 撤回); a case of a service the hall
	 * does not run (a generated history's) has no steps to do.
	 */
	ServicePages pagesOf(CaseFile file) {
		return this.servicePages.stream()
			.filter(p -> p.shows(file.serviceType()))
			.findFirst()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.CONFLICT, "no-steps", "problem.workbench.no-steps",
					file.caseNo(), file.serviceType()));
	}

	/**
	 * Whose acceptance a posted form is: the part of the step it names (a case may have several), and that part's
	 * pages; without a step of the officer's, the case's first part.
	 */
	Acceptance acceptanceOf(CaseFile file, CurrentOfficer officer, String taskId) {
		List<CasePart> parts = this.cases.parts(file.caseNo());
		if (taskId != null) {
			for (OpenTask task : this.inbox.openTasks(officer, file.caseNo())) {
				String formKey = task.formKey() == null ? "" : task.formKey();
				Optional<CasePart> part = partOf(parts, task);
				Optional<ServicePages> pages = this.servicePages.stream()
					.filter(p -> formKey.startsWith(p.formKeyPrefix()))
					.findFirst();
				if (task.id().equals(taskId) && part.isPresent() && pages.isPresent()) {
					return new Acceptance(pages.get(), part.get());
				}
			}
		}
		ServicePages pages = pagesOf(file);
		CasePart part = parts.stream()
			.filter(p -> pages.shows(p.serviceType()))
			.findFirst()
			.orElseThrow(() -> new CaseNotFound(file.caseNo().value()));
		return new Acceptance(pages, part);
	}

	/**
	 * A part's acceptance: who does it and for which part.
	 * @param pages the part's service's pages
	 * @param part the part
	 */
	record Acceptance(ServicePages pages, CasePart part) {
	}

	private static Optional<CasePart> partOf(List<CasePart> parts, OpenTask task) {
		return parts.stream()
			.filter(p -> p.processInstanceId().filter(id -> id.equals(task.processInstanceId())).isPresent())
			.findFirst();
	}

	/** Fills the case page's model; forms already in it (re-shown with their errors) are kept. */
	void fill(CaseNo caseNo, CurrentOfficer officer, Model model) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		Optional<CaseService> service = this.services.find(file.serviceType());
		List<CasePart> parts = this.cases.parts(caseNo);
		List<ServicePages> shown = new ArrayList<>();
		parts.stream()
			.map(part -> this.servicePages.stream().filter(p -> p.shows(part.serviceType())).findFirst())
			.flatMap(Optional::stream)
			.filter(p -> !shown.contains(p))
			.forEach(shown::add);
		Map<ServicePages, List<StepForm>> stepsByService = new LinkedHashMap<>();
		shown.forEach(p -> stepsByService.put(p, new ArrayList<>()));
		List<StepForm> steps = new ArrayList<>();
		for (OpenTask task : this.inbox.openTasks(officer, caseNo)) {
			String formKey = task.formKey() == null ? "" : task.formKey();
			shown.stream()
				.filter(p -> formKey.startsWith(p.formKeyPrefix()))
				.findFirst()
				.flatMap(p -> p.form(task).map(form -> {
					stepsByService.get(p).add(form);
					return form;
				}))
				.ifPresent(steps::add);
		}
		boolean clerk = officer.isIn(Groups.HPF_ACCEPTANCE_CLERK);
		model.addAttribute("file", file);
		model.addAttribute("serviceName", this.services.displayName(file.serviceType(), LocaleContextHolder.getLocale()));
		model.addAttribute("parts", parts);
		model.addAttribute("partNames", parts.stream()
			.map(p -> service.flatMap(s -> s.partName(file, p, LocaleContextHolder.getLocale()))
				.orElseGet(() -> this.services.displayName(p.serviceType(), LocaleContextHolder.getLocale())))
			.toList());
		model.addAttribute("history", this.cases.history(caseNo));
		model.addAttribute("staff", this.cases.staffNames(caseNo));
		model.addAttribute("steps", steps);
		model.addAttribute("servicePages", shown.stream().filter(p -> p.sections().isPresent()).toList());
		Checklist checklist = service.map(s -> s.checklist(file)).orElse(Checklist.none());
		notice(caseNo, checklist, model);
		model.addAttribute("materials", this.materials.of(caseNo, officer));
		// the counter clerk takes back or replaces a scan until the materials are accepted
		model.addAttribute("canChangeMaterials", Materials.mayChange(officer) && Materials.changeable(file));
		model.addAttribute("documents", this.documents.of(caseNo, officer));
		model.addAttribute("backgroundSteps", this.background.of(caseNo.value()));
		model.addAttribute("clocks", this.clocks.readCase(caseNo).stream().map(ClockLine::of).toList());
		model.addAttribute("visits", this.cases.visits(caseNo));
		model.addAttribute("branches", this.intake.branches());
		model.addAttribute("canCheckIn", Visit.mayCheckIn(officer));
		model.addAttribute("purposes", Visit.Purpose.values());
		putIfAbsent(model, "checkIn", new StepForms.CheckIn());
		Map<String, List<Material>> checklists = new LinkedHashMap<>();
		for (StepForm step : steps) {
			if ("acceptance".equals(step.kind())) {
				Optional<CasePart> part = partOf(parts, step.task());
				checklists.put(step.task().id(), part.flatMap(p -> this.services.find(p.serviceType()))
					.map(s -> s.checklist(file))
					.orElse(checklist)
					.materials());
			}
		}
		model.addAttribute("checklists", checklists);
		if (!checklists.isEmpty()) {
			putIfAbsent(model, "acceptance", new StepForms.Acceptance());
		}
		stepsByService.forEach((pages, own) -> pages.fill(file, officer, own, model));
		boolean supplement = clerk && file.status() == CaseStatus.AWAITING_MATERIALS;
		boolean withdraw = service
			.filter(s -> s.withdrawnBy().stream().anyMatch(officer::isIn) && s.mayWithdraw(file))
			.isPresent();
		model.addAttribute("canSupplement", supplement);
		model.addAttribute("canWithdraw", withdraw);
		putIfAbsent(model, "supplement", new cn.example.servicehall.intake.CaseRequests.Remark(null));
		putIfAbsent(model, "withdrawal", new cn.example.servicehall.intake.CaseRequests.Withdrawal(null));
	}

	/** The latest one-time notice (一次性告知书) and the materials it lists, by name. */
	private void notice(CaseNo caseNo, Checklist checklist, Model model) {
		Optional<CaseFiles.IssuedNotice> notice = checklist.isEmpty() ? Optional.empty()
				: this.cases.latestNotice(caseNo);
		model.addAttribute("notice", notice.orElse(null));
		model.addAttribute("noticeMaterials", notice
			.map(n -> n.missingCodes()
				.stream()
				.map(code -> checklist.item(code).map(i -> i.material().name()).orElse(code))
				.toList())
			.orElse(List.of()));
	}

	static void putIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
