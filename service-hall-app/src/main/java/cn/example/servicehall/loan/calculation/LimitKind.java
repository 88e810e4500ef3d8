package cn.example.servicehall.loan.calculation;

/**
 * The limits of "several limits, take the lowest" (多限取低, domain.md §1.1), in the order that settles a tie: the
 * first of equal limits binds.
 */
public enum LimitKind {

	/** The policy's fixed ceiling. */
	CAP("最高额度"),

	/** House price × highest loan-to-price ratio. */
	PRICE("房价成数"),

	/** Deposit balances × multiple × deposit-time coefficient. */
	BALANCE("缴存余额倍数"),

	/** The loan the allowed monthly payment can carry. */
	REPAYMENT_CAPACITY("还款能力");

	private final String label;

	LimitKind(String label) {
		this.label = label;
	}

	/** The Chinese name a clerk reads: 最高额度, 房价成数, 缴存余额倍数, 还款能力. */
	public String label() {
		return this.label;
	}

}
