package cn.example.servicehall.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.booking.Booking;
import cn.example.servicehall.booking.Bookings;
import cn.example.servicehall.booking.Branch;
import cn.example.servicehall.booking.Branches;
import cn.example.servicehall.booking.Slot;
import cn.example.servicehall.booking.Slots;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 预约面签 from the sales office: once the fund centre has approved the loan, the agent picks a branch, a working day and
 * a slot with seats free for the buyer's signing visit, with the buyer's mobile number for the reminder; the booking can
 * be moved to another slot or cancelled until the end of the day before. The booking rules (capacity, the day before,
 * who may book) are {@link Bookings}'s; this page only shows them and binds to the API's {@link Bookings.NewBooking}.
 */
@Controller
@RequestMapping("/sales-office/cases/{caseNo}/signing")
class SalesOfficeSigningPageController {

	/** How many days ahead the page offers (the API allows up to {@link Slots#MAX_DAYS}). */
	static final int DAYS_AHEAD = 20;

	private final CaseFiles cases;

	private final Branches branches;

	private final Slots slots;

	private final Bookings bookings;

	private final Developers developers;

	private final Clock clock;

	private final MessageSource messages;

	SalesOfficeSigningPageController(CaseFiles cases, Branches branches, Slots slots, Bookings bookings,
			Developers developers, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.cases = cases;
		this.branches = branches;
		this.slots = slots;
		this.bookings = bookings;
		this.developers = developers;
		this.clock = clock;
	}

	/** The case's booking, if any, and the slots of a branch's working day to choose from. */
	@GetMapping
	String show(@PathVariable String caseNo, @RequestParam(required = false) String branch,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			CurrentOfficer officer, Model model) {
		salesOffice(officer);
		CaseFile file = this.cases.getVisible(CasePages.caseNo(caseNo), officer);
		Optional<Booking> booking = this.bookings.active(file.caseNo().value());
		Branch chosen = this.branches.findOrFirst(branch != null ? branch : booking.map(Booking::branch).orElse(null))
			.orElseThrow();
		LocalDate tomorrow = LocalDate.now(this.clock).plusDays(1);
		List<Slot> ahead = this.slots.between(chosen.code(), tomorrow, tomorrow.plusDays(DAYS_AHEAD - 1));
		Map<LocalDate, Integer> days = new LinkedHashMap<>();
		ahead.forEach(slot -> days.merge(slot.date(), slot.bookable() ? slot.available() : 0, Integer::sum));
		LocalDate shown = day != null && days.containsKey(day) ? day
				: days.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst()
					.orElse(days.keySet().stream().findFirst().orElse(tomorrow));
		model.addAttribute("file", file);
		model.addAttribute("booking", booking.orElse(null));
		model.addAttribute("canBook", booking.isPresent() || this.bookings.awaitsSigningAppointment(file));
		model.addAttribute("branches", this.branches.all());
		model.addAttribute("branch", chosen);
		model.addAttribute("days", days);
		model.addAttribute("day", shown);
		model.addAttribute("slots", ahead.stream().filter(slot -> slot.date().equals(shown)).toList());
		return "workbench/sales-office-signing";
	}

	/** 预约 or 改约: a new booking, or the case's booking moved to the chosen slot. */
	@PostMapping
	String book(@PathVariable String caseNo, @RequestParam(required = false) String branch,
			@RequestParam(required = false) OffsetDateTime startsAt,
			@RequestParam(required = false) String phoneNumber, CurrentOfficer officer, RedirectAttributes flash) {
		salesOffice(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		String back = "redirect:/sales-office/cases/" + number.value() + "/signing";
		if (startsAt == null) {
			flash.addFlashAttribute(Flash.REFUSAL,
					this.messages.getMessage("workbench.signing.choose-slot", null, LocaleContextHolder.getLocale()));
			return back + (branch != null ? "?branch=" + branch : "");
		}
		try {
			Optional<Booking> booking = this.bookings.active(this.cases.getVisible(number, officer).caseNo().value());
			Booking done = booking.isPresent()
					? this.bookings.reschedule(booking.get().id(), branch, startsAt, officer)
					: this.bookings.book(new Bookings.NewBooking(number.value(), branch, startsAt,
							phoneNumber == null ? null : phoneNumber.strip()), officer);
			Flash.done(flash, booking.isPresent() ? "workbench.signing.flash.moved" : "workbench.signing.flash.booked",
					done.branchName(), done.startsAt().toLocalDate(), done.startsAt().toLocalTime(),
					done.endsAt().toLocalTime());
			return "redirect:/sales-office/cases/" + number.value();
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
			return back + (branch != null ? "?branch=" + branch : "");
		}
	}

	/** 取消预约, until the end of the day before. */
	@PostMapping("/cancellation")
	String cancel(@PathVariable String caseNo, CurrentOfficer officer, RedirectAttributes flash) {
		salesOffice(officer);
		CaseNo number = CasePages.caseNo(caseNo);
		try {
			Booking booking = this.bookings.active(this.cases.getVisible(number, officer).caseNo().value())
				.orElseThrow(() -> ProblemException.refusal(HttpStatus.CONFLICT, "no-booking",
						"problem.booking.no-booking", number.value()));
			this.bookings.cancel(booking.id(), officer);
			Flash.done(flash, "workbench.signing.flash.cancelled");
		}
		catch (ProblemException ex) {
			Flash.refused(flash, ex);
		}
		return "redirect:/sales-office/cases/" + number.value() + "/signing";
	}

	private void salesOffice(CurrentOfficer officer) {
		SalesOfficePageController.companyOf(officer, this.developers);
	}

}
