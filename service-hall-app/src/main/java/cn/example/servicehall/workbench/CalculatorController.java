package cn.example.servicehall.workbench;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.example.servicehall.loan.LoanCalculator;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 贷款计算器 at the counter: the page works as a plain GET form, and recomputes as the clerk types from
 * {@code /calculator/quote}, a JSON answer for the page's own script (the session's, not the API's bearer tokens).
 */
@Controller
@RequestMapping("/calculator")
class CalculatorController {

	/** 等额本息 and 等额本金, as the loan's repayment method names them. */
	static final List<String> METHODS = List.of("EQUAL_INSTALMENT", "EQUAL_PRINCIPAL");

	/** The rows shown under a quote; the whole schedule comes with an approved loan. */
	static final int FIRST_ROWS = 12;

	static final String FORM = "calculator";

	private final LoanCalculator calculator;

	private final ObjectMapper json;

	private final MessageSource messages;

	CalculatorController(LoanCalculator calculator, ObjectMapper json, MessageSource messages) {
		this.calculator = calculator;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * A quote as the page shows it.
	 * @param rateInForce whether the rate is today's rate in force (no rate typed)
	 * @param firstRows the schedule's first months
	 */
	record Shown(String method, BigDecimal principal, BigDecimal annualRatePercent, boolean rateInForce, int months,
			BigDecimal monthlyPayment, BigDecimal firstPayment, BigDecimal lastPayment, BigDecimal totalInterest,
			BigDecimal totalPayment, List<?> firstRows) {
	}

	@GetMapping
	String page(@Valid @ModelAttribute(FORM) CalculatorForm form, BindingResult errors, Model model) {
		model.addAttribute("methods", METHODS);
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("quote", quote(form));
			}
			catch (ProblemException ex) {
				model.addAttribute("problem", ex.getBody().getDetail());
			}
		}
		return "workbench/calculator";
	}

	/** The same quote for the page's script; invalid input answers 400 with a message per field. */
	@GetMapping(path = "/quote", produces = "application/json")
	@ResponseBody
	ResponseEntity<?> quote(@Valid @ModelAttribute(FORM) CalculatorForm form, BindingResult errors, Locale locale) {
		if (errors.hasErrors()) {
			Map<String, String> fields = new LinkedHashMap<>();
			errors.getFieldErrors()
				.forEach(error -> fields.putIfAbsent(error.getField(), this.messages.getMessage(error, locale)));
			return ResponseEntity.badRequest().body(Map.of("errors", fields));
		}
		try {
			return ResponseEntity.ok(quote(form));
		}
		catch (ProblemException ex) {
			return ResponseEntity.status(ex.getStatusCode()).body(Map.of("problem", ex.getBody().getDetail()));
		}
	}

	private Shown quote(CalculatorForm form) {
		// the repayment method as the loan reads it from JSON: its type is in loan.calculation, which the loan
		// module does not expose
		SubmitResaleLoanApplication.LoanRequest terms = this.json.convertValue(Map.of("requestedAmount",
				form.getAmount(), "termMonths", form.getMonths(), "repaymentMethod", form.getMethod()),
				SubmitResaleLoanApplication.LoanRequest.class);
		LoanCalculator.Quote quote = this.calculator.quote(form.getAmount(), form.getMonths(),
				Optional.ofNullable(form.getAnnualRate()), terms.repaymentMethod(), form.isFirstHome());
		List<?> rows = quote.instalments();
		return new Shown(form.getMethod(), quote.principal(), quote.annualRatePercent(), form.getAnnualRate() == null,
				quote.months(), quote.monthlyPayment().orElse(null), quote.firstPayment(), quote.lastPayment(),
				quote.totalInterest(), quote.totalPayment(), List.copyOf(rows.subList(0, Math.min(FIRST_ROWS, rows.size()))));
	}

}
