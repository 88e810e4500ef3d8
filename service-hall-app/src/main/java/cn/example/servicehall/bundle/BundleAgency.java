package cn.example.servicehall.bundle;

/**
 * The agencies a bundle's part may be done by, as the catalogue's files name them; their names on pages are
 * {@code workbench.bundles.agency.<NAME>}.
 */
public enum BundleAgency {

	/** 公积金中心. */
	HPF,
	/** 受托银行. */
	BANK,
	/** 不动产登记中心. */
	REGISTRY,
	/** 担保公司. */
	GUARANTOR,
	/** 住房和城乡建设局 (网签备案). */
	HOUSING_AUTHORITY,
	/** 税务局 (契税). */
	TAX_BUREAU

}
