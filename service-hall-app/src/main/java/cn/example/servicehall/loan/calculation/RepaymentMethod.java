package cn.example.servicehall.loan.calculation;

/** 还款方式, with the code of the HPF data standard. */
public enum RepaymentMethod {

	/** 等额本息: the same payment every month (the last one takes the residual fen). */
	EQUAL_INSTALMENT("01", "等额本息"),

	/** 等额本金: the same principal every month, the interest falling with the balance. */
	EQUAL_PRINCIPAL("02", "等额本金");

	private final String code;

	private final String label;

	RepaymentMethod(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The data-standard code: {@code 01} or {@code 02}. */
	public String code() {
		return this.code;
	}

	/** The Chinese name a clerk reads: 等额本息 or 等额本金. */
	public String label() {
		return this.label;
	}

}
