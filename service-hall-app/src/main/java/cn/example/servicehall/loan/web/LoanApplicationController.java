package cn.example.servicehall.loan.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.SubmitNewHouseLoanApplication;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/loan")
@Tag(name = "Loans", description = "公积金贷款: resale loans at the window, new-house loans from developers online")
class LoanApplicationController {

	private final LoanApplications applications;

	private final CaseFiles cases;

	private final IdempotentRequests idempotent;

	LoanApplicationController(LoanApplications applications, CaseFiles cases, IdempotentRequests idempotent) {
		this.applications = applications;
		this.cases = cases;
		this.idempotent = idempotent;
	}

	@PostMapping("/resale-applications")
	@Operation(summary = "Submit a resale-loan application at the window (opens a case); 受理岗")
	ResponseEntity<?> submitAtWindow(
			@Parameter(description = "A unique key per application, reused when retrying")
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
			@Valid @RequestBody SubmitResaleLoanApplication application, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " loan.resale-application.submit", application,
				() -> created(this.applications.submitAtWindow(application, officer), officer));
	}

	@PostMapping("/new-house-applications")
	@Operation(summary = "Submit a new-house loan application online for the agent's developer company (opens a case)")
	ResponseEntity<?> submitOnline(
			@Parameter(description = "A unique key per application, reused when retrying")
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
			@Valid @RequestBody SubmitNewHouseLoanApplication application, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " loan.new-house-application.submit", application,
				() -> created(this.applications.submitOnline(application, officer), officer));
	}

	/** @param remark the acceptance clerk's note, if any */
	record Acceptance(@Size(max = 500, message = "{loan.remark.length}") String remark) {
	}

	/** @param opinion the reviewer's or approver's opinion, as it goes on file */
	record Opinion(@NotBlank(message = "{loan.opinion.required}") @Size(max = 500, message = "{loan.remark.length}") String opinion) {
	}

	@PostMapping("/applications/{caseNo}/acceptance")
	@Operation(summary = "受理: the acceptance clerk accepts the application")
	CaseView accept(@PathVariable String caseNo, @Valid @RequestBody(required = false) Acceptance body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.applications.accept(number, officer, body == null ? null : body.remark());
		return view(number, officer);
	}

	@PostMapping("/applications/{caseNo}/first-review")
	@Operation(summary = "初审: the first reviewer's opinion")
	CaseView firstReview(@PathVariable String caseNo, @Valid @RequestBody Opinion body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.applications.firstReview(number, officer, body.opinion());
		return view(number, officer);
	}

	@PostMapping("/applications/{caseNo}/approval")
	@Operation(summary = "审批: the approver decides (four-eyes: neither the case's clerk nor its first reviewer)")
	CaseView approve(@PathVariable String caseNo, @Valid @RequestBody Opinion body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.applications.approve(number, officer, body.opinion());
		return view(number, officer);
	}

	private ResponseEntity<?> created(CaseNo caseNo, CurrentOfficer officer) {
		return ResponseEntity.created(URI.create("/api/cases/" + caseNo)).body(view(caseNo, officer));
	}

	private CaseView view(CaseNo caseNo, CurrentOfficer officer) {
		return CaseView.of(this.cases.getVisible(caseNo, officer), this.cases.history(caseNo));
	}

	private static CaseNo caseNo(String value) {
		if (!CaseNo.isValid(value)) {
			throw new CaseNotFound(value);
		}
		return new CaseNo(value);
	}

}
