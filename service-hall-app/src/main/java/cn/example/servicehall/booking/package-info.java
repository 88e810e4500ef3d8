/**
 * 预约与叫号 (appointments and the queue), for any service: the branches (网点) as data, the slots of each branch on
 * working days within office hours from the working-day calendar, booking a slot for a case (预约面签) with a seat per
 * booking that the database never lets run over the slot's capacity, one booking per case, changes until the end of
 * the day before, the reminder by text the working day before, and at the hall the check-in that gives a queue number
 * (取号), the counter calling the next number (叫号) and the calling screen. Every booking's step is published as a
 * {@link cn.example.servicehall.booking.BookingRecorded}: the time a citizen waits for their chosen slot is theirs,
 * not the centre's, and whoever keeps the clocks listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: web", "identity", "calendar",
				"intake", "agencies" })
package cn.example.servicehall.booking;
