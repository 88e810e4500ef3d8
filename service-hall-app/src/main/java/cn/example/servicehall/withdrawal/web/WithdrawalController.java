package cn.example.servicehall.withdrawal.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

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
import cn.example.servicehall.intake.CaseView;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.withdrawal.OffsetAgreementTermination;
import cn.example.servicehall.withdrawal.OffsetAgreements;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalOpinion;
import cn.example.servicehall.withdrawal.Withdrawals;

@RestController
@RequestMapping("/api/withdrawals")
@Tag(name = "Withdrawals", description = "公积金提取: every statutory type at the counter and from the online hall, "
		+ "decided by the rules in seconds where the systems' data allows, otherwise reviewed (and approved by a second "
		+ "person above the city's amount)")
class WithdrawalController {

	private final Withdrawals withdrawals;

	private final CaseFiles cases;

	private final IdempotentRequests idempotent;

	private final OffsetAgreements agreements;

	WithdrawalController(Withdrawals withdrawals, CaseFiles cases, IdempotentRequests idempotent,
			OffsetAgreements agreements) {
		this.withdrawals = withdrawals;
		this.agreements = agreements;
		this.cases = cases;
		this.idempotent = idempotent;
	}

	/**
	 * A withdrawal case.
	 * @param caseFile the case and its status history
	 * @param withdrawal the withdrawal's data: what was claimed, the rules' decision, opinions, the payment
	 */
	record WithdrawalCaseResponse(CaseView caseFile, Withdrawals.WithdrawalView withdrawal) {
	}

	@PostMapping("/assessment")
	@Operation(summary = "What the rules say of an application today (eligibility in words, amount, review, flags); "
			+ "writes nothing. The counter's form asks it as the clerk types")
	Withdrawals.Assessment assess(@Valid @RequestBody WithdrawalApplication application) {
		return this.withdrawals.assess(application);
	}

	@PostMapping
	@Operation(summary = "Submit a withdrawal (opens a case, accepted at once): 受理岗 at the counter, channel WINDOW; "
			+ "the online hall's system under its own client, channel ONLINE")
	ResponseEntity<?> submit(
			@Parameter(description = "A unique key per application, reused when retrying")
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
			@Valid @RequestBody WithdrawalApplication application, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " withdrawal.submit", application, () -> {
			CaseNo caseNo = this.withdrawals.submit(application, officer);
			return ResponseEntity.created(URI.create("/api/withdrawals/" + caseNo)).body(view(caseNo, officer));
		});
	}

	@GetMapping("/{caseNo}")
	@Operation(summary = "A withdrawal case: status, history, the rules' decision, opinions, the booking and the transfer")
	WithdrawalCaseResponse show(@PathVariable String caseNo, CurrentOfficer officer) {
		return view(caseNo(caseNo), officer);
	}

	@PostMapping("/{caseNo}/review")
	@Operation(summary = "提取审核: approve or refuse what the rules could not decide; 初审岗")
	WithdrawalCaseResponse review(@PathVariable String caseNo, @Valid @RequestBody WithdrawalOpinion opinion,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.withdrawals.review(number, officer, opinion.approves(), opinion.opinion().strip());
		return view(number, officer);
	}

	@PostMapping("/{caseNo}/approval")
	@Operation(summary = "提取复核 (四眼): a second person approves or refuses above the city's amount; 审批岗")
	WithdrawalCaseResponse approve(@PathVariable String caseNo, @Valid @RequestBody WithdrawalOpinion opinion,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.withdrawals.approve(number, officer, opinion.approves(), opinion.opinion().strip());
		return view(number, officer);
	}

	@PostMapping("/{caseNo}/offset-agreement/termination")
	@Operation(summary = "终止委托按月提取还贷协议: the citizen ends the standing monthly repayment offset; no month is "
			+ "paid after it. 受理岗 at the counter, or the online hall's system")
	WithdrawalCaseResponse endOffsetAgreement(@PathVariable String caseNo,
			@Valid @RequestBody(required = false) OffsetAgreementTermination termination, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.agreements.endOnRequest(number, officer, termination == null ? null : termination.noteOrNull());
		return view(number, officer);
	}

	private WithdrawalCaseResponse view(CaseNo caseNo, CurrentOfficer officer) {
		Withdrawals.WithdrawalView withdrawal = this.withdrawals.view(caseNo, officer)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "not-a-withdrawal",
					"problem.withdrawal.not-a-withdrawal", caseNo.value()));
		return new WithdrawalCaseResponse(CaseView.of(this.cases.getVisible(caseNo, officer), this.cases.history(caseNo)),
				withdrawal);
	}

	private static CaseNo caseNo(String value) {
		if (!CaseNo.isValid(value)) {
			throw new CaseNotFound(value);
		}
		return new CaseNo(value);
	}

}
