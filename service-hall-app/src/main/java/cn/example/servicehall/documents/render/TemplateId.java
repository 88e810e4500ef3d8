package cn.example.servicehall.documents.render;

/**
 * The document templates and what binds each: its file under {@code document-templates/} on the classpath (module
 * {@code document-templates}), the record it reads as {@code doc}, and its title as printed (also the PDF's title
 * and the template's {@code <title>}). {@code TemplateContractTest} checks that each template uses exactly the
 * fields of its record.
 */
public enum TemplateId implements DocumentTemplate {

	/** 受理回执. */
	ACCEPTANCE_RECEIPT("intake/acceptance-receipt.xhtml", AcceptanceReceiptData.class, "住房公积金业务受理回执"),

	/** 一次性告知书. */
	MISSING_MATERIALS_NOTICE("intake/missing-materials-notice.xhtml", MissingMaterialsNoticeData.class,
			"住房公积金业务一次性告知书"),

	/** 办结回执. */
	COMPLETION_RECEIPT("intake/completion-receipt.xhtml", CompletionReceiptData.class, "住房公积金业务办结回执"),

	/** 不予贷款回执: a refused application's closing receipt. */
	REFUSAL_RECEIPT("intake/refusal-receipt.xhtml", RefusalReceiptData.class, "住房公积金业务不予贷款回执"),

	/** 个人住房公积金借款合同. */
	LOAN_CONTRACT("loan/loan-contract.xhtml", LoanContractData.class, "个人住房公积金借款合同"),

	/** 借款借据. */
	IOU("loan/iou.xhtml", IouData.class, "个人住房公积金贷款借款借据"),

	/** 放款通知书. */
	DISBURSEMENT_NOTICE("loan/disbursement-notice.xhtml", DisbursementNoticeData.class, "个人住房公积金贷款放款通知书"),

	/** 提取回执. */
	WITHDRAWAL_RECEIPT("withdrawal/withdrawal-receipt.xhtml", WithdrawalReceiptData.class, "住房公积金提取回执"),

	/** 销户证明: a closing withdrawal closed the account. */
	ACCOUNT_CLOSING_CERTIFICATE("withdrawal/account-closing-certificate.xhtml", AccountClosingCertificateData.class,
			"住房公积金个人账户销户证明"),

	/** 委托按月提取还贷确认书: a standing agreement to repay a fund loan monthly from the fund account. */
	OFFSET_AGREEMENT("withdrawal/offset-agreement.xhtml", OffsetAgreementData.class, "委托按月提取住房公积金还贷确认书");

	/** The folder on the classpath that holds every template, stylesheet and font. */
	public static final String ROOT = "document-templates/";

	private final String path;

	private final Class<? extends DocumentData> dataType;

	private final String title;

	TemplateId(String path, Class<? extends DocumentData> dataType, String title) {
		this.path = path;
		this.dataType = dataType;
		this.title = title;
	}

	/** The template's path under {@link #ROOT}: {@code loan/loan-contract.xhtml}. */
	@Override
	public String path() {
		return this.path;
	}

	/** The template's full classpath resource name: {@code document-templates/loan/loan-contract.xhtml}. */
	@Override
	public String resource() {
		return ROOT + this.path;
	}

	/** The record the template reads as {@code doc}. */
	@Override
	public Class<? extends DocumentData> dataType() {
		return this.dataType;
	}

	/** The document's title as printed: {@code 个人住房公积金借款合同}. */
	@Override
	public String title() {
		return this.title;
	}

	@Override
	public String numberPrefix() {
		return switch (this) {
			case ACCEPTANCE_RECEIPT -> "SL";
			case MISSING_MATERIALS_NOTICE -> "GZ";
			case COMPLETION_RECEIPT -> "BJ";
			case REFUSAL_RECEIPT -> "BY";
			case LOAN_CONTRACT -> "JK";
			case IOU -> "JJ";
			case DISBURSEMENT_NOTICE -> "FK";
			case WITHDRAWAL_RECEIPT -> "TQ";
			case ACCOUNT_CLOSING_CERTIFICATE -> "XH";
			case OFFSET_AGREEMENT -> "WT";
		};
	}

	/** The template whose record is {@code data}'s class. */
	public static TemplateId of(DocumentData data) {
		for (TemplateId id : values()) {
			if (id.dataType == data.getClass()) {
				return id;
			}
		}
		throw new IllegalArgumentException("no template reads " + data.getClass().getSimpleName());
	}

}
