package cn.example.servicehall.intake;

import java.util.Optional;

/**
 * A bank card number (银行卡号) as a citizen gives it for a payment to their own Class-I account: 16 to 19 digits whose
 * last is the Luhn check digit (ISO/IEC 7812-1, used by UnionPay cards). Spaces and hyphens as printed on the card are
 * dropped. The defect, when there is one, says which part to read again.
 *
 * @param value the digits only
 */
public record BankCardNumber(String value) {

	/** What is wrong with a card number. */
	public enum Defect {

		/** Not 16 to 19 digits. */
		LENGTH,
		/** Something other than digits (after spaces and hyphens are dropped). */
		FORMAT,
		/** The last digit is not the Luhn check digit of the others. */
		CHECK_DIGIT;

		public String messageKey() {
			return "intake.bank-card." + name().toLowerCase().replace('_', '-');
		}

	}

	public BankCardNumber {
		String digits = normalise(value);
		Optional<Defect> defect = defectOf(digits);
		if (defect.isPresent()) {
			throw new IllegalArgumentException("Not a bank card number (" + defect.get() + ")");
		}
		value = digits;
	}

	/** The defect of a card number as typed, if any. */
	public static Optional<Defect> defectOf(String typed) {
		String digits = normalise(typed);
		if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.of(Defect.FORMAT);
		}
		if (digits.length() < 16 || digits.length() > 19) {
			return Optional.of(Defect.LENGTH);
		}
		return luhnValid(digits) ? Optional.empty() : Optional.of(Defect.CHECK_DIGIT);
	}

	/** As printed on documents and pages: the first four and the last four digits, the rest hidden. */
	public String masked() {
		return this.value.substring(0, 4) + " **** **** " + this.value.substring(this.value.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}

	private static String normalise(String typed) {
		return typed == null ? "" : typed.strip().replace(" ", "").replace("-", "").replace("\u3000", "");
	}

	/** The Luhn check: from the right, every second digit doubled (less 9 when above 9); the sum ends in 0. */
	private static boolean luhnValid(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
