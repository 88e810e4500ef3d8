package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.process.LoanStages;
import cn.example.servicehall.loan.process.LoanWorkflow;

/**
 * 公积金贷款: loan applications, from the window (resale) or from a developer's sales office online (new house),
 * through acceptance, first review and approval. Each step checks the officer's post; approval also the four-eyes
 * rule.
 */
@Service
public class LoanApplications {

	/** History action of the first review. */
	public static final String FIRST_REVIEWED = "FIRST_REVIEWED";

	/** History action of the approval. */
	public static final String APPROVED = "APPROVED";

	private final CaseFiles cases;

	private final LoanWorkflow workflow;

	private final JdbcClient jdbc;

	private final Clock clock;

	LoanApplications(CaseFiles cases, LoanWorkflow workflow, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** 窗口申请: opens a resale-loan case, keeps the loan asked for and starts the process, all or nothing. */
	@Transactional
	public CaseNo submitAtWindow(SubmitResaleLoanApplication application, CurrentOfficer clerk) {
		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.RESALE_LOAN, Channel.WINDOW,
				application.applicant().name().strip(), new ResidentIdNumber(application.applicant().idNumber().strip()),
				Optional.empty()), clerk.id());
		keepLoanAskedFor(caseNo, application.requestedAmount(), application.termMonths(), null, null);
		this.cases.attachProcess(caseNo, this.workflow.start(ServiceType.RESALE_LOAN, caseNo, clerk));
		return caseNo;
	}

	/** 网上申请: a developer's sales office submits a new-house loan application for its buyer. */
	@Transactional
	public CaseNo submitOnline(SubmitNewHouseLoanApplication application, CurrentOfficer agent) {
		String company = agent.developerCompanyId().orElseThrow(() -> new NoDeveloperCompany(agent.id()));
		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.NEW_HOUSE_LOAN, Channel.ONLINE,
				application.applicant().name().strip(), new ResidentIdNumber(application.applicant().idNumber().strip()),
				Optional.of(company)), agent.id());
		keepLoanAskedFor(caseNo, application.requestedAmount(), application.termMonths(),
				application.projectName().strip(), application.unitNo().strip());
		this.cases.attachProcess(caseNo, this.workflow.start(ServiceType.NEW_HOUSE_LOAN, caseNo, agent));
		return caseNo;
	}

	/** 受理. */
	@Transactional
	public void accept(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		CaseFile file = this.cases.getVisible(caseNo, clerk);
		this.workflow.accept(file.serviceType(), caseNo, clerk, remark);
	}

	/** 初审: the first reviewer's opinion. */
	@Transactional
	public void firstReview(CaseNo caseNo, CurrentOfficer reviewer, String opinion) {
		this.cases.getVisible(caseNo, reviewer);
		this.workflow.firstReview(caseNo, reviewer);
		this.cases.recordStep(caseNo, CaseStatus.FIRST_REVIEWED, FIRST_REVIEWED, reviewer.id(), Agency.HPF, opinion);
	}

	/** 审批, under the four-eyes rule: not by the case's acceptance clerk, not by its first reviewer. */
	@Transactional
	public void approve(CaseNo caseNo, CurrentOfficer approver, String opinion) {
		this.cases.getVisible(caseNo, approver);
		this.workflow.checkOpen(caseNo, LoanStages.TASK_APPROVE_LOAN, "审批", approver);
		if (this.cases.actorsOf(caseNo, CaseFiles.ACCEPTED).contains(approver.id())) {
			throw new FourEyesViolation(caseNo.value(), "受理人");
		}
		if (this.cases.actorsOf(caseNo, FIRST_REVIEWED).contains(approver.id())) {
			throw new FourEyesViolation(caseNo.value(), "初审人");
		}
		this.workflow.approve(caseNo, approver);
		this.cases.recordStep(caseNo, CaseStatus.APPROVED, APPROVED, approver.id(), Agency.HPF, opinion);
	}

	private void keepLoanAskedFor(CaseNo caseNo, BigDecimal amount, int termMonths, String project, String unit) {
		this.jdbc.sql("""
				insert into loan_application (case_no, requested_amount, term_months, project_name, unit_no, created_at)
				values (:caseNo, :amount, :term, :project, :unit, :now)""")
			.param("caseNo", caseNo.value())
			.param("amount", amount)
			.param("term", termMonths)
			.param("project", project)
			.param("unit", unit)
			.param("now", OffsetDateTime.now(this.clock))
			.update();
	}

}
