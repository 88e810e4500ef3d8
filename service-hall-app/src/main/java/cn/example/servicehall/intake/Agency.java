package cn.example.servicehall.intake;

/** The agencies that act on a case in the hall. */
public enum Agency {

	/** 公积金中心. */
	HPF,
	/** 受托银行. */
	BANK,
	/** 不动产登记中心. */
	REGISTRY,
	/** 担保公司. */
	GUARANTOR,
	/** 开发企业. */
	DEVELOPER,
	/** The hall's own automation. */
	SYSTEM

}
