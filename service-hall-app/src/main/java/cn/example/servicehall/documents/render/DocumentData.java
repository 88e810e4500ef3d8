package cn.example.servicehall.documents.render;

/**
 * What every document carries, whatever its template: the data record of each {@link DocumentTemplate} implements
 * this.
 * All values are display-ready strings (dates as {@code 2026年11月23日}, amounts as {@code 600,000.00} with a separate
 * {@code …InWords} field for 大写); a template only places them.
 */
public interface DocumentData {

	/** The document's own number (文书编号), printed in the running header: {@code SL2026112500001}. */
	String documentNo();

	/** The issuing agency (出具机构) whose seal is stamped on the document: {@code 焦作市住房公积金管理中心}. */
	String issuingAgency();

	/** The case (办件) the document belongs to: {@code DK2026112300001}. */
	String caseNo();

	/** The date of issue: {@code 2026年11月25日}. */
	String issueDate();

	/** The address the verification QR code encodes, also printed under it. */
	String verificationUrl();

}
