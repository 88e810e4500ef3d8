package cn.example.servicehall.intake;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.example.servicehall.documents.render.DetailRow;

/**
 * What intake needs to know of a service (二手房贷款, 缴存证明 ...), registered by the service as a bean: its code and
 * case-number prefix, its names, the materials the window checks, its own stages, who may withdraw its cases, and
 * what the documents every service shares print (受理回执, 一次性告知书, 办结回执: {@link CaseReceipts}). Intake and
 * the pages know services only through this, so a new service is a new package with its models.
 */
public interface CaseService {

	/** The service's code. */
	ServiceType type();

	/** The prefix of its case numbers ({@code DK}). */
	String caseNoPrefix();

	/** Its name on pages, in the language asked for (Chinese unless English is asked). */
	String displayName(Locale locale);

	/** Its name as the documents print it ({@code 二手房住房公积金个人贷款}). */
	String documentName();

	/**
	 * Its name as a case's documents print it: {@link #documentName()} unless the case says more (a bundle names
	 * itself and its parts with their numbers).
	 */
	default String documentName(CaseFile file) {
		return documentName();
	}

	/**
	 * The parts of a case of several (a bundle's), as its acceptance receipt lists them in a table; none for a service
	 * whose cases are one part.
	 */
	default List<ReceiptPart> receiptParts(CaseFile file) {
		return List.of();
	}

	/**
	 * A part as the acceptance receipt lists it.
	 * @param label its number, {@code YS2026120700001-2}
	 * @param name {@code 离休、退休提取并销户}
	 * @param agency who does it, {@code 公积金中心}
	 * @param order when, {@code 受理后即办}
	 */
	record ReceiptPart(String label, String name, String agency, String order) {
	}

	/**
	 * The name a case of this service gives one of its parts on pages, in the language asked for (a bundle names each
	 * part as its catalogue does: 离休、退休提取并销户); none to name the part by its service.
	 */
	default Optional<String> partName(CaseFile file, CasePart part, Locale locale) {
		return Optional.empty();
	}

	/**
	 * The service's variants that its cases carry ({@link NewCase#serviceVariant}), by code in the order the
	 * dashboard lists them, each with its name in the language asked for; none when the service has no variants.
	 */
	default Map<String, String> variants(Locale locale) {
		return Map.of();
	}

	/**
	 * The materials the acceptance clerk checks for this case, in order, chosen by the case's own data (a loan with a
	 * co-borrower lists the spouse's ID card); empty when the window checks none.
	 */
	Checklist checklist(CaseFile file);

	/** The service's own stages, each with the lifecycle status it belongs to. */
	List<? extends CaseStage> stages();

	/** The posts that may record the applicant's withdrawal of a case at the window; none when it cannot be. */
	default Set<String> withdrawnBy() {
		return Set.of();
	}

	/** Whether the case can still be withdrawn (open, and not past the stage where the service allows it). */
	default boolean mayWithdraw(CaseFile file) {
		return !withdrawnBy().isEmpty() && !file.status().isClosed();
	}

	/** How many days after acceptance the decision is promised, as the acceptance receipt prints it. */
	int decisionDays();

	/** The same for one case: {@link #decisionDays()} unless the case's variant promises otherwise (a bundle's own limit). */
	default int decisionDays(CaseFile file) {
		return decisionDays();
	}

	/**
	 * What the acceptance receipt promises for this case: {@link #decisionDays(CaseFile)} days (日) after the day of
	 * acceptance, unless the service counts its limit otherwise (a bundle counts working days on the calendar).
	 * @param acceptedOn the day the case was accepted, in the hall's time zone
	 */
	default Promise promise(CaseFile file, java.time.LocalDate acceptedOn) {
		int days = decisionDays(file);
		return new Promise(days + "日", acceptedOn.plusDays(days));
	}

	/**
	 * A decision promised on the acceptance receipt.
	 * @param limit the time limit as printed: 15日, 5个工作日
	 * @param by the last day of it
	 */
	record Promise(String limit, java.time.LocalDate by) {
	}

	/** How long after the one-time notice the citizen has to bring what is missing, as the notice prints it. */
	default Period supplementPeriod() {
		return Period.ofDays(30);
	}

	/** The applicant's phone as the service has it, for the receipt. */
	default Optional<String> applicantPhone(CaseFile file) {
		return Optional.empty();
	}

	/** What the completion receipt (办结回执) says of a completed case. */
	Completion completion(CaseFile file);

	/**
	 * The completion receipt's words for a case.
	 * @param outcome the result in a sentence ({@code 准予贷款，贷款已发放})
	 * @param details the case's numbers and terms, one row each
	 * @param notes what the citizen does next (温馨提示), one line each; the receipt adds the enquiry line
	 * @param signedBy the login of the staff member who decided, printed by name
	 */
	record Completion(String outcome, List<DetailRow> details, List<String> notes, String signedBy) {
	}

	/** A language's service name: Chinese unless English is asked for. */
	static String pick(Locale locale, String chinese, String english) {
		return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? english : chinese;
	}

}
