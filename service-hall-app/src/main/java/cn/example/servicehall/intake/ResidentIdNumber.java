package cn.example.servicehall.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland resident identity card number (居民身份证号码) under GB 11643-1999: six digits of address code, the
 * birth date as YYYYMMDD, a three-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 * character. A lower-case {@code x} is accepted and stored as {@code X}.
 */
public record ResidentIdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	/** Why a number is refused; each has a message key {@code intake.id-number.<key>}. */
	public enum Defect {

		LENGTH, FORMAT, BIRTH_DATE, FUTURE_BIRTH_DATE, CHECK_CHARACTER;

		public String messageKey() {
			return "intake.id-number." + name().toLowerCase().replace('_', '-');
		}

	}

	public ResidentIdNumber {
		Optional<Defect> defect = defectOf(value, LocalDate.MAX);
		if (defect.isPresent()) {
			throw new IllegalArgumentException("Not a valid resident ID number (" + defect.get() + ")");
		}
		value = value.toUpperCase();
	}

	/**
	 * What is wrong with {@code candidate}, if anything.
	 * @param today birth dates after this day are refused
	 */
	public static Optional<Defect> defectOf(String candidate, LocalDate today) {
		if (candidate == null || candidate.length() != 18) {
			return Optional.of(Defect.LENGTH);
		}
		String id = candidate.toUpperCase();
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
				return Optional.of(Defect.FORMAT);
			}
		}
		char last = id.charAt(17);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			return Optional.of(Defect.FORMAT);
		}
		Optional<LocalDate> birthDate = birthDateOf(id);
		if (birthDate.isEmpty()) {
			return Optional.of(Defect.BIRTH_DATE);
		}
		if (birthDate.get().isAfter(today)) {
			return Optional.of(Defect.FUTURE_BIRTH_DATE);
		}
		if (checkCharacter(id) != last) {
			return Optional.of(Defect.CHECK_CHARACTER);
		}
		return Optional.empty();
	}

	/** The check character the first 17 digits call for. */
	static char checkCharacter(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static Optional<LocalDate> birthDateOf(String id) {
		try {
			int year = Integer.parseInt(id.substring(6, 10));
			if (year < 1800) {
				return Optional.empty();
			}
			return Optional.of(LocalDate.of(year, Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	public LocalDate birthDate() {
		return birthDateOf(this.value).orElseThrow();
	}

	/** 性别: the sequence digit is odd for men, even for women. */
	public boolean isMale() {
		return (this.value.charAt(16) - '0') % 2 == 1;
	}

	/** For lists and logs: {@code 110105********002X}. */
	public String masked() {
		return this.value.substring(0, 6) + "********" + this.value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

}
