package cn.example.servicehall.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Card numbers as citizens give them: printed in groups, sometimes mistyped by one digit or two swapped. */
class BankCardNumberTest {

	// a UnionPay test number (19 digits) and a Visa test number (16 digits), both Luhn-valid
	private static final String UNIONPAY = "6212345678901234569";

	@Test
	void acceptsA16To19DigitNumberWithItsCheckDigitAsPrintedInGroups() {
		assertThat(new BankCardNumber("6212 3456 7890 1234 569").value()).isEqualTo(UNIONPAY);
		assertThat(new BankCardNumber("4111-1111-1111-1111").value()).isEqualTo("4111111111111111");
		assertThat(BankCardNumber.defectOf(UNIONPAY)).isEmpty();
	}

	@Test
	void namesTheDefectOfAMistypedNumber() {
		assertThat(BankCardNumber.defectOf("6212345678901234567")).contains(BankCardNumber.Defect.CHECK_DIGIT);
		// two neighbouring digits swapped
		assertThat(BankCardNumber.defectOf("6212345678901243569")).contains(BankCardNumber.Defect.CHECK_DIGIT);
		assertThat(BankCardNumber.defectOf("621234567890123")).contains(BankCardNumber.Defect.LENGTH);
		assertThat(BankCardNumber.defectOf("62123456789012345691")).contains(BankCardNumber.Defect.LENGTH);
		assertThat(BankCardNumber.defectOf("6212a45678901234569")).contains(BankCardNumber.Defect.FORMAT);
		assertThat(BankCardNumber.defectOf("")).contains(BankCardNumber.Defect.LENGTH);
		assertThatThrownBy(() -> new BankCardNumber("6212345678901234567")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void isMaskedOnEveryPageAndDocument() {
		assertThat(new BankCardNumber(UNIONPAY).masked()).isEqualTo("6212 **** **** 4569");
		assertThat(new BankCardNumber(UNIONPAY)).hasToString("6212 **** **** 4569");
	}

}
