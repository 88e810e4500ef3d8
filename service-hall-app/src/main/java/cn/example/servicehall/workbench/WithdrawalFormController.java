package cn.example.servicehall.workbench;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * 提取申请 at the counter: the acceptance clerk picks the type, the form shows what that type needs, and the rules'
 * answer (eligible or not and why, the amount, who decides, the flags) follows as the clerk types, from
 * {@code POST /withdrawals/assessment}. The form binds to the API's own record ({@link WithdrawalApplication}), so
 * every field has the API's rule and message; submitting opens the case like {@code POST /api/withdrawals}, once per
 * form however often it is sent.
 */
@Controller
@RequestMapping("/withdrawals")
class WithdrawalFormController {

	static final String VIEW = "workbench/withdrawal-application";

	static final String FORM = "application";

	private static final String SCOPE = " workbench.withdrawal.submit";

	private final Withdrawals withdrawals;

	private final IdempotentRequests idempotent;

	private final MessageSource messages;

	private final ObjectMapper json;

	WithdrawalFormController(Withdrawals withdrawals, IdempotentRequests idempotent, MessageSource messages,
			ObjectMapper json) {
		this.withdrawals = withdrawals;
		this.idempotent = idempotent;
		this.messages = messages;
		this.json = json;
	}

	/** What the idempotent submission keeps and replays. */
	record Submitted(String caseNo) {
	}

	@InitBinder(FORM)
	void bindTheRecordOnlyWithDaysTheChineseWay(WebDataBinder binder) {
		// the record is built from the form through its constructors, and that is all: its map of materials and its
		// lists cannot be set again afterwards
		binder.setDeclarativeBinding(true);
		binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				try {
					setValue(text == null || text.isBlank() ? null : LocalDate.parse(text.strip()));
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException(ex.getMessage(), ex);
				}
			}
		});
	}

	@GetMapping("/new")
	String form(CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return clerksOnly(model, response);
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("idempotencyKey", UUID.randomUUID().toString());
		return view(model, values, Map.of(), List.of());
	}

	/**
	 * The rules' answer for the form as it stands, as a part of the page the script puts in place: the field errors
	 * (the API's messages) until the form can be assessed, then the assessment. Writes nothing.
	 */
	@PostMapping("/assessment")
	String assess(@Valid @ModelAttribute(FORM) WithdrawalApplication application, BindingResult errors,
			CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return clerksOnly(model, response);
		}
		model.addAttribute("errors", fieldErrors(errors));
		model.addAttribute("globalErrors", globalErrors(errors));
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("assessment", this.withdrawals.assess(application));
			}
			catch (ProblemException ex) {
				model.addAttribute("problem", ex.getBody().getDetail());
			}
		}
		return "workbench/withdrawal-parts :: assessment";
	}

	@PostMapping
	String submit(@Valid @ModelAttribute(FORM) WithdrawalApplication application, BindingResult errors,
			@RequestParam(name = "idempotencyKey", required = false) String idempotencyKey, CurrentOfficer officer,
			Model model, RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return clerksOnly(model, response);
		}
		Map<String, String> values = typed(request);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return view(model, values, fieldErrors(errors), globalErrors(errors));
		}
		try {
			ResponseEntity<?> answer = this.idempotent.once(idempotencyKey, officer.id() + SCOPE, application,
					() -> ResponseEntity.status(HttpStatus.CREATED)
						.body(Map.of("caseNo", this.withdrawals.submit(application, officer).value())));
			String caseNo = this.json.convertValue(answer.getBody(), Submitted.class).caseNo();
			boolean replayed = "true".equals(answer.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER));
			Flash.done(flash, replayed ? "workbench.flash.submitted-once" : "workbench.flash.withdrawal-submitted",
					caseNo);
			return "redirect:/cases/" + caseNo;
		}
		catch (ProblemException ex) {
			// not eligible, above the balance, materials not all shown, another withdrawal open: nothing was saved
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("problem", ex.getBody().getDetail());
			return view(model, values, Map.of(), List.of());
		}
	}

	private static String view(Model model, Map<String, String> values, Map<String, String> errors,
			List<String> globalErrors) {
		String type = values.getOrDefault("type", "");
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("globalErrors", globalErrors);
		model.addAttribute("chosen", type);
		model.addAttribute("typeGroups", WithdrawalForm.groups());
		model.addAttribute("parts", WithdrawalForm.typesOf(WithdrawalForm.PARTS));
		model.addAttribute("papers", WithdrawalForm.typesOf(WithdrawalForm.PAPERS));
		model.addAttribute("materials", WithdrawalForm.materials(LocaleContextHolder.getLocale()));
		model.addAttribute("invoiceRows", invoiceRows(values));
		model.addAttribute("showing", WithdrawalForm.showing(chosen(type), values.get("spouseIdNumber")));
		return VIEW;
	}

	/** The form's rows of invoices: a few, or as many as were filled and one more. */
	private static int invoiceRows(Map<String, String> values) {
		int filled = 0;
		while (values.containsKey("claim.invoices[" + filled + "].amount")
				|| values.containsKey("claim.invoices[" + filled + "].reimbursed")) {
			filled++;
		}
		return Math.max(WithdrawalForm.INVOICE_ROWS, filled + 1);
	}

	/** What the clerk typed, as typed, to show again. */
	static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, given) -> {
			if (given.length > 0 && !name.startsWith("_")) {
				values.put(name, given[0]);
			}
		});
		return values;
	}

	/** The first message of each field, in the page's language, by the field's path. */
	private Map<String, String> fieldErrors(BindingResult errors) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			messages.putIfAbsent(error.getField(), this.messages.getMessage(error, LocaleContextHolder.getLocale()));
		}
		return messages;
	}

	private List<String> globalErrors(BindingResult errors) {
		List<String> global = new ArrayList<>();
		errors.getGlobalErrors()
			.forEach(error -> global.add(this.messages.getMessage(error, LocaleContextHolder.getLocale())));
		return global;
	}

	private static String clerksOnly(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		model.addAttribute("detailKey", "workbench.problem.clerks-only");
		return WorkbenchPages.PROBLEM_VIEW;
	}

	/** The type chosen on the form, if any. */
	static Optional<WithdrawalType> chosen(String value) {
		try {
			return value == null || value.isBlank() ? Optional.empty() : Optional.of(WithdrawalType.valueOf(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
