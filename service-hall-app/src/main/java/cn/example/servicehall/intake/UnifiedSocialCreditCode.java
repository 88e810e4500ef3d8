package cn.example.servicehall.intake;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) under GB 32100-2015, the identifier of companies, developers and
 * other organisations: registration authority (登记管理部门), organisation category (机构类别), six digits of
 * administrative division code, the nine-character organisation code (主体标识码) and a check character. Characters
 * come from {@code 0-9} and the letters without I, O, S, V and Z. As in stdnum, the first eight characters must be
 * digits. Lower-case letters are accepted and stored in upper case.
 */
public record UnifiedSocialCreditCode(String value) {

	/** The 31 characters in order of value; I, O, S, V and Z are left out. */
	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** W_i = 3^(i−1) mod 31. */
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Why a code is refused; each has a message key {@code intake.credit-code.<key>}. */
	public enum Defect {

		LENGTH, FORMAT, CHECK_CHARACTER;

		public String messageKey() {
			return "intake.credit-code." + name().toLowerCase().replace('_', '-');
		}

	}

	public UnifiedSocialCreditCode {
		Optional<Defect> defect = defectOf(value);
		if (defect.isPresent()) {
			throw new IllegalArgumentException("Not a valid unified social credit code (" + defect.get() + ")");
		}
		value = value.toUpperCase(Locale.ROOT);
	}

	/** What is wrong with {@code candidate}, if anything. */
	public static Optional<Defect> defectOf(String candidate) {
		if (candidate == null || candidate.length() != 18) {
			return Optional.of(Defect.LENGTH);
		}
		String code = candidate.toUpperCase(Locale.ROOT);
		for (int i = 0; i < 8; i++) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return Optional.of(Defect.FORMAT);
			}
		}
		for (int i = 8; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.of(Defect.FORMAT);
			}
		}
		if (checkCharacter(code) != code.charAt(17)) {
			return Optional.of(Defect.CHECK_CHARACTER);
		}
		return Optional.empty();
	}

	/** The check character the first 17 characters call for: ALPHABET[(31 − S mod 31) mod 31]. */
	static char checkCharacter(String code) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
