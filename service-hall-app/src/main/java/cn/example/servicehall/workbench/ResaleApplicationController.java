package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 窗口申请: the acceptance clerk enters a resale-loan application at the window, which opens the case. Submitting is
 * idempotent per form: a double click or a browser retry opens one case, not two.
 */
@Controller
@RequestMapping("/applications/resale")
class ResaleApplicationController {

	static final String VIEW = "workbench/resale-application";

	static final String FORM = "resaleApplication";

	private static final String SCOPE = " workbench.resale-application.submit";

	private final LoanApplications applications;

	private final IdempotentRequests idempotent;

	private final ResaleApplicationCheck check;

	private final ObjectMapper json;

	ResaleApplicationController(LoanApplications applications, IdempotentRequests idempotent,
			ResaleApplicationCheck check, ObjectMapper json) {
		this.applications = applications;
		this.idempotent = idempotent;
		this.check = check;
		this.json = json;
	}

	/** What the idempotent submission keeps and replays. */
	record Submitted(String caseNo) {
	}

	@InitBinder(FORM)
	void checkWithTheLoanRules(WebDataBinder binder) {
		binder.addValidators(this.check);
	}

	@GetMapping("/new")
	String form(CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return clerksOnly(model, response);
		}
		model.addAttribute(FORM, new ResaleApplicationForm());
		return view(model);
	}

	@PostMapping
	String submit(@Valid @ModelAttribute(FORM) ResaleApplicationForm form, BindingResult errors,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return clerksOnly(model, response);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return view(model);
		}
		SubmitResaleLoanApplication application = this.check.command(form);
		try {
			ResponseEntity<?> answer = this.idempotent.once(form.getIdempotencyKey(), officer.id() + SCOPE, application,
					() -> ResponseEntity.status(HttpStatus.CREATED)
						.body(Map.of("caseNo", this.applications.submitAtWindow(application, officer).value())));
			String caseNo = this.json.convertValue(answer.getBody(), Submitted.class).caseNo();
			boolean replayed = "true".equals(answer.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER));
			Flash.done(flash, replayed ? "workbench.flash.submitted-once" : "workbench.flash.submitted", caseNo);
			return "redirect:/cases/" + caseNo;
		}
		catch (ProblemException ex) {
			// the registry does not know the title, or cannot be reached: nothing was saved, the clerk's input stays
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("problem", ex.getBody().getDetail());
			return view(model);
		}
	}

	private static String view(Model model) {
		model.addAttribute("maritalStatuses", List.of("UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED"));
		model.addAttribute("repaymentMethods", CalculatorController.METHODS);
		return VIEW;
	}

	private static String clerksOnly(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		model.addAttribute("detailKey", "workbench.problem.clerks-only");
		return WorkbenchPages.PROBLEM_VIEW;
	}

}
