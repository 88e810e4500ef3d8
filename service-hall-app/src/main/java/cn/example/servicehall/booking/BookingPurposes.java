package cn.example.servicehall.booking;

import cn.example.servicehall.intake.CaseFile;

/**
 * Who may book a slot for a case: the service the case is for says whether it waits for the appointment now. Booking
 * knows no service; it asks every implementation before it takes a seat and refuses the booking (409
 * {@code case-not-awaiting-signing}) unless one says yes. The new-house loan ({@code loan}) answers for its signing
 * appointment (预约面签): from approval until the buyer checks in at the hall.
 */
public interface BookingPurposes {

	/** Whether the case waits now for a signing appointment (预约面签). */
	boolean awaitsSigningAppointment(CaseFile file);

}
