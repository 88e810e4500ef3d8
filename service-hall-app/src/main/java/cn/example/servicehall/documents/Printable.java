package cn.example.servicehall.documents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Bean Validation at the edge: every character of the text can be printed on the hall's documents
 * ({@link PrintableText}). Put it on each text the window takes in that a document prints (names, addresses,
 * certificate numbers, bank and account names, opinions), so that a character no document font has is refused where
 * the clerk can correct it. The message names the field in its own words ({@code message}) and the character with
 * its code point through the parameters {@code {character}} and {@code {codePoint}} ({@code U+E000}).
 */
@Documented
@Constraint(validatedBy = Printable.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Printable {

	String message() default "{documents.unprintable}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Printable, String> {

		private final PrintableText printable;

		Validator(PrintableText printable) {
			this.printable = printable;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return this.printable.firstUnprintable(value).map((unprintable) -> {
				context.unwrap(HibernateConstraintValidatorContext.class)
					.addMessageParameter("character", unprintable.character())
					.addMessageParameter("codePoint", unprintable.label());
				return false;
			}).orElse(true);
		}

	}

}
