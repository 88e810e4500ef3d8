package cn.example.servicehall.booking;

import java.time.OffsetDateTime;

import cn.example.servicehall.agencies.NotificationGateway;

/**
 * 预约: a case's appointment at a branch, as the API shows it; the phone number masked.
 *
 * @param id the booking's number
 * @param caseNo the case
 * @param branch the branch's code
 * @param branchName its name
 * @param startsAt the slot's start, in the hall's time zone
 * @param endsAt its end
 * @param status {@code BOOKED}, {@code CHECKED_IN} or {@code CANCELLED}
 * @param phoneNumber the number the reminder goes to, masked ({@code 138****5678})
 * @param changeableUntil until when it may be moved or cancelled: the end of the day before the slot
 * @param bookedAt when it was made
 * @param reminderSentAt when the reminder was sent, null before
 * @param window the window (窗口) its queue number was called to at the hall, null before
 */
public record Booking(long id, String caseNo, String branch, String branchName, OffsetDateTime startsAt,
		OffsetDateTime endsAt, String status, String phoneNumber, OffsetDateTime changeableUntil, OffsetDateTime bookedAt,
		OffsetDateTime reminderSentAt, Integer window) {

	public static final String BOOKED = "BOOKED";

	public static final String CHECKED_IN = "CHECKED_IN";

	public static final String CANCELLED = "CANCELLED";

	static String masked(String phoneNumber) {
		return NotificationGateway.mask(phoneNumber);
	}

}
