package cn.example.servicehall.workbench;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * A step's form post on the case page, the same for every service: invalid input shows the page again with the
 * errors (400); done, back to the page (Post/Redirect/Get); refused by the domain, the page again with the domain's
 * words and what the officer typed.
 */
@Component
class StepPosts {

	private final CasePages pages;

	StepPosts(CasePages pages) {
		this.pages = pages;
	}

	String post(String caseNo, CurrentOfficer officer, BindingResult errors, Model model, HttpServletResponse response,
			Step work) {
		CaseNo number = CasePages.caseNo(caseNo);
		if (errors != null && errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			this.pages.fill(number, officer, model);
			return CasePageController.VIEW;
		}
		try {
			work.run(number);
		}
		catch (ProblemException ex) {
			if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				throw ex;
			}
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("stepProblem", ex.getBody().getDetail());
			this.pages.fill(number, officer, model);
			return CasePageController.VIEW;
		}
		return "redirect:/cases/" + number;
	}

	@FunctionalInterface
	interface Step {

		void run(CaseNo caseNo);

	}

}
