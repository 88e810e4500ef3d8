package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The entrusted bank's core system: pays out loans (受托支付) to the seller's account. */
public interface BankCore {

	/**
	 * Pays the order. Idempotent by {@code orderId}: asking again for an order already paid answers with that payment
	 * and pays nothing more, so a retry after a lost answer cannot pay twice.
	 */
	Payment pay(PaymentOrder order);

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
