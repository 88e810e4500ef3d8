package cn.example.servicehall.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.signing.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;

/** The certificate's domain: a request at the window, and its one step, accepting and issuing at once. */
@Service
class DepositCertificates {

	static final String PROCESS = "DepositCertificateProcess";

	static final String STEP = "Task_AcceptCertificateRequest";

	private final CaseFiles cases;

	private final CaseTasks tasks;

	private final RuntimeService runtime;

	private final DepositCertificateService service;

	DepositCertificates(CaseFiles cases, CaseTasks tasks, RuntimeService runtime, DepositCertificateService service) {
		this.cases = cases;
		this.tasks = tasks;
		this.runtime = runtime;
		this.service = service;
	}

	/** 申请: the clerk enters the depositor's request; the case opens and its process starts. */
	@Transactional
	CaseNo request(String name, String idNumber, CurrentOfficer clerk) {
		CaseNo caseNo = this.cases.open(new NewCase(DepositCertificateService.TYPE, Channel.WINDOW, name,
				new ResidentIdNumber(idNumber), Optional.empty()), clerk.id());
		String instance = this.tasks.asOfficer(clerk,
				() -> this.runtime.startProcessInstanceByKey(PROCESS, caseNo.value()).getId());
		this.cases.attachProcess(caseNo, instance);
		return caseNo;
	}

	/** 受理并开具: every material there accepts the part and completes its step; the certificate follows. */
	@Transactional
	List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		CaseNo caseNo = part.caseNo();
		CaseFile file = this.cases.getVisible(caseNo, clerk);
		OpenCaseTask step = this.tasks.openTaskFor(part, STEP, "受理并开具缴存证明", clerk);
		Map<String, Boolean> answers = new LinkedHashMap<>();
		List<Material> checklist = this.service.checklist(file).materials();
		checklist.forEach(m -> answers.put(m.code(), Boolean.TRUE.equals(provided.get(m.code()))));
		List<Material> missing = checklist.stream().filter(m -> !answers.get(m.code())).toList();
		if (!missing.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "materials-missing", "材料不全",
					"缴存证明须材料齐全方可开具。 Every material is needed.");
		}
		this.cases.recordMaterialCheck(caseNo, answers, clerk.id());
		this.cases.accept(caseNo, clerk.id(), remark);
		this.tasks.complete(step, clerk, Map.of());
		return List.of();
	}

	/**
	 * {@code Task_IssueDepositCertificate}: the certificate, the service's own document, is issued and the case
	 * completed.
	 */
	@Bean
	static JavaDelegate issueDepositCertificate(CaseFiles cases, Documents documents, Clock clock) {
		return execution -> {
			CaseNo caseNo = new CaseNo(execution.getProcessBusinessKey());
			CaseFile file = cases.get(caseNo);
			IssuedDocument certificate = documents.issue(new Documents.Request(caseNo.value(),
					DepositCertificateTemplate.DEPOSIT_CERTIFICATE, "1", Agency.HPF, Optional.empty(),
					(no, url) -> new DepositCertificateData(no, documents.issuerName(Agency.HPF), caseNo.value(),
							Printed.date(LocalDate.now(clock)), url.toString(), file.applicantName(),
							file.applicantIdNumber().masked(), "办理个人事务")));
			cases.recordStep(caseNo, CertificateStage.CERTIFICATE_ISSUED, "CERTIFICATE_ISSUED", null,
					cn.example.servicehall.intake.Agency.HPF, "缴存证明 " + certificate.documentNo());
			cases.close(caseNo, CaseStatus.COMPLETED, List.of(), null, cn.example.servicehall.intake.Agency.HPF);
		};
	}

}
