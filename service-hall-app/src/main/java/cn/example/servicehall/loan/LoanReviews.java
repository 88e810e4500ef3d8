package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.calculation.RepaymentMethod;
import cn.example.servicehall.loan.calculation.RepaymentSchedule;
import cn.example.servicehall.loan.calculation.RepaymentSchedules;
import cn.example.servicehall.loan.policy.InterestRates;
import cn.example.servicehall.loan.process.LoanStages;
import cn.example.servicehall.loan.process.LoanWorkflow;
import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;

/**
 * The reviews of a loan case: each agency's (bank credit, registry title, guarantor), the fund centre's first review,
 * and the approval under the four-eyes rule; a refusal anywhere ends the case with its reasons.
 */
@Service
public class LoanReviews {

	/** History action of a first review, whatever its outcome (four-eyes looks for it). */
	public static final String FIRST_REVIEWED = "FIRST_REVIEWED";

	/** History action of an approval decision, whatever its outcome. */
	public static final String APPROVED = "APPROVAL_DECIDED";

	static final String CREDIT = "CREDIT";

	static final String TITLE = "TITLE";

	static final String GUARANTEE = "GUARANTEE";

	static final String FIRST_REVIEW = "FIRST_REVIEW";

	static final String APPROVAL = "APPROVAL";

	private final CaseFiles cases;

	private final LoanRecords records;

	private final LoanWorkflow workflow;

	private final InterestRates rates;

	private final Clock clock;

	LoanReviews(CaseFiles cases, LoanRecords records, LoanWorkflow workflow, InterestRates rates, Clock clock) {
		this.cases = cases;
		this.records = records;
		this.workflow = workflow;
		this.rates = rates;
		this.clock = clock;
	}

	/** 银行信贷审查: the bank's officer, on the credit reports and the repayment capacity. */
	@Transactional
	public void reviewCredit(CaseNo caseNo, CurrentOfficer officer, ReviewOutcome outcome, String opinion) {
		agencyReview(caseNo, officer, outcome, opinion, CREDIT, LoanStages.TASK_REVIEW_CREDIT, "银行信贷审查",
				LoanStages.CREDIT_APPROVED.name(), Agency.BANK);
	}

	/** 不动产权属审查: the registry's clerk, on the title, owners, mortgages and seals. */
	@Transactional
	public void reviewTitle(CaseNo caseNo, CurrentOfficer officer, ReviewOutcome outcome, String opinion) {
		agencyReview(caseNo, officer, outcome, opinion, TITLE, LoanStages.TASK_REVIEW_TITLE, "不动产权属审查",
				LoanStages.TITLE_CONFIRMED.name(), Agency.REGISTRY);
	}

	/** 担保评估: the guarantor's officer. */
	@Transactional
	public void assessGuarantee(CaseNo caseNo, CurrentOfficer officer, ReviewOutcome outcome, String opinion) {
		agencyReview(caseNo, officer, outcome, opinion, GUARANTEE, LoanStages.TASK_ASSESS_GUARANTEE, "担保评估",
				LoanStages.GUARANTEE_ACCEPTED.name(), Agency.GUARANTOR);
	}

	private void agencyReview(CaseNo caseNo, CurrentOfficer officer, ReviewOutcome outcome, String opinion,
			String stage, String step, String stepName, String flag, Agency agency) {
		this.cases.getVisible(caseNo, officer);
		if (outcome == ReviewOutcome.RETURN) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-outcome", "problem.loan.invalid-outcome");
		}
		OpenCaseTask open = this.workflow.checkOpen(caseNo, step, stepName, officer);
		this.records.insertReview(caseNo, stage, outcome.name(), opinion, officer.id());
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), stage + "_REVIEWED", officer.id(), agency,
				label(outcome) + "：" + opinion);
		this.workflow.completeStep(open, officer, flag, outcome == ReviewOutcome.APPROVE);
	}

	/**
	 * 初审: pass, refuse or return to the window. A case the rules found ineligible cannot pass.
	 */
	@Transactional
	public void firstReview(CaseNo caseNo, CurrentOfficer reviewer, ReviewOutcome outcome, String opinion) {
		var file = this.cases.getVisible(caseNo, reviewer);
		ServiceType loan = this.workflow.loanOf(caseNo);
		noReturnForNewHouse(loan, outcome);
		noReturnInABundle(file.serviceType(), loan, outcome);
		if (ServiceType.RESALE_LOAN.equals(loan) && outcome == ReviewOutcome.APPROVE) {
			this.records.decisionOf(caseNo).filter(d -> !d.eligible()).ifPresent(d -> {
				throw ProblemException.refusal(HttpStatus.CONFLICT, "not-eligible", "problem.loan.not-eligible",
						d.reasonsInWords());
			});
		}
		OpenCaseTask open = this.workflow.checkOpen(caseNo, LoanStages.TASK_FIRST_REVIEW, "初审", reviewer);
		String outcomeName = outcome == ReviewOutcome.APPROVE ? "PASS" : outcome.name();
		this.records.insertReview(caseNo, FIRST_REVIEW, outcomeName, opinion, reviewer.id());
		CaseStage status = switch (outcome) {
			case APPROVE -> LoanStage.FIRST_REVIEWED;
			case RETURN -> LoanStage.RETURNED;
			case REJECT -> file.status();
		};
		this.cases.recordStep(caseNo, status, FIRST_REVIEWED, reviewer.id(), Agency.HPF, label(outcome) + "：" + opinion);
		this.workflow.firstReview(open, reviewer, outcomeName);
	}

	/**
	 * 审批 (二审), under the four-eyes rule: not by the case's acceptance clerk, not by its first reviewer. An approval
	 * fixes the amount (at most what the rules grant), the rate in force today and the repayment schedule.
	 */
	@Transactional
	public void approve(CaseNo caseNo, CurrentOfficer approver, ReviewOutcome outcome, BigDecimal amount,
			String opinion) {
		var file = this.cases.getVisible(caseNo, approver);
		ServiceType loan = this.workflow.loanOf(caseNo);
		noReturnForNewHouse(loan, outcome);
		OpenCaseTask open = this.workflow.checkOpen(caseNo, LoanStages.TASK_APPROVE_LOAN, "审批", approver);
		if (this.cases.actorsOf(caseNo, CaseFiles.ACCEPTED).contains(approver.id())) {
			throw new FourEyesViolation(caseNo.value(), "受理人");
		}
		if (this.cases.actorsOf(caseNo, FIRST_REVIEWED).contains(approver.id())) {
			throw new FourEyesViolation(caseNo.value(), "初审人");
		}
		if (outcome == ReviewOutcome.APPROVE && ServiceType.RESALE_LOAN.equals(loan)) {
			fixTheLoan(caseNo, approver, amount);
		}
		else if (outcome == ReviewOutcome.APPROVE && ServiceType.NEW_HOUSE_LOAN.equals(loan)) {
			fixTheNewHouseLoan(caseNo, approver, amount);
		}
		this.records.insertReview(caseNo, APPROVAL, outcome.name(), opinion, approver.id());
		CaseStage status = switch (outcome) {
			case APPROVE -> LoanStage.APPROVED;
			case RETURN -> LoanStage.RETURNED;
			case REJECT -> file.status();
		};
		this.cases.recordStep(caseNo, status, APPROVED, approver.id(), Agency.HPF, label(outcome) + "：" + opinion);
		this.workflow.approve(open, approver, outcome.name());
	}

	private void fixTheLoan(CaseNo caseNo, CurrentOfficer approver, BigDecimal amount) {
		LoanCase.Decision decision = this.records.decisionOf(caseNo).orElseThrow(() -> new IllegalStateException("No decision for " + caseNo));
		checkAmount(amount);
		if (amount.compareTo(decision.grantedAmount()) > 0) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "above-limit", "problem.loan.above-limit",
					Yuan.of(amount), Yuan.of(decision.grantedAmount()), grantedBecause(decision));
		}
		fixTerms(caseNo, approver, amount);
	}

	/**
	 * A new-house loan is approved at the amount the approver gives, or else the amount asked for, never more than that
	 * (the new-house process has no eligibility assessment of its own yet).
	 */
	private void fixTheNewHouseLoan(CaseNo caseNo, CurrentOfficer approver, BigDecimal amount) {
		BigDecimal requested = this.records.termsOf(caseNo).orElseThrow().requestedAmount();
		BigDecimal approved = amount == null ? requested : amount;
		checkAmount(approved);
		if (approved.compareTo(requested) > 0) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "above-limit", "problem.loan.above-limit",
					Yuan.of(approved), Yuan.of(requested), "以申请金额为限");
		}
		fixTerms(caseNo, approver, approved);
	}

	private static void checkAmount(BigDecimal amount) {
		if (amount == null || amount.signum() <= 0) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-amount", "problem.loan.amount-missing");
		}
		if (amount.scale() > 2) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-amount", "problem.loan.amount-scale");
		}
	}

	private void fixTerms(CaseNo caseNo, CurrentOfficer approver, BigDecimal amount) {
		LoanCase.Terms terms = this.records.termsOf(caseNo).orElseThrow();
		LocalDate today = LocalDate.now(this.clock);
		int term = terms.termMonths();
		RepaymentMethod method = terms.repaymentMethod().orElse(RepaymentMethod.EQUAL_INSTALMENT);
		InterestRates.Rate rate = this.rates.rateFor(today, terms.firstHome().orElse(true), term);
		// the first repayment falls due a month after the loan starts, taken as a month after approval until disbursed
		RepaymentSchedule schedule = RepaymentSchedules.schedule(method, amount, rate.annualRatePercent(), term,
				today.plusMonths(1));
		this.records.insertApproval(caseNo, new LoanCase.Approval(amount, term, method, rate.annualRatePercent(),
				approver.id(), OffsetDateTime.now(this.clock)), schedule);
	}

	/** Why the granted amount (可批金额, the limit of an approval) is what it is, without repeating a figure. */
	private static String grantedBecause(LoanCase.Decision decision) {
		if (!decision.eligible()) {
			return "申请人不符合贷款条件，不予核定贷款金额";
		}
		return decision.grantedAmount().compareTo(decision.approvableAmount()) < 0 ? "申请金额低于可贷额度，以申请金额为限"
				: "以资格审查核定的可贷额度为限";
	}

	/** 不予贷款: the case ends with the reasons on file (agency refusals, a sealed property, the reviewers' opinions). */
	@Transactional
	public void recordRejection(CaseNo caseNo) {
		List<String> reasons = refusalReasons(caseNo);
		this.cases.close(caseNo, CaseStatus.REJECTED, reasons, null, Agency.HPF);
	}

	/** Why the case is refused, each reason in words, as the case history and the refusal notice print them. */
	List<String> refusalReasons(CaseNo caseNo) {
		List<String> reasons = new ArrayList<>();
		this.records.titleCheckOf(caseNo).filter(LoanCase.TitleCheck::sealed).ifPresent(t -> reasons.add("房产已被查封（不动产登记中心）"));
		this.records.decisionOf(caseNo)
			.filter(d -> !d.eligible())
			.ifPresent(d -> reasons.add("不符合贷款条件：" + d.reasonsInWords()));
		this.records.reviewsOf(caseNo)
			.stream()
			.filter(r -> "REJECT".equals(r.outcome()))
			.forEach(r -> reasons.add(stageName(r.stage()) + "：" + r.opinion()));
		if (reasons.isEmpty()) {
			reasons.add("审查不通过");
		}
		return reasons;
	}

	/**
	 * The new-house process passes or refuses at first review and at approval; it has no return (a correction round is
	 * the one-time notice at online acceptance).
	 */
	private static void noReturnForNewHouse(ServiceType type, ReviewOutcome outcome) {
		if (ServiceType.NEW_HOUSE_LOAN.equals(type) && outcome == ReviewOutcome.RETURN) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "no-return-for-new-house",
					"problem.loan.new-house-no-return");
		}
	}

	/**
	 * A loan in a bundle (一件事一次办) was accepted by the bundle against its merged checklist, and the loan's model
	 * skips its own window acceptance there: the first review passes or refuses (the refusal's reason goes to the
	 * citizen through the bundle's clerk).
	 */
	private static void noReturnInABundle(ServiceType caseService, ServiceType loan, ReviewOutcome outcome) {
		if (!loan.equals(caseService) && outcome == ReviewOutcome.RETURN) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "no-return-in-bundle",
					"problem.loan.bundle-no-return");
		}
	}

	static String label(ReviewOutcome outcome) {
		return switch (outcome) {
			case APPROVE -> "同意";
			case REJECT -> "不同意";
			case RETURN -> "退回";
		};
	}

	static String stageName(String stage) {
		return switch (stage) {
			case CREDIT -> "受托银行信贷审查不同意";
			case TITLE -> "不动产权属审查不通过";
			case GUARANTEE -> "担保公司不同意担保";
			case FIRST_REVIEW -> "初审不通过";
			case APPROVAL -> "审批不同意";
			default -> stage;
		};
	}

}
