package cn.example.servicehall.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.booking.Bookings;
import cn.example.servicehall.developer.DeveloperCompany;
import cn.example.servicehall.developer.DeveloperProject;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePage;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.SubmitNewHouseLoanApplication;
import cn.example.servicehall.materials.CaseMaterials;
import cn.example.servicehall.materials.Materials;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 开发企业网上申请: the developer's sales office's own pages. Its cases (only its company's: the list, the count and each
 * case are fenced by {@code intake.CaseVisibility}), the new-house application bound to the API's
 * {@link SubmitNewHouseLoanApplication}, and each case: its state and history, the checklist with an upload per item
 * ({@link Materials}), the one-time notice's list with the resubmission (补正), withdrawal before approval, and the
 * buyer's receipts.
 */
@Controller
@RequestMapping("/sales-office")
class SalesOfficePageController {

	static final int PAGE_SIZE = 20;

	private final CaseFiles cases;

	private final CaseServices services;

	private final CaseDocuments documents;

	private final Materials materials;

	private final LoanApplications applications;

	private final Developers developers;

	private final MessageSource messages;

	private final Bookings bookings;

	SalesOfficePageController(CaseFiles cases, CaseServices services, CaseDocuments documents, Materials materials,
			LoanApplications applications, Developers developers, MessageSource messages, Bookings bookings) {
		this.bookings = bookings;
		this.cases = cases;
		this.services = services;
		this.documents = documents;
		this.materials = materials;
		this.applications = applications;
		this.developers = developers;
		this.messages = messages;
	}

	/** 本企业的申请: every case of the agent's company, newest first, a page at a time. */
	@GetMapping
	String home(@RequestParam(defaultValue = "1") int page, CurrentOfficer officer, Model model) {
		DeveloperCompany company = companyOf(officer);
		int wanted = Math.max(page, 1);
		CasePage found = this.cases.list(officer, Optional.empty(), Optional.empty(), wanted - 1, PAGE_SIZE);
		int pages = ListPage.pages(found.total(), PAGE_SIZE);
		model.addAttribute("company", company);
		model.addAttribute("cases", new ListPage<>(found.items(), found.total(), wanted, PAGE_SIZE,
				wanted > 1 ? "/sales-office?page=" + (wanted - 1) : null,
				wanted < pages ? "/sales-office?page=" + (wanted + 1) : null));
		return "workbench/sales-office";
	}

	/** 新建申请: the form, the company's projects on sale to choose from. */
	@GetMapping("/applications/new")
	String form(CurrentOfficer officer, Model model) {
		formModel(officer, model, Map.of(), List.of());
		return "workbench/sales-office-application";
	}

	/** 提交申请: as the API, bound to its record; refusals shown on the form, nothing lost. */
	@PostMapping("/applications")
	String submit(@Valid @ModelAttribute("application") SubmitNewHouseLoanApplication application, BindingResult errors,
			@RequestParam Map<String, String> values, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			List<String> problems = errors.getAllErrors()
				.stream()
				.map(e -> this.messages.getMessage(e, LocaleContextHolder.getLocale()))
				.distinct()
				.toList();
			Map<String, List<String>> byField = new LinkedHashMap<>();
			errors.getFieldErrors()
				.forEach(e -> byField.computeIfAbsent(e.getField(), f -> new ArrayList<>())
					.add(this.messages.getMessage(e, LocaleContextHolder.getLocale())));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			formModel(officer, model, values, problems);
			fieldErrors(model, byField);
			return "workbench/sales-office-application";
		}
		try {
			CaseNo caseNo = this.applications.submitOnline(application, officer);
			Flash.done(flash, "workbench.sales-office.flash.submitted", caseNo.value());
			return "redirect:/sales-office/cases/" + caseNo.value();
		}
		catch (ProblemException ex) {
			response.setStatus(ex.getStatusCode().value());
			String detail = ex.getBody().getDetail();
			formModel(officer, model, values, List.of(detail));
			fieldOf(ex).ifPresent(field -> fieldErrors(model, Map.of(field, List.of(detail))));
			return "workbench/sales-office-application";
		}
	}

	/** Each field's errors, and the keyboard's focus on the first field in error (in the form's order). */
	private static void fieldErrors(Model model, Map<String, List<String>> errors) {
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("focus", FORM_ORDER.stream().filter(errors::containsKey).findFirst().orElse(FORM_ORDER.get(0)));
	}

	/** The application form's fields in the order the keyboard visits them. */
	private static final List<String> FORM_ORDER = List.of("project", "unitNo", "contractFilingNo", "applicant.name",
			"applicant.idNumber", "requestedAmount", "termMonths");

	/**
	 * The form's field a refusal of the submission is about, to show it there as well: the purchase contract's filing
	 * (the housing authority's check) or the project (not the company's, closed, its permit not in force).
	 */
	private static Optional<String> fieldOf(ProblemException refusal) {
		String type = String.valueOf(refusal.getBody().getType());
		if (type.contains("filing")) {
			return Optional.of("contractFilingNo");
		}
		if (type.contains("project") || type.contains("permit")) {
			return Optional.of("project");
		}
		return Optional.empty();
	}

	/** 申请详情: state, history, checklist with uploads, the notice's list, resubmission, withdrawal, receipts. */
	@GetMapping("/cases/{caseNo}")
	String show(@PathVariable String caseNo, CurrentOfficer officer, Model model) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		CaseFile file = this.cases.getVisible(number, officer);
		CaseMaterials checklist = this.materials.of(number, officer);
		model.addAttribute("file", file);
		model.addAttribute("history", this.cases.history(number));
		model.addAttribute("materials", checklist);
		model.addAttribute("maxSize", this.materials.settings().maxSize().toMegabytes());
		boolean awaiting = file.status() == CaseStatus.AWAITING_MATERIALS;
		model.addAttribute("awaiting", awaiting);
		Map<String, String> names = new LinkedHashMap<>();
		checklist.items().forEach(item -> names.put(item.code(), item.name()));
		model.addAttribute("noticeMaterials", awaiting ? this.cases.latestNotice(number)
			.map(n -> n.missingCodes().stream().map(code -> names.getOrDefault(code, code)).toList())
			.orElse(List.of()) : List.of());
		model.addAttribute("canUpload", !file.status().isClosed());
		model.addAttribute("canChangeUploads", Materials.changeable(file));
		model.addAttribute("canWithdraw", this.services.of(file.serviceType()).mayWithdraw(file));
		model.addAttribute("receipts", this.documents.of(number, officer));
		// 预约面签: offered once approved (null: no link), true once a booking waits
		boolean booked = this.bookings.active(number.value()).isPresent();
		model.addAttribute("signing",
				booked ? Boolean.TRUE : this.bookings.awaitsSigningAppointment(file) ? Boolean.FALSE : null);
		return "workbench/sales-office-case";
	}

	/**
	 * 上传材料 for an item of the checklist. The page's script sends it with {@code X-Upload: progress} to show the
	 * progress and answers in JSON; without the script the form posts and the page comes back with the outcome.
	 */
	@PostMapping("/cases/{caseNo}/materials/{material}")
	Object upload(@PathVariable String caseNo, @PathVariable String material,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "X-Upload", required = false) String progress, CurrentOfficer officer,
			RedirectAttributes flash) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		return answer(progress, flash, "redirect:/sales-office/cases/" + number.value() + "#material-" + material,
				"workbench.sales-office.flash.uploaded", () -> {
					if (file == null || file.isEmpty()) {
						this.materials.upload(number, material, file == null ? null : file.getOriginalFilename(),
								new byte[0], officer);
						return;
					}
					this.materials.checkUpload(number, material, officer);
					this.materials.upload(number, material, file.getOriginalFilename(), bytes(file), officer);
				});
	}

	/** 撤回材料: the upload no longer counts; only until the fund centre accepts the materials. */
	@PostMapping("/cases/{caseNo}/materials/{uploadId}/withdrawal")
	String withdrawUpload(@PathVariable String caseNo, @PathVariable String uploadId, CurrentOfficer officer,
			RedirectAttributes flash) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		try {
			this.materials.withdraw(number, uploadId, officer);
			Flash.done(flash, "workbench.materials.flash.withdrawn");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/sales-office/cases/" + number.value() + "#so-materials";
	}

	/** 替换材料: another file for the same material in place of the upload, with its progress like an upload. */
	@PostMapping("/cases/{caseNo}/materials/{uploadId}/replacement")
	Object replaceUpload(@PathVariable String caseNo, @PathVariable String uploadId,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "X-Upload", required = false) String progress, CurrentOfficer officer,
			RedirectAttributes flash) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		return answer(progress, flash, "redirect:/sales-office/cases/" + number.value() + "#so-materials",
				"workbench.materials.flash.replaced", () -> {
					this.materials.checkChangeable(number, uploadId, officer);
					this.materials.replace(number, uploadId, file == null ? null : file.getOriginalFilename(),
							bytes(file), officer);
				});
	}

	/**
	 * Does what a form asked and answers the page's script in JSON ({@code X-Upload: progress}), or the form with the
	 * page again and the outcome in words.
	 */
	private Object answer(String progress, RedirectAttributes flash, String back, String doneKey, Runnable action) {
		try {
			action.run();
			if (progress != null) {
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("done", true));
			}
			Flash.done(flash, doneKey);
			return back;
		}
		catch (ProblemException ex) {
			if (progress != null) {
				return ResponseEntity.status(ex.getStatusCode())
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("problem", String.valueOf(ex.getBody().getDetail())));
			}
			Flash.refused(flash, ex);
			return back;
		}
	}

	/** The file's bytes, refused as too large before they are read; nothing for no file. */
	private byte[] bytes(MultipartFile file) {
		if (file == null) {
			return new byte[0];
		}
		if (file.getSize() > this.materials.settings().maxSize().toBytes()) {
			throw this.materials.tooLarge();
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 补正后重新提交: back to the fund centre's online acceptance. */
	@PostMapping("/cases/{caseNo}/resubmission")
	String resubmit(@PathVariable String caseNo, @RequestParam(required = false) String remark, CurrentOfficer officer,
			RedirectAttributes flash) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		try {
			this.applications.resubmit(number, officer, blankToNull(remark));
			Flash.done(flash, "workbench.sales-office.flash.resubmitted");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/sales-office/cases/" + number.value();
	}

	/** 撤回申请: before approval, with a reason. */
	@PostMapping("/cases/{caseNo}/withdrawal")
	String withdraw(@PathVariable String caseNo, @RequestParam(required = false) String reason, CurrentOfficer officer,
			RedirectAttributes flash) {
		companyOf(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		if (blankToNull(reason) == null) {
			flash.addFlashAttribute(Flash.REFUSAL,
					this.messages.getMessage("workbench.sales-office.reason-required", null, LocaleContextHolder.getLocale()));
			return "redirect:/sales-office/cases/" + number.value();
		}
		try {
			this.applications.withdrawOnline(number, officer, reason.strip());
			Flash.done(flash, "workbench.sales-office.flash.withdrawn");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/sales-office/cases/" + number.value();
	}

	/** 下载回执: the buyer's receipts only ({@link CaseDocuments} answers an agent nothing else). */
	@GetMapping("/cases/{caseNo}/documents/{documentNo}")
	ResponseEntity<byte[]> receipt(@PathVariable String caseNo, @PathVariable String documentNo,
			CurrentOfficer officer) {
		companyOf(officer);
		CaseDocuments.Download download = this.documents.download(CasePages.caseNo(caseNo), documentNo, officer,
				CaseDocuments.PAGE);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(download.document().documentNo() + ".pdf")
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

	private void formModel(CurrentOfficer officer, Model model, Map<String, String> values, List<String> problems) {
		DeveloperCompany company = companyOf(officer);
		List<DeveloperProject> projects = new ArrayList<>(company.projects()
			.stream()
			.filter(p -> p.status() == DeveloperProject.Status.ON_SALE)
			.toList());
		model.addAttribute("company", company);
		model.addAttribute("projects", projects);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		fieldErrors(model, Map.of());
	}

	/** Sales offices only: the agent's company, checked against the fund centre's tables (403 otherwise). */
	private DeveloperCompany companyOf(CurrentOfficer officer) {
		return companyOf(officer, this.developers);
	}

	/** The sales office's pages (this and 预约面签) are for developer agents of a company that may act, 403 otherwise. */
	static DeveloperCompany companyOf(CurrentOfficer officer, Developers developers) {
		if (!officer.isIn(Groups.DEVELOPER_AGENT)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.loan.online-applications");
		}
		return developers.actingCompany(officer);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
