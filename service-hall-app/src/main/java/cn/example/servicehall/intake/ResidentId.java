package cn.example.servicehall.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation at the edge: the value is a valid {@link ResidentIdNumber}. The message names the defect (wrong
 * length, impossible birth date, wrong check character) so the clerk knows which digit to look at again.
 */
@Documented
@Constraint(validatedBy = ResidentId.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentId {

	String message() default "{intake.id-number.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ResidentId, String> {

		private final Clock clock;

		Validator(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // @NotBlank says whether it is required
			}
			var defect = ResidentIdNumber.defectOf(value.strip(), LocalDate.now(this.clock));
			if (defect.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + defect.get().messageKey() + "}").addConstraintViolation();
			return false;
		}

	}

}
