package cn.example.servicehall.loan;

/** 婚姻状况. A married borrower applies with the spouse as co-borrower (共同借款人). */
public enum MaritalStatus {

	/** 未婚. */
	UNMARRIED,
	/** 已婚. */
	MARRIED,
	/** 离异. */
	DIVORCED,
	/** 丧偶. */
	WIDOWED

}
