package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The entrusted bank's core system: pays out loans (受托支付) to the seller's account, and withdrawals to the citizen's
 * own Class-I card (一类卡). Both are idempotent: a retry after an outage or a lost answer ({@link AgencyUnavailable})
 * finds the payment already made and never makes a second one.
 */
public interface BankCore {

	/**
	 * Pays the order. Idempotent by {@code orderId}: asking again for an order already paid answers with that payment
	 * and pays nothing more, so a retry after a lost answer cannot pay twice.
	 */
	Payment pay(PaymentOrder order);

	/**
	 * Transfers a withdrawal to the citizen's own card, keyed by the case number: one case, one transfer. Asking again
	 * for the same case, after a lost answer or at the same moment, answers with the transfer made and pays nothing
	 * more; the answer's {@code orderId} is the case number.
	 * @throws AgencyRefused {@code CASE_ALREADY_BOOKED} if the case was paid with another amount or to another card,
	 * {@code CARD_REFUSED} if the card number fails its check digit (Luhn); nothing is paid
	 */
	Payment transfer(CardTransfer transfer);

	/**
	 * A transfer to the payee's own card.
	 *
	 * @param caseNo the hall's case: one transfer per case
	 * @param amount the amount, yuan, positive, at most fen
	 * @param payeeName the card holder, the citizen
	 * @param payeeIdNumber the card holder's ID number
	 * @param cardNo the card number (Class-I, in the citizen's own name)
	 * @param bankName the card's bank
	 * @param purpose what it is for (shown on the payee's statement), e.g. 住房公积金提取
	 */
	record CardTransfer(String caseNo, BigDecimal amount, String payeeName, String payeeIdNumber, String cardNo,
			String bankName, String purpose) {
	}

	/**
	 * A payment order.
	 *
	 * @param orderId the hall's unique id for the payment
	 * @param amount the amount, yuan
	 * @param payeeName the account holder
	 * @param payeeBank the payee's bank
	 * @param payeeAccountNo the payee's account
	 * @param purpose what it is for (shown on the payee's statement)
	 */
	record PaymentOrder(String orderId, BigDecimal amount, String payeeName, String payeeBank, String payeeAccountNo,
			String purpose) {
	}

	/**
	 * An executed payment.
	 *
	 * @param orderId the hall's order id
	 * @param bankReference the bank's reference (流水号)
	 * @param amount what was paid
	 * @param executedAt when
	 */
	record Payment(String orderId, String bankReference, BigDecimal amount, OffsetDateTime executedAt) {
	}

}
