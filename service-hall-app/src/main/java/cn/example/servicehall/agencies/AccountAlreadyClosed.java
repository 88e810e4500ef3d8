package cn.example.servicehall.agencies;

import java.time.LocalDate;

import cn.example.servicehall.agencies.FundAccountSystem.AccountStatus;

/**
 * Closing an account that is already closed: the refusal the fraud rule "account closed twice" (重复销户) recognises.
 * It names the earlier closing, where the account system knows it.
 */
public class AccountAlreadyClosed extends AgencyRefused {

	private final String accountNo;

	private final AccountStatus status;

	private final LocalDate closedOn;

	private final String closingCaseNo;

	public AccountAlreadyClosed(String system, String accountNo, AccountStatus status, LocalDate closedOn,
			String closingCaseNo) {
		super(system, Reason.ACCOUNT_ALREADY_CLOSED, "住房公积金账户 " + accountNo + " 已" + status.label()
				+ (closedOn == null ? "" : "（" + closedOn + (closingCaseNo == null ? "" : "，案件 " + closingCaseNo) + "）")
				+ "，不能再次销户。 The account is already closed (" + status.code() + " " + status.name() + ").");
		this.accountNo = accountNo;
		this.status = status;
		this.closedOn = closedOn;
		this.closingCaseNo = closingCaseNo;
	}

	public String accountNo() {
		return this.accountNo;
	}

	/** How it was closed: 提取销户, 合并销户 or 外部转出销户. */
	public AccountStatus status() {
		return this.status;
	}

	/** When, if known. */
	public LocalDate closedOn() {
		return this.closedOn;
	}

	/** The case that closed it, if it was closed by a withdrawal. */
	public String closingCaseNo() {
		return this.closingCaseNo;
	}

}
