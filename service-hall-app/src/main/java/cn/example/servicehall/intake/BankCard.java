package cn.example.servicehall.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation at the edge: the value is a valid {@link BankCardNumber}; the message says whether the length, a
 * character or the check digit is wrong.
 */
@Documented
@Constraint(validatedBy = BankCard.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface BankCard {

	String message() default "{intake.bank-card.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<BankCard, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // @NotBlank says whether it is required
			}
			var defect = BankCardNumber.defectOf(value);
			if (defect.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + defect.get().messageKey() + "}").addConstraintViolation();
			return false;
		}

	}

}
