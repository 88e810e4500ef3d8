package cn.example.servicehall.intake.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.Visit;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/cases/{caseNo}/visits")
@Tag(name = "Visits", description = "来访登记: each time the citizen came to a counter for the case (最多跑一次)")
class CaseVisitsController {

	private final CaseFiles cases;

	private final IdempotentRequests idempotent;

	CaseVisitsController(CaseFiles cases, IdempotentRequests idempotent) {
		this.cases = cases;
		this.idempotent = idempotent;
	}

	/**
	 * A check-in.
	 * @param purpose SUBMISSION, SUPPLEMENT, SIGNING, COLLECTION, ENQUIRY or OTHER
	 */
	@Schema(name = "VisitCheckIn")
	record CheckIn(@NotNull(message = "{intake.visit.purpose.required}") Visit.Purpose purpose) {
	}

	@GetMapping
	@Operation(summary = "The case's visits, oldest first")
	List<Visit> list(@PathVariable String caseNo, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.cases.getVisible(number, officer);
		return this.cases.visits(number);
	}

	@PostMapping
	@Operation(summary = "Checks the citizen in at a counter for the case (submitting at the window does it by itself); "
			+ "with an Idempotency-Key, a retry answers the first check-in instead of recording a second visit")
	ResponseEntity<?> checkIn(@PathVariable String caseNo,
			@Parameter(description = "A unique key per check-in, reused when retrying")
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody CheckIn checkIn, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		java.util.function.Supplier<ResponseEntity<?>> work = () -> ResponseEntity.status(HttpStatus.CREATED)
			.body(this.cases.checkIn(number, checkIn.purpose(), officer));
		if (idempotencyKey == null) {
			return work.get();
		}
		return this.idempotent.once(idempotencyKey, officer.id() + " intake.visit.check-in " + number.value(), checkIn,
				work);
	}

	private static CaseNo caseNo(String caseNo) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		return new CaseNo(caseNo);
	}

}
