package cn.example.servicehall.developer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.ValidatorFactory;

/** A company's credit code is checked at the edge by GB 32100's rules (intake.CreditCode), each defect in its words. */
class NewCompanyCheckTest {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void acceptsTheSeededCompaniesCodesInEitherCase() {
		assertThat(defects("91350100M000100Y43")).isEmpty();
		assertThat(defects("91110000600037341l")).isEmpty();
	}

	@Test
	void namesTheDefectOfABadCode() {
		assertThat(defects("91350100M000100Y44")).containsExactly("{intake.credit-code.check-character}");
		assertThat(defects("91350100M000100Y4")).containsExactly("{intake.credit-code.length}");
		assertThat(defects("91350100M000100I43")).containsExactly("{intake.credit-code.format}");
		assertThat(defects(" ")).containsExactly("{developer.uscc.required}", "{intake.credit-code.length}");
	}

	private static List<String> defects(String uscc) {
		return validator.validate(new DeveloperRequests.NewCompany(uscc, "福州示例房地产开发有限公司"))
			.stream()
			.map(ConstraintViolation::getMessageTemplate)
			.sorted()
			.toList();
	}

}
