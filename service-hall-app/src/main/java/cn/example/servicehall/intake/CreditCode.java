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
 * Bean Validation at the edge: the value is a valid {@link UnifiedSocialCreditCode} (GB 32100); the message says
 * whether the length, a character or the check character is wrong.
 */
@Documented
@Constraint(validatedBy = CreditCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CreditCode {

	String message() default "{intake.credit-code.check-character}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CreditCode, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // @NotBlank says whether it is required
			}
			var defect = UnifiedSocialCreditCode.defectOf(value.strip());
			if (defect.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + defect.get().messageKey() + "}").addConstraintViolation();
			return false;
		}

	}

}
