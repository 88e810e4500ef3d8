package cn.example.servicehall.intake;

/** The hall's services, each with the prefix of its case numbers. */
public enum ServiceType {

	/** 二手房公积金贷款. */
	RESALE_LOAN("DK"),
	/** 新房公积金贷款 (submitted by developer sales offices). */
	NEW_HOUSE_LOAN("DK"),
	/** 公积金提取. */
	WITHDRAWAL("TQ"),
	/** 一件事一次办. */
	BUNDLE("YJ");

	private final String caseNoPrefix;

	ServiceType(String caseNoPrefix) {
		this.caseNoPrefix = caseNoPrefix;
	}

	public String caseNoPrefix() {
		return this.caseNoPrefix;
	}

}
