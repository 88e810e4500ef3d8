package cn.example.servicehall.loan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.agencies.BankCore;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.loan.process.LoanWorkflow;
import cn.example.servicehall.loan.process.NewHouseLoanProcess;
import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.numbering.RunningNumbers;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;

/**
 * From approval to the end: contract signing by every party, mortgage registration, the bank's payment to the
 * seller, the IOU and completion. Each step that issues a document publishes an event for it.
 */
@Service
public class LoanSettlements {

	private final CaseFiles cases;

	private final LoanRecords records;

	private final LoanWorkflow workflow;

	private final BankCore bank;

	private final RunningNumbers numbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LoanCollisions collisions;

	private final TransactionTemplate ownTransaction;

	private final Payees payees;

	LoanSettlements(CaseFiles cases, LoanRecords records, LoanWorkflow workflow, BankCore bank, RunningNumbers numbers,
			ApplicationEventPublisher events, Clock clock, LoanCollisions collisions,
			PlatformTransactionManager transactions, Payees payees) {
		this.payees = payees;
		this.cases = cases;
		this.records = records;
		this.workflow = workflow;
		this.bank = bank;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
		this.collisions = collisions;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The history action of a payment the hall's own records stopped. */
	static final String DISBURSEMENT_HELD = "DISBURSEMENT_HELD";

	/** 合同面签: one party's signing step. */
	@Transactional
	public void sign(CaseNo caseNo, ContractParty party, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		String step = switch (party) {
			case FUND_CENTRE -> cn.example.servicehall.loan.process.LoanStages.TASK_SIGN_AT_FUND_CENTRE;
			case BANK -> cn.example.servicehall.loan.process.LoanStages.TASK_SIGN_AT_BANK;
			case GUARANTOR -> cn.example.servicehall.loan.process.LoanStages.TASK_SIGN_AT_GUARANTOR;
		};
		OpenCaseTask open = this.workflow.checkOpen(caseNo, step, "合同面签", officer);
		for (String signature : party.signatures(this.records.hasCoBorrower(caseNo))) {
			this.records.insertSignature(caseNo, signature, officer.id());
		}
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), "CONTRACT_SIGNED_BY_" + party.name(), officer.id(),
				agencyOf(party), null);
		this.workflow.completeStep(open, officer, null, false);
	}

	/** 登记借款合同: every party signed; the contract gets its number and is due as a document. */
	@Transactional
	public String recordContract(CaseNo caseNo) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String contractNo = this.numbers.next("JK", Integer.toString(now.getYear()), 6);
		OffsetDateTime signedAt = this.records.insertContract(caseNo, contractNo);
		this.cases.recordStep(caseNo, LoanStage.CONTRACT_SIGNED, "CONTRACT_RECORDED", null, Agency.HPF,
				"借款合同 " + contractNo);
		this.events.publishEvent(new ContractSigned(caseNo, contractNo, signedAt));
		return contractNo;
	}

	/** 抵押登记: the registry's clerk records the certificate of the mortgage (不动产登记证明). */
	@Transactional
	public void registerMortgage(CaseNo caseNo, CurrentOfficer clerk, String certificateNo) {
		this.cases.getVisible(caseNo, clerk);
		OpenCaseTask open = this.workflow.checkOpen(caseNo,
				cn.example.servicehall.loan.process.LoanStages.TASK_REGISTER_MORTGAGE, "抵押登记", clerk);
		if (this.records.certificateTaken(certificateNo)) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "certificate-in-use", "problem.loan.certificate-in-use",
					certificateNo);
		}
		this.records.insertMortgage(caseNo, certificateNo, clerk.id());
		this.cases.recordStep(caseNo, LoanStage.MORTGAGE_REGISTERED, "MORTGAGE_REGISTERED", clerk.id(), Agency.REGISTRY,
				"不动产登记证明 " + certificateNo);
		this.workflow.completeStep(open, clerk, null, false);
	}

	/**
	 * 转移登记+抵押登记合并办理 in a bundle (ADR 0009): the registry registered the mortgage together with the title's
	 * transfer, so the registry's 不动产登记证明 is recorded as the loan's mortgage without a clerk's step; once.
	 */
	@Transactional
	public void recordJointMortgage(CaseNo caseNo, String certificateNo) {
		if (this.records.find(caseNo).flatMap(LoanCase::mortgage).isPresent()) {
			return;
		}
		this.records.insertMortgage(caseNo, certificateNo, "registry");
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), "MORTGAGE_REGISTERED", null, Agency.REGISTRY,
				"不动产登记证明 " + certificateNo + "（与转移登记合并办理）");
	}

	/** 预告登记（预抵押）: the registry's clerk records the certificate of a new house's pre-mortgage. */
	@Transactional
	public void registerPreMortgage(CaseNo caseNo, CurrentOfficer clerk, String certificateNo) {
		this.cases.getVisible(caseNo, clerk);
		OpenCaseTask open = this.workflow.checkOpen(caseNo, NewHouseLoanProcess.TASK_REGISTER_PRE_MORTGAGE, "预告登记",
				clerk);
		refuseTakenCertificate(certificateNo);
		this.records.insertPreMortgage(caseNo, certificateNo, clerk.id());
		this.cases.recordStep(caseNo, LoanStage.MORTGAGE_REGISTERED, PRE_MORTGAGE_REGISTERED, clerk.id(),
				Agency.REGISTRY, "预告登记证明 " + certificateNo);
		this.workflow.completeStep(open, clerk, null, false);
	}

	/**
	 * 预抵押转现抵押: when the house is delivered, the registry's clerk records the mortgage the pre-mortgage became;
	 * the loan's collateral file is closed. The case itself was completed at disbursement and stays so.
	 */
	@Transactional
	public void convertPreMortgage(CaseNo caseNo, CurrentOfficer clerk, String certificateNo) {
		this.cases.getVisible(caseNo, clerk);
		OpenCaseTask open = this.workflow.checkOpen(caseNo, NewHouseLoanProcess.TASK_CONVERT_PRE_MORTGAGE,
				"预抵押转现抵押", clerk);
		refuseTakenCertificate(certificateNo);
		if (!this.records.convertPreMortgage(caseNo, certificateNo, clerk.id())) {
			throw new IllegalStateException("No pre-mortgage to convert: " + caseNo);
		}
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), MORTGAGE_CONVERTED, clerk.id(), Agency.REGISTRY,
				"不动产登记证明 " + certificateNo);
		this.workflow.completeStep(open, clerk, null, false);
	}

	/** The history action of the registry's pre-mortgage. */
	public static final String PRE_MORTGAGE_REGISTERED = "PRE_MORTGAGE_REGISTERED";

	/** The history action of the pre-mortgage's conversion into a mortgage. */
	public static final String MORTGAGE_CONVERTED = "MORTGAGE_CONVERTED";

	private void refuseTakenCertificate(String certificateNo) {
		if (this.records.certificateTaken(certificateNo)) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "certificate-in-use", "problem.loan.certificate-in-use",
					certificateNo);
		}
	}

	/**
	 * 放款: the bank pays the approved amount to the seller's account under the case's own order id. A retry after a
	 * lost answer gets the same payment back from the bank: never two. Two attempts at once pay once: each waits for
	 * the case's people and flat ({@link LoanCollisions#lock}) and then reads whether the other paid. Nothing is paid
	 * while another open or paid loan case names the borrower, the spouse or the flat: the case's history says which
	 * (once), and the step fails until a clerk has ended the other case and the step is retried.
	 */
	@Transactional
	public LoanCase.Disbursement disburse(CaseNo caseNo) {
		LoanCase loan = this.records.find(caseNo).orElseThrow();
		LoanCollisions.Claims claims = LoanCollisions.Claims.of(loan);
		this.collisions.lock(claims);
		Optional<LoanCase.Disbursement> paid = this.records.disbursementOf(caseNo);
		if (paid.isPresent()) {
			return paid.get();
		}
		List<LoanCollisions.Collision> held = this.collisions.find(claims, Optional.of(caseNo));
		if (!held.isEmpty()) {
			String why = HallMessages.text("loan.disbursement-held", LoanCollisions.describe(held, claims, other -> true),
					LoanCollisions.shownInEnglish(held, other -> true));
			noteOnce(caseNo, why);
			throw new DisbursementHeld(caseNo + ": " + why);
		}
		LoanCase.Approval approval = loan.approval().orElseThrow(() -> new IllegalStateException("Not approved: " + caseNo));
		Payees.Payee payee = this.payees.of(loan);
		String orderId = "FK" + caseNo.value();
		BankCore.Payment payment = this.bank.pay(new BankCore.PaymentOrder(orderId, approval.approvedAmount(),
				payee.accountName(), payee.bank(), payee.accountNo(), "公积金贷款受托支付 " + caseNo.value()));
		LoanCase.Disbursement disbursement = new LoanCase.Disbursement(orderId, payment.amount(), payee.accountName(),
				payee.bank(), payee.accountNo(), payment.bankReference(), payment.executedAt());
		this.records.keepDisbursement(caseNo, disbursement);
		this.cases.recordStep(caseNo, LoanStage.DISBURSED, "DISBURSED", null, Agency.BANK,
				"受托支付 " + Yuan.of(payment.amount()) + payee.shown() + "，银行流水 " + payment.bankReference());
		this.events.publishEvent(new LoanDisbursed(caseNo, payment.amount(), payment.bankReference(), payment.executedAt()));
		return disbursement;
	}

	/** 出具借款借据. */
	@Transactional
	public String issueIou(CaseNo caseNo) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String iouNo = this.numbers.next("JJ", Integer.toString(now.getYear()), 6);
		var amount = this.records.disbursementOf(caseNo).orElseThrow().amount();
		OffsetDateTime issuedAt = this.records.insertIou(caseNo, iouNo, amount);
		this.events.publishEvent(new IouIssued(caseNo, iouNo, amount, issuedAt));
		return iouNo;
	}

	/** 办结. */
	@Transactional
	public void complete(CaseNo caseNo) {
		this.cases.close(caseNo, CaseStatus.COMPLETED, List.of(), null, Agency.HPF);
	}

	/** What the case's loan came to (a bundle's completion receipt lists it); empty when the case has no loan. */
	@Transactional(readOnly = true)
	public Optional<LoanCase.Outcome> outcome(CaseNo caseNo) {
		return this.records.termsOf(caseNo).map(terms -> this.records.outcomeOf(caseNo));
	}

	/** 登记撤回. */
	@Transactional
	public void recordWithdrawal(CaseNo caseNo, String reason) {
		this.cases.close(caseNo, CaseStatus.WITHDRAWN, reason == null ? List.of("申请人撤回申请") : List.of(reason), null,
				Agency.HPF);
	}

	/** Writes why the payment waits into the case's history, in a transaction of its own: the step itself fails. */
	private void noteOnce(CaseNo caseNo, String why) {
		this.ownTransaction.executeWithoutResult(status -> {
			boolean noted = this.cases.history(caseNo)
				.stream()
				.anyMatch(event -> DISBURSEMENT_HELD.equals(event.action()) && why.equals(event.remark()));
			if (!noted) {
				this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), DISBURSEMENT_HELD, null, Agency.SYSTEM, why);
			}
		});
	}

	/** The payment waits: another case holds the borrower, the spouse or the flat. */
	static final class DisbursementHeld extends IllegalStateException {

		DisbursementHeld(String message) {
			super(message);
		}

	}

	private static Agency agencyOf(ContractParty party) {
		return switch (party) {
			case FUND_CENTRE -> Agency.HPF;
			case BANK -> Agency.BANK;
			case GUARANTOR -> Agency.GUARANTOR;
		};
	}

}
