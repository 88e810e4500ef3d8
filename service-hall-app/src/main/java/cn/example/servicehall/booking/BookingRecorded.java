package cn.example.servicehall.booking;

import java.time.OffsetDateTime;

/**
 * A booking's step: booked, moved, cancelled, or the citizen checked in at the hall. Published synchronously inside
 * the transaction that records it, like intake's {@code CaseStepRecorded}: from {@link #BOOKED} until
 * {@link #CHECKED_IN} (or {@link #CANCELLED}) the case waits for the citizen's chosen slot, the citizen's time and not
 * the centre's.
 *
 * @param caseNo the case
 * @param bookingId the booking
 * @param branch the branch's code
 * @param action {@link #BOOKED}, {@link #RESCHEDULED}, {@link #CANCELLED} or {@link #CHECKED_IN}
 * @param slotStartsAt the slot booked (after a reschedule: the new one)
 * @param at when
 */
public record BookingRecorded(String caseNo, long bookingId, String branch, String action, OffsetDateTime slotStartsAt,
		OffsetDateTime at) {

	public static final String BOOKED = "BOOKED";

	public static final String RESCHEDULED = "RESCHEDULED";

	public static final String CANCELLED = "CANCELLED";

	public static final String CHECKED_IN = "CHECKED_IN";

}
