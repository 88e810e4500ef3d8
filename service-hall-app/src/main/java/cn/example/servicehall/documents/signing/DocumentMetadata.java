package cn.example.servicehall.documents.signing;

/**
 * What a finished document says about itself in its metadata (document information and XMP).
 *
 * @param documentNumber the document's own number, printed on it: {@code /Keywords}, {@code pdf:Keywords},
 * {@code dc:identifier}
 * @param caseNumber the case it belongs to (DK2026112300001): {@code /Subject}, {@code dc:description}
 * @param title its title (借款合同): {@code /Title}, {@code dc:title}
 */
public record DocumentMetadata(String documentNumber, String caseNumber, String title) {

	public DocumentMetadata {
		require(documentNumber, "documentNumber");
		require(caseNumber, "caseNumber");
		require(title, "title");
	}

	private static void require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a document's " + what + " must not be blank");
		}
	}

}
