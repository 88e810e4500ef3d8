package cn.example.servicehall.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 号票: a queue number of a branch on a day. Shows a number and a window only, never who holds it.
 *
 * @param number {@code Y001} (an appointment holder) or {@code W001} (a walk-in)
 * @param branch the branch's code
 * @param day the day
 * @param status {@code WAITING} or {@code CALLED}
 * @param window the window it was called to, null while waiting
 * @param issuedAt when it was drawn
 * @param calledAt when it was called, null while waiting
 */
public record Ticket(String number, String branch, LocalDate day, String status, Integer window, OffsetDateTime issuedAt,
		OffsetDateTime calledAt) {

	/** Appointment holders' numbers: {@code Y001}. */
	public static final String APPOINTMENT = "Y";

	/** Walk-ins' numbers: {@code W001}. */
	public static final String WALK_IN = "W";

}
