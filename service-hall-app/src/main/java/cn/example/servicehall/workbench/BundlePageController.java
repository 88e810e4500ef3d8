package cn.example.servicehall.workbench;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.example.servicehall.bundle.BundleCatalogue;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;

/**
 * 一件事一次办目录 for the hall's staff: every bundle with its parts, agencies, order, time limit, what a refused part
 * does and the merged checklist, as the catalogue's files say (ADR 0009); those not yet open are shown as 即将开通.
 */
@Controller
class BundlePageController {

	private final BundleCatalogue catalogue;

	BundlePageController(BundleCatalogue catalogue) {
		this.catalogue = catalogue;
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
