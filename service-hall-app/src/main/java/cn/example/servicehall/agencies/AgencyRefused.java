package cn.example.servicehall.agencies;

import cn.example.servicehall.platform.PermanentFailure;

/**
 * A system outside the hall answered, and said no: a business refusal, not an outage. Asking again the same way gets
 * the same answer, so a background step failing with one is not retried ({@link PermanentFailure}); its message says
 * what is wrong, Chinese first, in words a clerk can act on. Compare {@link AgencyUnavailable}, which is worth a retry.
 */
public class AgencyRefused extends RuntimeException implements PermanentFailure {

	/** Why a system refused. */
	public enum Reason {

		/** The account system knows no account for the ID number. */
		NO_ACCOUNT,
		/** The account is frozen (冻结) or closed: nothing can be debited. */
		ACCOUNT_NOT_OPEN,
		/** The account is already closed (销户): a second closing ({@link AccountAlreadyClosed}). */
		ACCOUNT_ALREADY_CLOSED,
		/** The debit is above the balance. */
		ABOVE_BALANCE,
		/** The case already has a debit, closing or transfer that differs from this one (amount, account, kind). */
		CASE_ALREADY_BOOKED,
		/** The bank refuses the payee's card. */
		CARD_REFUSED,
		/** The SMS gateway refuses the phone number or the text. */
		MESSAGE_REFUSED,
		/** The request key was already used for a different request (other parties, price, filing, amount). */
		KEY_ALREADY_USED,
		/** The registry knows no title with the certificate number. */
		TITLE_UNKNOWN,
		/** The title is sealed (查封): it cannot be sold, transferred or mortgaged. */
		TITLE_SEALED,
		/** The title is mortgaged (抵押) and the mortgagee has not consented, or the mortgage is not released. */
		TITLE_MORTGAGED,
		/** A seller is not a registered owner of the title, or an owner is not among the sellers. */
		SELLER_NOT_OWNER,
		/** The title already has a sale contract filed and in force (已网签备案). */
		ALREADY_FILED,
		/** The filing is unknown or withdrawn (注销): nothing can be assessed or registered on it. */
		FILING_NOT_IN_FORCE,
		/** The title already moved to the buyers (转移登记 done): the filing cannot be withdrawn nor the tax refunded. */
		ALREADY_REGISTERED,
		/** The deed tax (契税) of the sale is not paid. */
		DEED_TAX_NOT_PAID,
		/** A payment differs from the amount assessed (or, for a loan's payoff, from the principal outstanding). */
		AMOUNT_DIFFERS,
		/** The loan servicing system knows no fund loan with the contract number for the borrower. */
		LOAN_UNKNOWN,
		/** The loan is already settled (已结清): nothing is left to repay. */
		LOAN_SETTLED

	}

	private final String system;

	private final Reason reason;

	public AgencyRefused(String system, Reason reason, String message) {
		super(message);
		this.system = system;
		this.reason = reason;
	}

	/** Which system refused, e.g. {@code FUND_ACCOUNTS}. */
	public String system() {
		return this.system;
	}

	public Reason reason() {
		return this.reason;
	}

}
