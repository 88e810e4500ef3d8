package cn.example.servicehall.audit.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.audit.AuditReading;
import cn.example.servicehall.audit.AuditSearch;
import cn.example.servicehall.audit.AuditVerification;
import cn.example.servicehall.identity.CurrentOfficer;

/** The audit trail for the auditor (稽核岗) and, with ID numbers masked, the hall's managers. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail", description = "审计日志: search by person, case and staff member; a day's chain verified")
class AuditController {

	private final AuditReading reading;

	AuditController(AuditReading reading) {
		this.reading = reading;
	}

	@GetMapping("/entries")
	@Operation(summary = "Audit entries, newest first, a page of 100 at a time; resident ID numbers masked except for "
			+ "the auditor")
	AuditSearch.Found entries(@RequestParam(required = false) String person,
			@RequestParam(name = "case", required = false) String caseNo, @RequestParam(required = false) String staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, CurrentOfficer officer) {
		return this.reading.search(new AuditSearch.Criteria(person, caseNo, staff, from, to, Math.max(0, page)), officer);
	}

	@GetMapping("/days/{day}")
	@Operation(summary = "Walks the day's chain and its seal; reports the first gap, altered row or broken link")
	AuditVerification.DayReport verify(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return this.reading.verify(day);
	}

}
