package cn.example.servicehall.intake.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.Visit;

@RestController
@RequestMapping("/api/cases/{caseNo}/visits")
@Tag(name = "Visits", description = "来访登记: each time the citizen came to a counter for the case (最多跑一次)")
class CaseVisitsController {

	private final CaseFiles cases;

	CaseVisitsController(CaseFiles cases) {
		this.cases = cases;
	}

	/**
	 * A check-in.
	 * @param purpose SUBMISSION, SUPPLEMENT, SIGNING, COLLECTION, ENQUIRY or OTHER
	 */
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
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Checks the citizen in at a counter for the case (submitting at the window does it by itself)")
	Visit checkIn(@PathVariable String caseNo, @Valid @RequestBody CheckIn checkIn, CurrentOfficer officer) {
		return this.cases.checkIn(caseNo(caseNo), checkIn.purpose(), officer);
	}

	private static CaseNo caseNo(String caseNo) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		return new CaseNo(caseNo);
	}

}
