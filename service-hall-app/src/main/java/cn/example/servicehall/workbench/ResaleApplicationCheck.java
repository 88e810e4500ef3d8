package cn.example.servicehall.workbench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import cn.example.servicehall.loan.SubmitResaleLoanApplication;

/**
 * Checks the window's form against the loan command's own rules, the ones the API applies (resident ID check
 * character, amounts in fen, a married borrower's spouse as co-borrower, payment to the seller's own account, no
 * loan above the price), and puts each message on the field it concerns. The form becomes the command through the
 * same JSON mapping the API reads it with: the command's repayment method is a type of {@code loan.calculation},
 * which the loan module does not expose to other modules.
 */
@Component
class ResaleApplicationCheck implements Validator {

	/** Rules about several fields, shown at the field the clerk most likely has to change. */
	private static final Map<String, String> CROSS_FIELD_RULES = Map.of("spouseTheCoBorrower", "coBorrower",
			"paidToTheSeller", "property.seller.accountName", "withinThePrice", "loan.requestedAmount");

	private final ObjectMapper json;

	private final jakarta.validation.Validator validator;

	ResaleApplicationCheck(ObjectMapper json, jakarta.validation.Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	@Override
	public boolean supports(Class<?> type) {
		return ResaleApplicationForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SubmitResaleLoanApplication command;
		try {
			command = command((ResaleApplicationForm) target);
		}
		catch (IllegalArgumentException ex) {
			errors.reject("unreadable");
			return;
		}
		for (ConstraintViolation<SubmitResaleLoanApplication> violation : this.validator.validate(command)) {
			String path = violation.getPropertyPath().toString();
			String field = CROSS_FIELD_RULES.getOrDefault(path, path);
			boolean unreadable = errors.getFieldErrors(field).stream().anyMatch(error -> error.isBindingFailure());
			if (!unreadable) {
				errors.rejectValue(field, "invalid", violation.getMessage());
			}
		}
	}

	/** The command the form stands for; a co-borrower part left empty is no co-borrower. */
	SubmitResaleLoanApplication command(ResaleApplicationForm form) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("borrower", form.getBorrower());
		body.put("coBorrower", form.getCoBorrower().isEmpty() ? null : form.getCoBorrower());
		body.put("property", form.getProperty());
		Map<String, Object> loan = new LinkedHashMap<>();
		loan.put("requestedAmount", form.getLoan().getRequestedAmount());
		loan.put("termMonths", form.getLoan().getTermMonths());
		loan.put("repaymentMethod", form.getLoan().getRepaymentMethod());
		loan.put("repaymentAccount",
				form.getLoan().getRepaymentAccount().isEmpty() ? null : form.getLoan().getRepaymentAccount());
		body.put("loan", loan);
		return this.json.convertValue(body, SubmitResaleLoanApplication.class);
	}

}
