package cn.example.servicehall.documents.signing;

/**
 * What verifying a presented file found, with the sentence a clerk or citizen reads. The enum's name is the reason
 * code ({@code DIGEST_MISMATCH}).
 */
public enum VerificationOutcome {

	/** Signed by one of the hall's agencies and unchanged since. */
	VALID("文件真实有效：由签发机构签章，签章后未被修改"),

	/** Not a PDF, or one too damaged to read. */
	NOT_PDF("无法验证：文件不是有效的 PDF 文件或已损坏"),

	/** A PDF without any signature. */
	NOT_SIGNED("无法验证：文件没有电子签章，不能证明其真实性"),

	/** Encrypted, or signed in a way the hall does not issue. */
	UNSUPPORTED("无法验证：文件的签章格式不受支持"),

	/** The signature data or its placement in the file is damaged. */
	SIGNATURE_DAMAGED("文件已被篡改：签章数据已损坏"),

	/** The signed bytes differ from what was signed. */
	DIGEST_MISMATCH("文件已被篡改：签名后内容被修改"),

	/** Intact signature, but something was added to the file after signing. */
	CONTENT_APPENDED("文件已被篡改：签名后文件被追加了内容"),

	/** Intact signature by a certificate that does not chain to the hall's CA. */
	UNTRUSTED_SIGNER("无法确认来源：签章不是本中心认可的签发机构所签");

	private final String message;

	VerificationOutcome(String message) {
		this.message = message;
	}

	/** The reason code: the constant's name. */
	public String code() {
		return name();
	}

	/** The sentence to show, in Chinese. */
	public String message() {
		return this.message;
	}

}
