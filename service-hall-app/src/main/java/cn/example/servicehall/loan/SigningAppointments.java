package cn.example.servicehall.loan;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.example.servicehall.booking.BookingPurposes;
import cn.example.servicehall.booking.BookingRecorded;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.process.LoanWorkflow;

/**
 * 预约面签: an approved new-house case waits for the buyer's signing appointment (booking module). The booking and the
 * check-in are written into the case's history ({@link #SIGNING_BOOKED}, {@link #SIGNING_CHECKED_IN}: the stretch
 * between them is the citizen's time, which sla's clocks leave out), and the check-in moves the case on to signing.
 * Runs inside the booking's transaction: a booking that cannot be recorded here is not made. Booking asks this
 * ({@link BookingPurposes}) before it takes a seat: only a new-house case waiting for the buyer's check-in can be booked.
 */
@Component
class SigningAppointments implements BookingPurposes {

	/** The history action of the buyer's booked (or moved) signing slot. */
	static final String SIGNING_BOOKED = "SIGNING_BOOKED";

	/** The history action of the buyer's check-in at the hall for signing. */
	static final String SIGNING_CHECKED_IN = "SIGNING_CHECKED_IN";

	private final CaseFiles cases;

	private final LoanWorkflow workflow;

	SigningAppointments(CaseFiles cases, LoanWorkflow workflow) {
		this.cases = cases;
		this.workflow = workflow;
	}

	/** Between approval and the buyer's check-in, and never for a case of another service. */
	@Override
	public boolean awaitsSigningAppointment(CaseFile file) {
		return ServiceType.NEW_HOUSE_LOAN.equals(file.serviceType()) && this.workflow.awaitsSigningCheckIn(file.caseNo());
	}

	@EventListener
	void on(BookingRecorded booking) {
		CaseNo caseNo = new CaseNo(booking.caseNo());
		if (!this.workflow.awaitsSigningCheckIn(caseNo)) {
			return;
		}
		switch (booking.action()) {
			case BookingRecorded.BOOKED -> this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), SIGNING_BOOKED,
					null, Agency.SYSTEM, "预约面签 " + booking.branch() + " " + booking.slotStartsAt());
			case BookingRecorded.CHECKED_IN -> {
				this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), SIGNING_CHECKED_IN, null, Agency.SYSTEM,
						"购房人到场取号（" + booking.branch() + "）");
				this.workflow.signingCheckedIn(caseNo);
			}
			default -> {
				// a moved or cancelled slot: the case keeps waiting for the buyer
			}
		}
	}

}
