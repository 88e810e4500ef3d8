package cn.example.servicehall.documents.signing;

import java.util.Locale;

/**
 * The agencies that issue documents in the hall, each with its own seal and signing certificate. The names printed
 * on the seal and in the certificate come from the settings ({@link DocumentSigningSettings#profile(Agency)}); the
 * defaults are Jiaozuo's.
 */
public enum Agency {

	/** 住房公积金管理中心: the fund centre itself. */
	HPF("住房公积金管理中心", new AgencyProfile("焦作市住房公积金管理中心", "焦作市", "业务专用章")),

	/** 受托银行: the bank entrusted with the fund's loans. */
	BANK("受托银行", new AgencyProfile("中国建设银行焦作分行", "焦作市", "业务专用章")),

	/** 不动产登记中心: the real-estate registry. */
	REGISTRY("不动产登记中心", new AgencyProfile("焦作市不动产登记中心", "焦作市", "业务专用章")),

	/** 担保公司: the guarantor of the loans. */
	GUARANTOR("担保公司", new AgencyProfile("焦作市住房置业担保有限公司", "焦作市", "业务专用章"));

	private final String role;

	private final AgencyProfile defaultProfile;

	Agency(String role, AgencyProfile defaultProfile) {
		this.role = role;
		this.defaultProfile = defaultProfile;
	}

	/** What kind of agency this is, in Chinese (受托银行); the certificate's OU. */
	public String role() {
		return this.role;
	}

	/** Name, city and seal text when the settings name none (Jiaozuo). */
	public AgencyProfile defaultProfile() {
		return this.defaultProfile;
	}

	/** The default key alias in a keystore: {@code hpf}, {@code bank}, {@code registry}, {@code guarantor}. */
	public String defaultAlias() {
		return name().toLowerCase(Locale.ROOT);
	}

}
