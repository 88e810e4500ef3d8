package cn.example.servicehall.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 预约面签: booking a slot for a case, moving it and cancelling it. A booking takes a seat of its slot in the database
 * ({@code booking_slot}: {@code booked = booked + 1 where booked < capacity} on the slot's row, and a check that it
 * never exceeds the capacity), so two agents booking the last seat at once cannot both have it. A case has one booking
 * waiting for its day at a time (a unique index). Changes are allowed until the end of the day before the slot, by the
 * hall's clock. Only cases the officer may see ({@code intake.CaseVisibility}) can be booked, read or changed: any
 * other answers 404. Only a case whose service waits for the appointment now can be booked ({@link BookingPurposes}).
 */
@Service
public class Bookings {

	private static final String SELECT = "select b.*, br.name as branch_name from booking b "
			+ "join booking_branch br on br.code = b.branch ";

	private final JdbcClient jdbc;

	private final CaseFiles cases;

	private final Branches branches;

	private final Slots slots;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<BookingPurposes> purposes;

	Bookings(JdbcClient jdbc, CaseFiles cases, Branches branches, Slots slots, WorkingCalendar calendar,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<BookingPurposes> purposes) {
		this.purposes = purposes;
		this.jdbc = jdbc;
		this.cases = cases;
		this.branches = branches;
		this.slots = slots;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a booking asks for.
	 *
	 * @param caseNo the case
	 * @param branch the branch's code
	 * @param startsAt the slot's start, as the slot list gives it
	 * @param phoneNumber the citizen's mobile number, for the reminder
	 */
	public record NewBooking(String caseNo, String branch, OffsetDateTime startsAt, String phoneNumber) {
	}

	/**
	 * Books the slot for the case.
	 * @throws CaseNotFound if there is no such case or the officer may not see it
	 * @throws ProblemException 400 for a missing field or a phone number that is not a mainland mobile number; 422
	 * {@code no-such-slot} (not a slot of the branch: a holiday, the lunch break, out of hours), {@code slot-too-soon}
	 * (today or earlier), {@code case-closed}; 409 {@code case-not-awaiting-signing} (the case's service does not wait
	 * for a signing appointment now: {@link BookingPurposes}), {@code slot-full}, {@code case-already-booked}
	 */
	@Transactional
	public Booking book(NewBooking request, CurrentOfficer officer) {
		require(request.caseNo() != null && request.branch() != null && request.startsAt() != null
				&& request.phoneNumber() != null);
		CaseFile file = visibleCase(request.caseNo(), officer);
		if (file.lifecycle().isClosed()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "case-closed", "problem.booking.case-closed",
					request.caseNo());
		}
		if (!awaitsSigningAppointment(file)) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "case-not-awaiting-signing",
					"problem.booking.case-not-awaiting-signing", request.caseNo());
		}
		if (!request.phoneNumber().matches("1\\d{10}")) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-phone-number",
					"problem.booking.invalid-phone-number");
		}
		Slot slot = bookableSlot(request.branch(), request.startsAt());
		if (active(request.caseNo()).isPresent()) {
			throw alreadyBooked(request.caseNo());
		}
		takeSeat(slot);
		OffsetDateTime now = now();
		long id;
		try {
			id = this.jdbc.sql("""
					insert into booking (case_no, branch, slot_starts_at, slot_ends_at, phone_number, status, booked_by,
					                     booked_at, changed_at, changed_by)
					values (?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?) returning id""")
				.params(request.caseNo(), slot.branch(), slot.startsAt(), slot.endsAt(), request.phoneNumber(),
						officer.id(), now, now, officer.id())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw alreadyBooked(request.caseNo());
		}
		this.events.publishEvent(new BookingRecorded(request.caseNo(), id, slot.branch(), BookingRecorded.BOOKED,
				slot.startsAt(), now));
		return read(id).orElseThrow();
	}

	/**
	 * Whether a signing slot can be booked for the case now: its service says it waits for the appointment
	 * ({@link BookingPurposes}). Pages ask this to offer booking; {@link #book} refuses any other case.
	 */
	public boolean awaitsSigningAppointment(CaseFile file) {
		return this.purposes.orderedStream().anyMatch(purpose -> purpose.awaitsSigningAppointment(file));
	}

	/**
	 * Moves the booking to another slot (of the same or another branch).
	 * @throws ProblemException 404 {@code booking-not-found}; 409 {@code booking-not-active}, {@code slot-full}; 422
	 * {@code booking-change-too-late} on the slot's day or later, {@code no-such-slot}, {@code slot-too-soon}
	 */
	@Transactional
	public Booking reschedule(long id, String branchCode, OffsetDateTime startsAt, CurrentOfficer officer) {
		require(startsAt != null);
		Booking booking = lockChangeable(id, officer);
		Slot slot = bookableSlot(branchCode == null ? booking.branch() : branchCode, startsAt);
		if (slot.branch().equals(booking.branch()) && slot.startsAt().isEqual(booking.startsAt())) {
			return booking;
		}
		ensureSlotRow(slot);
		// both slots' rows in one order, so that two moves between the same slots cannot deadlock
		this.jdbc.sql("""
				select 1 from booking_slot where (branch = ? and starts_at = ?) or (branch = ? and starts_at = ?)
				 order by branch, starts_at for update""")
			.params(booking.branch(), booking.startsAt(), slot.branch(), slot.startsAt())
			.query(Integer.class)
			.list();
		takeSeat(slot);
		freeSeat(booking.branch(), booking.startsAt());
		OffsetDateTime now = now();
		this.jdbc.sql("""
				update booking set branch = ?, slot_starts_at = ?, slot_ends_at = ?, changed_at = ?, changed_by = ?,
				                   reminder_sent_at = null where id = ?""")
			.params(slot.branch(), slot.startsAt(), slot.endsAt(), now, officer.id(), id)
			.update();
		this.events.publishEvent(new BookingRecorded(booking.caseNo(), id, slot.branch(), BookingRecorded.RESCHEDULED,
				slot.startsAt(), now));
		return read(id).orElseThrow();
	}

	/**
	 * Cancels the booking; its seat is free again.
	 * @throws ProblemException 404 {@code booking-not-found}; 409 {@code booking-not-active}; 422
	 * {@code booking-change-too-late} on the slot's day or later
	 */
	@Transactional
	public Booking cancel(long id, CurrentOfficer officer) {
		Booking booking = lockChangeable(id, officer);
		freeSeat(booking.branch(), booking.startsAt());
		OffsetDateTime now = now();
		this.jdbc.sql("update booking set status = 'CANCELLED', changed_at = ?, changed_by = ? where id = ?")
			.params(now, officer.id(), id)
			.update();
		this.events.publishEvent(new BookingRecorded(booking.caseNo(), id, booking.branch(), BookingRecorded.CANCELLED,
				booking.startsAt(), now));
		return read(id).orElseThrow();
	}

	/** The booking, if the officer may see its case; 404 {@code booking-not-found} otherwise. */
	public Booking get(long id, CurrentOfficer officer) {
		return read(id).filter(booking -> this.cases.findVisible(caseNo(booking.caseNo()), officer).isPresent())
			.orElseThrow(() -> notFound(id));
	}

	/** The case's bookings, newest first. @throws CaseNotFound if the officer may not see the case */
	public List<Booking> ofCase(String caseNo, CurrentOfficer officer) {
		visibleCase(caseNo, officer);
		return this.jdbc.sql(SELECT + "where b.case_no = ? order by b.booked_at desc, b.id desc")
			.param(caseNo)
			.query(this::booking)
			.list();
	}

	/** The case's booking that waits for its day, if any. */
	public Optional<Booking> active(String caseNo) {
		return this.jdbc.sql(SELECT + "where b.case_no = ? and b.status = 'BOOKED'").param(caseNo).query(this::booking)
			.optional();
	}

	Optional<Booking> read(long id) {
		return this.jdbc.sql(SELECT + "where b.id = ?").param(id).query(this::booking).optional();
	}

	CaseFile visibleCase(String caseNo, CurrentOfficer officer) {
		return this.cases.getVisible(caseNo(caseNo), officer);
	}

	/** The end of the day before the slot's day: until then a booking may be moved or cancelled. */
	OffsetDateTime changeableUntil(OffsetDateTime startsAt) {
		return startsAt.atZoneSameInstant(zone()).toLocalDate().atStartOfDay(zone()).toOffsetDateTime();
	}

	private Booking lockChangeable(long id, CurrentOfficer officer) {
		Booking booking = get(id, officer);
		this.jdbc.sql("select 1 from booking where id = ? for update").param(id).query(Integer.class).single();
		booking = read(id).orElseThrow();
		if (!Booking.BOOKED.equals(booking.status())) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "booking-not-active", "problem.booking.not-active", id);
		}
		if (!now().isBefore(booking.changeableUntil())) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "booking-change-too-late",
					"problem.booking.change-too-late", show(booking.startsAt()));
		}
		return booking;
	}

	private Slot bookableSlot(String branchCode, OffsetDateTime startsAt) {
		Branch branch = this.branches.find(branchCode)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "no-such-branch",
					"problem.booking.no-such-branch", branchCode));
		Slot slot = this.slots.at(branch, startsAt)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "no-such-slot",
					"problem.booking.no-such-slot", show(startsAt), branch.name()));
		if (!slot.date().isAfter(LocalDate.now(this.clock))) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "slot-too-soon", "problem.booking.slot-too-soon",
					show(startsAt));
		}
		return slot;
	}

	private void ensureSlotRow(Slot slot) {
		this.jdbc.sql("""
				insert into booking_slot (branch, starts_at, ends_at, capacity, booked) values (?, ?, ?, ?, 0)
				on conflict (branch, starts_at) do nothing""")
			.params(slot.branch(), slot.startsAt(), slot.endsAt(), slot.capacity())
			.update();
	}

	/** Takes a seat of the slot, or 409 if none is left: decided on the slot's row, one transaction at a time. */
	private void takeSeat(Slot slot) {
		int taken = 0;
		if (slot.capacity() > 0) { // none when no window of the branch signs
			ensureSlotRow(slot);
			taken = this.jdbc.sql("""
					update booking_slot set booked = booked + 1
					 where branch = ? and starts_at = ? and booked < capacity""")
				.params(slot.branch(), slot.startsAt())
				.update();
		}
		if (taken == 0) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "slot-full", "problem.booking.slot-full",
					show(slot.startsAt()));
		}
	}

	private void freeSeat(String branch, OffsetDateTime startsAt) {
		this.jdbc.sql("update booking_slot set booked = booked - 1 where branch = ? and starts_at = ?")
			.params(branch, startsAt)
			.update();
	}

	private Booking booking(ResultSet rs, int row) throws SQLException {
		OffsetDateTime startsAt = inZone(rs.getObject("slot_starts_at", OffsetDateTime.class));
		return new Booking(rs.getLong("id"), rs.getString("case_no"), rs.getString("branch"),
				rs.getString("branch_name"), startsAt, inZone(rs.getObject("slot_ends_at", OffsetDateTime.class)),
				rs.getString("status"), Booking.masked(rs.getString("phone_number")), changeableUntil(startsAt),
				inZone(rs.getObject("booked_at", OffsetDateTime.class)),
				inZone(rs.getObject("reminder_sent_at", OffsetDateTime.class)), rs.getObject("window_no", Integer.class));
	}

	private OffsetDateTime inZone(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(zone()).toOffsetDateTime();
	}

	private String show(OffsetDateTime at) {
		return BookingTexts.show(at.atZoneSameInstant(zone()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

	private static CaseNo caseNo(String value) {
		if (value == null || !CaseNo.isValid(value)) {
			throw new CaseNotFound(String.valueOf(value));
		}
		return new CaseNo(value);
	}

	private static void require(boolean present) {
		if (!present) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-booking", "problem.booking.invalid");
		}
	}

	private static ProblemException alreadyBooked(String caseNo) {
		return ProblemException.refusal(HttpStatus.CONFLICT, "case-already-booked", "problem.booking.case-already-booked",
				caseNo);
	}

	private static ProblemException notFound(long id) {
		return ProblemException.refusal(HttpStatus.NOT_FOUND, "booking-not-found", "problem.booking.not-found", id);
	}

}
