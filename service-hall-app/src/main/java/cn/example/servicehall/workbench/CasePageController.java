package cn.example.servicehall.workbench;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseRequests;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.materials.Materials;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The case page (案件详情), the shell every service shares: the case with its parts, timeline, documents, clocks and
 * visits, the forms of the officer's open steps and each service's sections ({@link CasePages}), and the posts of the
 * steps every case has (受理, 补正, 撤回, 来访登记), done on the case's service ({@link ServicePages}). A service's own
 * steps post to its controller ({@link LoanStepPageController}). The domain checks the post (a wrong post is refused
 * with 403) and the state of the case; a refusal re-shows the page with the domain's words and what the officer
 * typed; success redirects to the page with a message (Post/Redirect/Get).
 */
@Controller
@RequestMapping("/cases/{caseNo}")
class CasePageController {

	static final String VIEW = "workbench/case";

	private final CasePages pages;

	private final CaseFiles cases;

	private final CaseDocuments caseDocuments;

	private final StepPosts posts;

	private final Materials materials;

	CasePageController(CasePages pages, CaseFiles cases, CaseDocuments caseDocuments, StepPosts posts,
			Materials materials) {
		this.materials = materials;
		this.pages = pages;
		this.cases = cases;
		this.caseDocuments = caseDocuments;
		this.posts = posts;
	}

	@GetMapping
	String show(@PathVariable String caseNo, CurrentOfficer officer, Model model) {
		this.pages.fill(CasePages.caseNo(caseNo), officer, model);
		return VIEW;
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

	/** An uploaded material of the case, as kept, as an attachment the browser does not run ({@link Materials}). */
	@GetMapping("/materials/{uploadId}")
	ResponseEntity<byte[]> material(@PathVariable String caseNo, @PathVariable String uploadId, CurrentOfficer officer) {
		return this.materials.download(CasePages.caseNo(caseNo), uploadId, officer).toResponse();
	}

	/** 撤回材料 at the counter: the scan no longer counts; only until the materials are accepted. */
	@PostMapping("/materials/{uploadId}/withdrawal")
	String withdrawMaterial(@PathVariable String caseNo, @PathVariable String uploadId, CurrentOfficer officer,
			RedirectAttributes flash) {
		CaseNo number = CasePages.caseNo(caseNo);
		try {
			mayChange(officer);
			this.materials.withdraw(number, uploadId, officer);
			Flash.done(flash, "workbench.materials.flash.withdrawn");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/cases/" + number.value() + "#materials";
	}

	/** 替换材料 at the counter: another scan for the same material in place of this one. */
	@PostMapping("/materials/{uploadId}/replacement")
	String replaceMaterial(@PathVariable String caseNo, @PathVariable String uploadId,
			@RequestParam(name = "file", required = false) MultipartFile file, CurrentOfficer officer,
			RedirectAttributes flash) throws IOException {
		CaseNo number = CasePages.caseNo(caseNo);
		try {
			mayChange(officer);
			this.materials.checkChangeable(number, uploadId, officer);
			if (file != null && file.getSize() > this.materials.settings().maxSize().toBytes()) {
				throw this.materials.tooLarge();
			}
			this.materials.replace(number, uploadId, file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes(), officer);
			Flash.done(flash, "workbench.materials.flash.replaced");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/cases/" + number.value() + "#materials";
	}

	/** Of the staff, only the acceptance clerk changes a case's materials ({@link Materials#CHANGERS}). */
	private static void mayChange(CurrentOfficer officer) {
		if (!Materials.mayChange(officer)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.materials.clerk-only");
		}
	}

	/** 受理: all materials there accepts the case; anything missing issues one notice listing all of it. */
	@PostMapping("/acceptance")
	String accept(@PathVariable String caseNo, @Valid @ModelAttribute("acceptance") StepForms.Acceptance form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			CasePages.Acceptance acceptance = this.pages.acceptanceOf(this.cases.getVisible(number, officer), officer,
					form.getTask());
			List<Material> missing = acceptance.pages()
				.accept(acceptance.part(), officer, form.answers(), form.getRemark());
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
	String supplement(@PathVariable String caseNo, @Valid @ModelAttribute("supplement") CaseRequests.Remark form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.pages.pagesOf(this.cases.getVisible(number, officer)).supplementMaterials(number, officer, form.remark());
			Flash.done(flash, "workbench.flash.supplemented");
		});
	}

	/** 撤回: the applicant withdraws; every agency's open step ends. */
	@PostMapping("/withdrawal")
	String withdraw(@PathVariable String caseNo, @Valid @ModelAttribute("withdrawal") CaseRequests.Withdrawal form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.pages.pagesOf(this.cases.getVisible(number, officer)).withdraw(number, officer, form.reason());
			Flash.done(flash, "workbench.flash.withdrawn");
		});
	}

	/** 来访登记: the citizen came to the counter for the case. */
	@PostMapping("/visits")
	String checkIn(@PathVariable String caseNo, @Valid @ModelAttribute("checkIn") StepForms.CheckIn form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.cases.checkIn(number, form.getPurpose(), officer);
			Flash.done(flash, "workbench.flash.visit-recorded", String.valueOf(this.cases.visits(number).size()));
		});
	}

}
