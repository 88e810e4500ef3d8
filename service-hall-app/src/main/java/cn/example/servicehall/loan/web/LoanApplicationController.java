package cn.example.servicehall.loan.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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
import cn.example.servicehall.intake.CaseRequests;
import cn.example.servicehall.intake.CaseView;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.loan.ContractParty;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.LoanReviews;
import cn.example.servicehall.loan.LoanSettlements;
import cn.example.servicehall.loan.StepRequests;
import cn.example.servicehall.loan.SubmitNewHouseLoanApplication;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.loan.calculation.Instalment;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/loan")
@Tag(name = "Loans", description = "公积金贷款: resale loans at the window, new-house loans from developers online, "
		+ "and every agency's step of a case")
class LoanApplicationController {

	private final LoanApplications applications;

	private final LoanReviews reviews;

	private final LoanSettlements settlements;

	private final CaseFiles cases;

	private final IdempotentRequests idempotent;

	LoanApplicationController(LoanApplications applications, LoanReviews reviews, LoanSettlements settlements,
			CaseFiles cases, IdempotentRequests idempotent) {
		this.applications = applications;
		this.reviews = reviews;
		this.settlements = settlements;
		this.cases = cases;
		this.idempotent = idempotent;
	}

	/**
	 * A loan case: the case with its history, and the loan's data stage by stage.
	 * @param caseFile the case and its status history
	 * @param loan the loan's data
	 */
	record LoanCaseResponse(CaseView caseFile, LoanCase loan) {
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

	@GetMapping("/applications/{caseNo}")
	@Operation(summary = "A loan case: status, history, applicants, property, findings, decision, contract, payment")
	LoanCaseResponse show(@PathVariable String caseNo, CurrentOfficer officer) {
		return view(caseNo(caseNo), officer);
	}

	@GetMapping("/applications/{caseNo}/schedule")
	@Operation(summary = "还款计划: the repayment schedule kept at approval, exact to the fen")
	List<Instalment> schedule(@PathVariable String caseNo, CurrentOfficer officer) {
		return this.applications.schedule(caseNo(caseNo), officer);
	}

	@GetMapping("/applications/{caseNo}/checklist")
	@Operation(summary = "材料清单: what the acceptance clerk checks for this case")
	List<Material> checklist(@PathVariable String caseNo, CurrentOfficer officer) {
		return this.applications.checklist(caseNo(caseNo), officer);
	}

	/**
	 * @param materials every item of the checklist (by code): provided or not
	 * @param remark the clerk's note
	 */
	record Acceptance(Map<String, Boolean> materials, @Size(max = 500, message = "{loan.remark.length}") String remark) {
	}

	/**
	 * @param caseFile the case after acceptance
	 * @param missingMaterials what the one-time notice lists; empty when the case was accepted
	 */
	record AcceptanceResult(CaseView caseFile, List<Material> missingMaterials) {
	}

	@PostMapping("/applications/{caseNo}/acceptance")
	@Operation(summary = "受理: the clerk records the checklist; all there accepts, anything missing issues one notice")
	AcceptanceResult accept(@PathVariable String caseNo, @Valid @RequestBody(required = false) Acceptance body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		List<Material> missing = this.applications.accept(number, officer, body == null ? Map.of() : body.materials(),
				body == null ? null : body.remark());
		return new AcceptanceResult(caseView(number, officer), missing);
	}

	@PostMapping("/applications/{caseNo}/materials-supplemented")
	@Operation(summary = "补正: the citizen brought the missing materials; back to acceptance")
	CaseView supplement(@PathVariable String caseNo, @Valid @RequestBody(required = false) CaseRequests.Remark body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.applications.supplementMaterials(number, officer, body == null ? null : body.remark());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/withdrawal")
	@Operation(summary = "撤回: the applicant withdraws before signing; every agency's open step ends")
	CaseView withdraw(@PathVariable String caseNo, @Valid @RequestBody CaseRequests.Withdrawal body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.applications.withdraw(number, officer, body.reason());
		return caseView(number, officer);
	}

	@PostMapping("/new-house-applications/{caseNo}/resubmission")
	@Operation(summary = "网上补正: the sales office has uploaded what the one-time notice lists and resubmits; "
			+ "back to online acceptance")
	CaseView resubmit(@PathVariable String caseNo, @Valid @RequestBody(required = false) CaseRequests.Remark body,
			CurrentOfficer agent) {
		CaseNo number = caseNo(caseNo);
		this.applications.resubmit(number, agent, body == null ? null : body.remark());
		return caseView(number, agent);
	}

	@PostMapping("/new-house-applications/{caseNo}/withdrawal")
	@Operation(summary = "撤回: the sales office withdraws its buyer's application before approval")
	CaseView withdrawOnline(@PathVariable String caseNo, @Valid @RequestBody CaseRequests.Withdrawal body,
			CurrentOfficer agent) {
		CaseNo number = caseNo(caseNo);
		this.applications.withdrawOnline(number, agent, body.reason());
		return caseView(number, agent);
	}

	@PostMapping("/applications/{caseNo}/credit-review")
	@Operation(summary = "银行信贷审查: the bank's opinion on credit and repayment capacity")
	CaseView reviewCredit(@PathVariable String caseNo, @Valid @RequestBody StepRequests.Review body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.reviews.reviewCredit(number, officer, body.outcome(), body.opinion());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/title-review")
	@Operation(summary = "不动产权属审查: the registry's opinion on the title")
	CaseView reviewTitle(@PathVariable String caseNo, @Valid @RequestBody StepRequests.Review body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.reviews.reviewTitle(number, officer, body.outcome(), body.opinion());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/guarantee-assessment")
	@Operation(summary = "担保评估: the guarantor's opinion")
	CaseView assessGuarantee(@PathVariable String caseNo, @Valid @RequestBody StepRequests.Review body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.reviews.assessGuarantee(number, officer, body.outcome(), body.opinion());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/first-review")
	@Operation(summary = "初审: pass (APPROVE), refuse or return to the window")
	CaseView firstReview(@PathVariable String caseNo, @Valid @RequestBody StepRequests.Review body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.reviews.firstReview(number, officer, body.outcome(), body.opinion());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/approval")
	@Operation(summary = "审批: approve an amount, refuse or return (four-eyes: neither the clerk nor the first reviewer)")
	CaseView approve(@PathVariable String caseNo, @Valid @RequestBody StepRequests.Approval body, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.reviews.approve(number, officer, body.outcome(), body.approvedAmount(), body.opinion());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/contract-signing/fund-centre")
	@Operation(summary = "合同面签: the borrower and co-borrower sign with the fund centre")
	CaseView signAtFundCentre(@PathVariable String caseNo, CurrentOfficer officer) {
		return sign(caseNo, ContractParty.FUND_CENTRE, officer);
	}

	@PostMapping("/applications/{caseNo}/contract-signing/bank")
	@Operation(summary = "合同签章: the entrusted bank signs")
	CaseView signAtBank(@PathVariable String caseNo, CurrentOfficer officer) {
		return sign(caseNo, ContractParty.BANK, officer);
	}

	@PostMapping("/applications/{caseNo}/contract-signing/guarantor")
	@Operation(summary = "担保面签: the guarantor signs")
	CaseView signAtGuarantor(@PathVariable String caseNo, CurrentOfficer officer) {
		return sign(caseNo, ContractParty.GUARANTOR, officer);
	}

	@PostMapping("/applications/{caseNo}/mortgage-registration")
	@Operation(summary = "抵押登记: the registry records the certificate of the mortgage")
	CaseView registerMortgage(@PathVariable String caseNo, @Valid @RequestBody StepRequests.MortgageRegistration body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.settlements.registerMortgage(number, officer, body.certificateNo().strip());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/pre-mortgage-registration")
	@Operation(summary = "预告登记（预抵押）: the registry records the certificate of a new house's pre-mortgage")
	CaseView registerPreMortgage(@PathVariable String caseNo, @Valid @RequestBody StepRequests.MortgageRegistration body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.settlements.registerPreMortgage(number, officer, body.certificateNo().strip());
		return caseView(number, officer);
	}

	@PostMapping("/applications/{caseNo}/pre-mortgage-conversion")
	@Operation(summary = "预抵押转现抵押: when the house is delivered, the registry records the mortgage the pre-mortgage became")
	CaseView convertPreMortgage(@PathVariable String caseNo, @Valid @RequestBody StepRequests.MortgageRegistration body,
			CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.settlements.convertPreMortgage(number, officer, body.certificateNo().strip());
		return caseView(number, officer);
	}

	private CaseView sign(String caseNo, ContractParty party, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		this.settlements.sign(number, party, officer);
		return caseView(number, officer);
	}

	private ResponseEntity<?> created(CaseNo caseNo, CurrentOfficer officer) {
		return ResponseEntity.created(URI.create("/api/loan/applications/" + caseNo)).body(view(caseNo, officer));
	}

	private LoanCaseResponse view(CaseNo caseNo, CurrentOfficer officer) {
		LoanCase loan = this.applications.loanCase(caseNo, officer);
		return new LoanCaseResponse(caseView(caseNo, officer), loan);
	}

	private CaseView caseView(CaseNo caseNo, CurrentOfficer officer) {
		return CaseView.of(this.cases.getVisible(caseNo, officer), this.cases.history(caseNo));
	}

	private static CaseNo caseNo(String value) {
		if (!CaseNo.isValid(value)) {
			throw new CaseNotFound(value);
		}
		return new CaseNo(value);
	}

}
