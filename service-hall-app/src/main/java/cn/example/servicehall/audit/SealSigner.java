package cn.example.servicehall.audit;

/**
 * Signs and checks a day's seal with an agency key the hall trusts: the port through which the audit trail uses the
 * documents' signing keys (implemented by {@code documents.signing}).
 */
public interface SealSigner {

	/** Signs the text (SHA256withRSA, the fund centre's key). */
	Signed sign(byte[] text);

	/**
	 * Whether the signature is the certificate's over the text, and the certificate one the hall trusts (issued by one
	 * of its trust anchors).
	 */
	boolean verify(byte[] text, String signatureBase64, String certificateBase64);

	/**
	 * @param signatureBase64 the signature
	 * @param certificateBase64 the signer's certificate, DER
	 */
	record Signed(String signatureBase64, String certificateBase64) {
	}

}
