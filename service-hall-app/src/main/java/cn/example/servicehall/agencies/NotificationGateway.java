package cn.example.servicehall.agencies;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The SMS gateway (短信平台) that tells citizens what became of their case. Sending is idempotent by the message id the
 * hall gives, so a retried step sends one message. What was sent for a case can be read back for the case page, with
 * the phone number masked ({@code 138****5678}): the full number never leaves the gateway again.
 */
public interface NotificationGateway {

	/**
	 * Sends the message once per message id: asking again answers with the message already sent.
	 * @throws AgencyRefused {@code MESSAGE_REFUSED}: not a mainland mobile number, an empty or overlong text, or the
	 * same message id with another number or text
	 */
	SentMessage send(Message message);

	/** The messages sent for the case, oldest first, phone numbers masked. */
	List<SentMessage> sentFor(String caseNo);

	/**
	 * A text message to send.
	 *
	 * @param messageId the hall's id for it, unique: e.g. the case number and what it says ({@code TQ…:PAID})
	 * @param caseNo the case it is about, may be null
	 * @param phoneNumber a mainland mobile number, 11 digits
	 * @param text the text, at most 500 characters
	 */
	record Message(String messageId, String caseNo, String phoneNumber, String text) {
	}

	/**
	 * A message sent.
	 *
	 * @param messageId the hall's id
	 * @param caseNo the case, may be null
	 * @param maskedPhoneNumber the number with its middle four digits masked
	 * @param text the text
	 * @param sentAt when
	 */
	record SentMessage(String messageId, String caseNo, String maskedPhoneNumber, String text, OffsetDateTime sentAt) {
	}

	/** The number as shown to staff: first three and last four digits, the middle masked. */
	static String mask(String phoneNumber) {
		if (phoneNumber == null || phoneNumber.length() < 8) {
			return "****";
		}
		return phoneNumber.substring(0, 3) + "****" + phoneNumber.substring(phoneNumber.length() - 4);
	}

}
