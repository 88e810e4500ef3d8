package cn.example.servicehall.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.bundle.Bundle;
import cn.example.servicehall.bundle.BundleApplication;
import cn.example.servicehall.bundle.BundleCatalogue;
import cn.example.servicehall.bundle.Bundles;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 一件事一次办 at the counter: one form for the whole bundle (the depositor, their own bank card, the merged checklist
 * with each material once), bound to the API's own record ({@link BundleApplication}) and submitted to the same
 * {@link Bundles#submit}; a refusal comes back on the form with everything typed still there.
 */
@Controller
class BundleFormController {

	static final String VIEW = "workbench/bundle-application";

	static final String FORM = "application";

	private final BundleCatalogue catalogue;

	private final Bundles bundles;

	private final MessageSource messages;

	private final IdempotentRequests idempotent;

	private final ObjectMapper json;

	BundleFormController(BundleCatalogue catalogue, Bundles bundles, MessageSource messages,
			IdempotentRequests idempotent, ObjectMapper json) {
		this.catalogue = catalogue;
		this.bundles = bundles;
		this.messages = messages;
		this.idempotent = idempotent;
		this.json = json;
	}

	@InitBinder(FORM)
	void bindTheRecord(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/bundles/{code}/new")
	String form(@PathVariable String code, CurrentOfficer officer, Model model, HttpServletResponse response) {
		Optional<String> refused = refusal(code, officer, model, response);
		return refused.orElseGet(() -> view(code, model, Map.of("idempotencyKey", UUID.randomUUID().toString()),
				Map.of()));
	}

	@PostMapping("/bundles/{code}/applications")
	String submit(@PathVariable String code, @Valid @ModelAttribute(FORM) BundleApplication application,
			BindingResult errors, @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
			CurrentOfficer officer, Model model, RedirectAttributes flash, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<String> refused = refusal(code, officer, model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		Map<String, String> values = WithdrawalFormController.typed(request);
		// a section the clerk left empty (a repayment card brought later) is none
		BundleApplication cleaned = withoutEmptySections(application);
		Map<String, String> wrong = fieldErrors(errors);
		if (cleaned.loan() != null && cleaned.loan().request() != null
				&& cleaned.loan().request().repaymentAccount() == null) {
			wrong.keySet().removeIf(field -> field.startsWith("loan.request.repaymentAccount."));
		}
		if (!wrong.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return view(code, model, values, wrong);
		}
		try {
			// once per form however often it is sent (a double click, a reload)
			ResponseEntity<?> answer = this.idempotent.once(idempotencyKey, officer.id() + " workbench.bundle.submit " + code,
					cleaned, () -> ResponseEntity.status(HttpStatus.CREATED)
						.body(Map.of("caseNo", this.bundles.submit(code, cleaned, officer).value())));
			String caseNo = this.json.convertValue(answer.getBody(), WithdrawalFormController.Submitted.class).caseNo();
			boolean replayed = "true".equals(answer.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER));
			Flash.done(flash, replayed ? "workbench.flash.submitted-once" : "workbench.flash.bundle-submitted", caseNo);
			return "redirect:/cases/" + caseNo;
		}
		catch (ProblemException ex) {
			// coming soon, a material not ticked, a part's service refusing: nothing was saved
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("problem", ex.getBody().getDetail());
			return view(code, model, values, Map.of());
		}
	}

	/** The problem page when the officer is not at the counter or the bundle cannot be applied for. */
	private Optional<String> refusal(String code, CurrentOfficer officer, Model model, HttpServletResponse response) {
		Optional<Bundle> bundle = this.catalogue.find(code);
		HttpStatus status = !officer.isIn(Groups.HPF_ACCEPTANCE_CLERK) ? HttpStatus.FORBIDDEN
				: bundle.isEmpty() ? HttpStatus.NOT_FOUND
						: !bundle.get().available() ? HttpStatus.UNPROCESSABLE_ENTITY : null;
		if (status == null) {
			return Optional.empty();
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("detailKey", status == HttpStatus.FORBIDDEN ? "workbench.problem.clerks-only"
				: status == HttpStatus.NOT_FOUND ? "workbench.bundles.no-such" : "workbench.bundles.not-open");
		return Optional.of(WorkbenchPages.PROBLEM_VIEW);
	}

	private String view(String code, Model model, Map<String, String> values, Map<String, String> errors) {
		Bundle bundle = this.catalogue.find(code).orElseThrow();
		model.addAttribute("bundle", bundle);
		// the sections the bundle's parts need: the card for a withdrawal, the loan's, the sale's for the agencies'
		model.addAttribute("withWithdrawal", bundle.joins(ServiceType.WITHDRAWAL.name()));
		model.addAttribute("withLoan", bundle.joins(ServiceType.RESALE_LOAN.name()));
		model.addAttribute("withSale", bundle.joins("CONTRACT_FILING"));
		model.addAttribute("maritalStatuses", List.of("UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED"));
		model.addAttribute("repaymentMethods", CalculatorController.METHODS);
		model.addAttribute("yesNo", List.of("true", "false"));
		model.addAttribute("homeCategories", List.of("ONLY_HOME", "SECOND_HOME", "THIRD_OR_MORE"));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return VIEW;
	}

	/**
	 * The form as the API would take it: the loan's repayment account is none when both its fields were left empty
	 * (the form always sends them; the API's client leaves it out). The form takes a single borrower: it has no
	 * co-borrower's fields.
	 */
	static BundleApplication withoutEmptySections(BundleApplication application) {
		BundleApplication.Loan loan = application.loan();
		if (loan == null || loan.request() == null || loan.request().repaymentAccount() == null
				|| loan.request().repaymentAccount().bank() != null || loan.request().repaymentAccount().accountNo() != null) {
			return application;
		}
		SubmitResaleLoanApplication.LoanRequest request = new SubmitResaleLoanApplication.LoanRequest(
				loan.request().requestedAmount(), loan.request().termMonths(), loan.request().repaymentMethod(), null);
		return new BundleApplication(application.applicant(), application.bankCard(), application.materials(),
				new BundleApplication.Loan(loan.maritalStatus(), loan.monthlyIncome(), loan.coBorrower(), loan.property(),
						request, loan.contractSignedOn(), loan.withdrawalAmount()),
				application.sale());
	}

	/** The first message of each field, in the page's language, by the field's path. */
	private Map<String, String> fieldErrors(BindingResult errors) {
		Map<String, String> found = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			found.putIfAbsent(error.getField(), this.messages.getMessage(error, LocaleContextHolder.getLocale()));
		}
		errors.getGlobalErrors()
			.forEach(error -> found.putIfAbsent("", this.messages.getMessage(error, LocaleContextHolder.getLocale())));
		return found;
	}

}
