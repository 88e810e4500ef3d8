package cn.example.servicehall.documents.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to "is this file genuine and unaltered?". Holds nothing the document does not print: the issuing agency,
 * when it signed, and, for a valid document only, its number and title.
 *
 * @param outcome the verdict, with reason code and message
 * @param signed the file carries a signature
 * @param coversWholeFile the signature's byte range reaches the file's end: nothing was appended after signing
 * @param intact the CMS signature verifies over the byte range (message digest and signature value)
 * @param trusted the signer's certificate chains to the hall's CA (development CA or the configured anchors)
 * @param agency which agency signed; null if unknown or not trusted
 * @param signerName who the signer's certificate names (its organisation); null if unsigned or unreadable
 * @param signedAt the signature's {@code /M} time as claimed by the signer; null if absent
 * @param documentNumber the document's number from its metadata, only when valid
 * @param title the document's title from its metadata, only when valid
 * @param detail a technical detail for the log (English), never shown to the public
 */
public record VerificationResult(VerificationOutcome outcome, boolean signed, boolean coversWholeFile, boolean intact,
		boolean trusted, Agency agency, String signerName, Instant signedAt, String documentNumber, String title,
		String detail) {

	public VerificationResult {
		Objects.requireNonNull(outcome, "outcome");
	}

	/** Genuine and unaltered. */
	public boolean valid() {
		return this.outcome == VerificationOutcome.VALID;
	}

	/** The reason code ({@code DIGEST_MISMATCH}). */
	public String reasonCode() {
		return this.outcome.code();
	}

	/** What to tell the person who presented the file (文件已被篡改：签名后内容被修改). */
	public String message() {
		return this.outcome.message();
	}

	static VerificationResult failed(VerificationOutcome outcome, boolean signed, String detail) {
		return new VerificationResult(outcome, signed, false, false, false, null, null, null, null, null, detail);
	}

}
