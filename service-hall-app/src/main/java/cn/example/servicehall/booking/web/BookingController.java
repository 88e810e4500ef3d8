package cn.example.servicehall.booking.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.booking.Booking;
import cn.example.servicehall.booking.Bookings;
import cn.example.servicehall.booking.Branch;
import cn.example.servicehall.booking.Branches;
import cn.example.servicehall.booking.Slot;
import cn.example.servicehall.booking.Slots;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/bookings")
@Tag(name = "Bookings", description = "预约面签: branches, slots from the working-day calendar, booking a slot for a case, "
		+ "moving or cancelling it until the end of the day before")
class BookingController {

	private final Branches branches;

	private final Slots slots;

	private final Bookings bookings;

	private final IdempotentRequests idempotent;

	BookingController(Branches branches, Slots slots, Bookings bookings, IdempotentRequests idempotent) {
		this.branches = branches;
		this.slots = slots;
		this.bookings = bookings;
		this.idempotent = idempotent;
	}

	@GetMapping("/branches")
	@Operation(summary = "The branches (网点): windows, slot length and capacity per slot")
	List<Branch> branches() {
		return this.branches.all();
	}

	@GetMapping("/slots")
	@Operation(summary = "A branch's slots from one day to another (both included, at most 62 days): working days only, "
			+ "office hours without the lunch break, with the seats still free")
	List<Slot> slots(@RequestParam String branch,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.slots.between(branch, from, to);
	}

	@PostMapping
	@Operation(summary = "Books a slot for a case the caller may see; 409 slot-full when its seats are taken, "
			+ "409 case-already-booked when the case has a booking waiting")
	ResponseEntity<?> book(
			@Parameter(description = "A unique key per booking, reused when retrying", required = true)
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@RequestBody Bookings.NewBooking request, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " booking.book", request, () -> {
			Booking booking = this.bookings.book(request, officer);
			return ResponseEntity.created(URI.create("/api/bookings/" + booking.id())).body(booking);
		});
	}

	@GetMapping
	@Operation(summary = "A case's bookings, newest first")
	List<Booking> ofCase(@RequestParam String caseNo, CurrentOfficer officer) {
		return this.bookings.ofCase(caseNo, officer);
	}

	@GetMapping("/{bookingId}")
	@Operation(summary = "A booking")
	Booking get(@PathVariable long bookingId, CurrentOfficer officer) {
		return this.bookings.get(bookingId, officer);
	}

	/**
	 * Where to move a booking.
	 *
	 * @param branch the branch, if another than the booking's
	 * @param startsAt the new slot's start
	 */
	record Reschedule(String branch, OffsetDateTime startsAt) {
	}

	@PostMapping("/{bookingId}/reschedule")
	@Operation(summary = "Moves a booking to another slot, until the end of the day before its slot "
			+ "(422 booking-change-too-late after)")
	Booking reschedule(@PathVariable long bookingId, @RequestBody Reschedule request, CurrentOfficer officer) {
		return this.bookings.reschedule(bookingId, request.branch(), request.startsAt(), officer);
	}

	@PostMapping("/{bookingId}/cancellation")
	@Operation(summary = "Cancels a booking, until the end of the day before its slot (422 booking-change-too-late after)")
	Booking cancel(@PathVariable long bookingId, CurrentOfficer officer) {
		return this.bookings.cancel(bookingId, officer);
	}

}
