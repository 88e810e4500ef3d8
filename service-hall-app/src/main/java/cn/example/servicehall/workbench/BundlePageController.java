package cn.example.servicehall.workbench;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.bundle.AfterRefusalChoice;
import cn.example.servicehall.bundle.BundleCatalogue;
import cn.example.servicehall.bundle.Bundles;
import cn.example.servicehall.bundle.DeedTaxPaid;
import cn.example.servicehall.bundle.ResaleSales;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;

/**
 * 一件事一次办目录 for the hall's staff: every bundle with its parts, agencies, order, time limit, what a refused part
 * does and the merged checklist, as the catalogue's files say (ADR 0009); those not yet open are shown as 即将开通.
 * And the acceptance clerk's step on a bundle's case page after a refused part.
 */
@Controller
class BundlePageController {

	private final BundleCatalogue catalogue;

	private final Bundles bundles;

	private final StepPosts posts;

	private final ResaleSales sales;

	BundlePageController(BundleCatalogue catalogue, Bundles bundles, StepPosts posts, ResaleSales sales) {
		this.sales = sales;
		this.catalogue = catalogue;
		this.bundles = bundles;
		this.posts = posts;
	}

	/** 事项不予办理的处理 (受理岗): the citizen goes on with the other parts or cancels the bundle. */
	@PostMapping("/cases/{caseNo}/bundle-after-refusal")
	String afterRefusal(@PathVariable String caseNo,
			@Valid @ModelAttribute(BundlePages.AFTER_REFUSAL_FORM) AfterRefusalChoice form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.bundles.decideAfterRefusal(number, form.decision(), form.remark(), officer);
			Flash.done(flash, "workbench.flash.bundle-after-refusal");
		});
	}

	/** 缴纳契税 (受理岗): the buyer paid the assessed deed tax at the tax window; the amount paid, as assessed. */
	@PostMapping("/cases/{caseNo}/bundle-deed-tax-paid")
	String deedTaxPaid(@PathVariable String caseNo, @Valid @ModelAttribute(BundlePages.DEED_TAX_FORM) DeedTaxPaid form,
			BindingResult errors, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return this.posts.post(caseNo, officer, errors, model, response, number -> {
			this.sales.confirmDeedTaxPaid(number, form.amount(), officer);
			Flash.done(flash, "workbench.flash.bundle-deed-tax-paid");
		});
	}

	@GetMapping("/bundles")
	String catalogue(CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (officer.isIn(Groups.DEVELOPER_AGENT)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("status", HttpStatus.FORBIDDEN.value());
			model.addAttribute("detailKey", "workbench.problem.staff-only");
			return WorkbenchPages.PROBLEM_VIEW;
		}
		model.addAttribute("bundles", this.catalogue.all());
		return "workbench/bundles";
	}

}
