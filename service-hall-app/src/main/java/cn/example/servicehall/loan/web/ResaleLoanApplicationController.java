package cn.example.servicehall.loan.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
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
import cn.example.servicehall.intake.CaseView;
import cn.example.servicehall.loan.ResaleLoanApplications;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/loan/resale-applications")
@Tag(name = "Resale loans", description = "二手房公积金贷款")
class ResaleLoanApplicationController {

	private final ResaleLoanApplications applications;

	private final CaseFiles cases;

	private final IdempotentRequests idempotent;

	ResaleLoanApplicationController(ResaleLoanApplications applications, CaseFiles cases,
			IdempotentRequests idempotent) {
		this.applications = applications;
		this.cases = cases;
		this.idempotent = idempotent;
	}

	@PostMapping
	@Operation(summary = "Submit a resale-loan application at the window (opens a case)")
	ResponseEntity<?> submit(
			@Parameter(description = "A unique key per application, reused when retrying")
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
			@Valid @RequestBody SubmitResaleLoanApplication application, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " loan.resale-application.submit", application,
				() -> {
					CaseNo caseNo = this.applications.submit(application, officer);
					return ResponseEntity.created(URI.create("/api/cases/" + caseNo))
						.body(CaseView.of(this.cases.get(caseNo), this.cases.history(caseNo)));
				});
	}

	/** @param remark the acceptance clerk's note, if any */
	record AcceptApplication(@Size(max = 500, message = "{loan.remark.length}") String remark) {
	}

	@PostMapping("/{caseNo}/acceptance")
	@Operation(summary = "窗口受理: the acceptance clerk accepts the application")
	CaseView accept(@PathVariable String caseNo, @Valid @RequestBody(required = false) AcceptApplication body,
			CurrentOfficer officer) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		CaseNo number = new CaseNo(caseNo);
		this.applications.accept(number, officer, body == null ? null : body.remark());
		return CaseView.of(this.cases.get(number), this.cases.history(number));
	}

}
