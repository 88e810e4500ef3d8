package cn.example.servicehall.intake;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a clerk types to find a case (查找案件), read the way a counter needs it. The citizen hands over their ID card
 * or reads out its last digits, or quotes the case number from a receipt; the name finds the rest:
 * <ul>
 * <li>{@link Kind#CASE_NO}: two letters and up to 13 digits, the case number or its beginning ({@code DK20261123}:
 * that day's loan cases);</li>
 * <li>{@link Kind#ID_NUMBER}: all 18 characters of the applicant's resident ID number;</li>
 * <li>{@link Kind#ID_TAIL}: its last 4 to 17 characters (尾号), as read out over the counter or the phone;</li>
 * <li>{@link Kind#NAME}: anything else is the beginning of the applicant's name ({@code 张} finds every 张);</li>
 * <li>{@link Kind#TOO_SHORT}: one to three digits, which would find half the hall: nothing, and a hint.</li>
 * </ul>
 * Full-width digits and letters from a Chinese input method count as their ASCII forms; letters may be lower case;
 * control characters are dropped.
 *
 * @param text the search as the clerk typed it, trimmed (shown back in the search field)
 * @param kind how it is read
 * @param term the normalised value: the case number's beginning, the ID number, its tail, or the name's beginning
 */
public record CaseSearch(String text, Kind kind, String term) {

	/** What a search finds, for the API's documentation. */
	public static final String DESCRIPTION = "Find cases by the case number or its beginning (DK20261123), the "
			+ "applicant's whole resident ID number or its last 4 to 17 characters, or the beginning of the applicant's "
			+ "name; at most 50 characters";

	/** The longest search read; anything longer is not a name nor a number. */
	public static final int MAX_LENGTH = 50;

	/** How a search is read. */
	public enum Kind {

		CASE_NO, ID_NUMBER, ID_TAIL, NAME, TOO_SHORT

	}

	private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2}\\d{0,13}");

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern ID_TAIL = Pattern.compile("\\d{3,16}[\\dX]");

	private static final Pattern TOO_SHORT = Pattern.compile("\\d{1,2}[\\dX]?|X");

	/**
	 * Reads a search.
	 * @param typed what was typed, possibly null
	 * @return nothing for a blank search (no filter at all)
	 * @throws IllegalArgumentException if it is longer than {@link #MAX_LENGTH}
	 */
	public static Optional<CaseSearch> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String text = typed.replaceAll("\\p{Cntrl}", "").strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (text.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A search is at most " + MAX_LENGTH + " characters");
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		String compact = folded.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
		if (ID_NUMBER.matcher(compact).matches()) {
			return Optional.of(new CaseSearch(text, Kind.ID_NUMBER, compact));
		}
		if (CASE_NO.matcher(compact).matches()) {
			return Optional.of(new CaseSearch(text, Kind.CASE_NO, compact));
		}
		if (ID_TAIL.matcher(compact).matches()) {
			return Optional.of(new CaseSearch(text, Kind.ID_TAIL, compact));
		}
		if (TOO_SHORT.matcher(compact).matches()) {
			return Optional.of(new CaseSearch(text, Kind.TOO_SHORT, compact));
		}
		return Optional.of(new CaseSearch(text, Kind.NAME, folded.replaceAll("\\s+", " ")));
	}

	/** The SQL condition on {@code intake_case} that finds the search's cases, with {@code :term} bound to {@link #pattern()}. */
	String condition() {
		return switch (this.kind) {
			case CASE_NO -> "case_no like :term";
			case ID_NUMBER -> "applicant_id_no = :term";
			// backwards, so that the index on reverse(applicant_id_no) finds the tail as a beginning
			case ID_TAIL -> "reverse(applicant_id_no) like :term";
			case NAME -> "applicant_name like :term escape '\\'";
			case TOO_SHORT -> "false";
		};
	}

	/** The value bound to {@code :term}. */
	String pattern() {
		return switch (this.kind) {
			case CASE_NO -> this.term + "%";
			case ID_NUMBER -> this.term;
			case ID_TAIL -> new StringBuilder(this.term).reverse() + "%";
			case NAME -> this.term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			case TOO_SHORT -> "";
		};
	}

}
