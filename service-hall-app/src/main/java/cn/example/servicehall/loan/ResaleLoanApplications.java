package cn.example.servicehall.loan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.process.ResaleLoanWorkflow;

/** 二手房公积金贷款: applications for a resale-house loan. */
@Service
public class ResaleLoanApplications {

	private final CaseFiles cases;

	private final ResaleLoanWorkflow workflow;

	private final JdbcClient jdbc;

	private final Clock clock;

	ResaleLoanApplications(CaseFiles cases, ResaleLoanWorkflow workflow, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Opens the case, keeps the loan asked for and starts the process, all or nothing. */
	@Transactional
	public CaseNo submit(SubmitResaleLoanApplication application, CurrentOfficer clerk) {
		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.RESALE_LOAN, Channel.WINDOW,
				application.applicant().name().strip(), new ResidentIdNumber(application.applicant().idNumber().strip()),
				Optional.empty()), clerk.id());
		this.jdbc.sql("""
				insert into loan_application (case_no, requested_amount, term_months, created_at)
				values (:caseNo, :amount, :term, :now)""")
			.param("caseNo", caseNo.value())
			.param("amount", application.requestedAmount())
			.param("term", application.termMonths())
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		this.cases.attachProcess(caseNo, this.workflow.start(caseNo, clerk));
		return caseNo;
	}

	/** 窗口受理. */
	@Transactional
	public void accept(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		this.cases.get(caseNo);
		this.workflow.acceptApplication(caseNo, clerk, remark);
	}

}
