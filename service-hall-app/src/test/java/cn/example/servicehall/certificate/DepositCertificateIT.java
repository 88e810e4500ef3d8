package cn.example.servicehall.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;

/**
 * Issue 11's proof that a service is a package and its models: the test-only 缴存证明 ({@code certificate}: a
 * {@code CaseService}, a {@code ServicePages}, one BPMN, one delegate) runs through the shared inbox, case page,
 * clocks and receipts without a line of the hall knowing it.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class DepositCertificateIT {

	private static final String CLERK = "clerk1";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private DepositCertificates certificates;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private CaseFiles cases;

	@Autowired
	private CaseTasks tasks;

	@TempDir
	private Path work;

	@Test
	void aCertificateRequestRunsThroughTheSharedInboxCasePageClocksAndReceipts() throws Exception {
		String idNumber = LoanFixtures.newBuyerIdNumber();
		CaseNo caseNo = this.certificates.request("林晓", idNumber,
				new CurrentOfficer(CLERK, "王晓明", List.of("hpf-acceptance-clerk"), Optional.empty()));
		assertThat(caseNo.value()).startsWith("ZM");
		assertThat(this.jdbc.sql("select count(*) from intake_case_part where case_no = ? and part_no = 1"
				+ " and service_type = 'DEPOSIT_CERTIFICATE' and process_instance_id is not null")
			.param(caseNo.value())
			.query(Integer.class)
			.single()).as("one part, driven by its own process").isEqualTo(1);

		// the shared inbox lists its step, with the step's due time from the shared clocks
		HtmlPage home = html(get("/").param("q", caseNo.value()).with(clerk()), 200);
		assertThat(home.texts("#inbox tbody tr")).anySatisfy(line -> assertThat(line).contains("受理并开具缴存证明"));

		// the shared case page: the service's name, the shared acceptance form with the service's own checklist, the clock
		HtmlPage page = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(page.get("#case-service").text()).isEqualTo("住房公积金缴存证明");
		assertThat(page.get("#case-status").text()).isEqualTo("已提交");
		assertThat(page.texts("#checklist li")).containsExactly("缴存人居民身份证", "用途说明（开具单位或用途）");
		assertThat(page.first("#sla-clocks").isPresent()).as("the step's clock on the page").isTrue();
		assertThat(this.jdbc.sql("select count(*) from sla_clock where case_no = ? and kind = 'STEP' and stopped_at is null")
			.param(caseNo.value())
			.query(Integer.class)
			.single()).as("the step's clock runs").isEqualTo(1);

		MvcResult accepted = this.mvc.perform(post("/cases/" + caseNo + "/acceptance").with(clerk()).with(csrf())
			.param("listed", "APPLICANT_ID", "PURPOSE_LETTER")
			.param("provided", "APPLICANT_ID", "PURPOSE_LETTER")
			.param("remark", "本人到场"))
			.andReturn();
		assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(302);
		LoanFixtures.runJobs(this.engine, caseNo.value());

		HtmlPage done = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(done.get("#case-status").text()).isEqualTo("已办结");
		assertThat(done.all("#timeline tbody tr").stream().map(row -> row.attr("data-action")))
			.containsSubsequence("SUBMITTED", "ACCEPTED", "CERTIFICATE_ISSUED", "COMPLETED");
		assertThat(this.jdbc.sql("select stage from intake_case_event where case_no = ? and action = 'CERTIFICATE_ISSUED'")
			.param(caseNo.value())
			.query(String.class)
			.single()).as("the service's own stage").isEqualTo("CERTIFICATE_ISSUED");
		assertThat(this.jdbc.sql("select count(*) from sla_clock where case_no = ? and kind = 'STEP' and stopped_at is not null")
			.param(caseNo.value())
			.query(Integer.class)
			.single()).as("the step's clock stopped").isEqualTo(1);
		assertThat(done.all("#document-list tbody tr").stream().map(row -> row.attr("data-kind")))
			.containsExactly("ACCEPTANCE_RECEIPT", "DEPOSIT_CERTIFICATE", "COMPLETION_RECEIPT");
		String certificate = text(done, "DEPOSIT_CERTIFICATE", caseNo);
		assertThat(certificate).contains("住房公积金缴存证明").contains("兹证明林晓").contains(caseNo.value());

		String receipt = text(done, "ACCEPTANCE_RECEIPT", caseNo);
		assertThat(receipt).contains("住房公积金缴存证明开具").contains("缴存人居民身份证").contains("林晓").contains("王晓明");
		String completion = text(done, "COMPLETION_RECEIPT", caseNo);
		assertThat(completion).contains("已开具住房公积金缴存证明").contains("ZM-" + caseNo).contains("王晓明")
			.contains("缴存证明自开具之日起三个月内有效").as("the loan's advice is the loan's")
			.doesNotContain("借款合同");
	}

	@Test
	void twoPartsOfOneCaseEachFindTheirOwnStepThoughTheyShareTheCaseNumber() throws Exception {
		CurrentOfficer clerk = new CurrentOfficer(CLERK, "王晓明", List.of("hpf-acceptance-clerk"), Optional.empty());
		CaseNo caseNo = this.certificates.request("林晓", LoanFixtures.newBuyerIdNumber(), clerk);
		// a second certificate in the same case: its own part and process, under the same business key
		CasePart second = this.cases.addPart(caseNo, DepositCertificateService.TYPE, Optional.empty());
		String instance = this.tasks.asOfficer(clerk, () -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(DepositCertificates.PROCESS, caseNo.value())
			.getId());
		this.cases.attachProcess(second.ref(), instance);
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo.value())
			.taskDefinitionKey(DepositCertificates.STEP).count())
			.as("by the case number alone the step is ambiguous").isEqualTo(2);

		List<CasePart> parts = this.cases.parts(caseNo);
		assertThat(parts).extracting(CasePart::label).containsExactly(caseNo + "-1", caseNo + "-2");
		OpenCaseTask first = this.tasks.openTaskFor(parts.get(0), DepositCertificates.STEP, "受理并开具缴存证明", clerk);
		OpenCaseTask other = this.tasks.openTaskFor(parts.get(1), DepositCertificates.STEP, "受理并开具缴存证明", clerk);
		assertThat(first.processInstanceId()).isEqualTo(parts.get(0).processInstanceId().orElseThrow());
		assertThat(other.processInstanceId()).isEqualTo(instance).isNotEqualTo(first.processInstanceId());

		// the shared case page lists both parts and one acceptance form for each part's step
		HtmlPage page = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(page.texts("#case-parts li")).containsExactly(caseNo + "-1 住房公积金缴存证明",
				caseNo + "-2 住房公积金缴存证明");
		assertThat(page.all("#acceptance-form input[name=task]").stream().map(HtmlPage.Node::value))
			.containsExactlyInAnyOrder(first.id(), other.id());

		// the form posted for the second part does the second part's step
		MvcResult accepted = this.mvc.perform(post("/cases/" + caseNo + "/acceptance").with(clerk()).with(csrf())
			.param("task", other.id())
			.param("listed", "APPLICANT_ID", "PURPOSE_LETTER")
			.param("provided", "APPLICANT_ID", "PURPOSE_LETTER"))
			.andReturn();
		assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(302);
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceId(instance).count())
			.as("the second part's step is done").isZero();
		assertThat(this.tasks.openTaskFor(parts.get(0), DepositCertificates.STEP, "受理并开具缴存证明", clerk).id())
			.as("the first part's step still waits").isEqualTo(first.id());
		assertThat(html(get("/cases/" + caseNo).with(clerk()), 200).all("#acceptance-form")).hasSize(1);
	}

	private String text(HtmlPage page, String kind, CaseNo caseNo) throws Exception {
		String documentNo = page.get("#document-list tr[data-kind=" + kind + "]").attr("data-document-no");
		byte[] pdf = this.mvc.perform(get("/cases/" + caseNo + "/documents/" + documentNo).with(clerk()))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return PdfTools.normalise(PdfTools.text(PdfTools.write(this.work, documentNo + ".pdf", pdf)));
	}

	private HtmlPage html(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return HtmlPage.parse(body);
	}

	private OidcLoginRequestPostProcessor clerk() {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(CLERK)
				.claim("preferred_username", CLERK)
				.claim("family_name", "王")
				.claim("given_name", "晓明")
				.claim("groups", List.of("hpf-acceptance-clerk")))
			.userInfoToken(info -> info.claim("preferred_username", CLERK))
			.authorities(new SimpleGrantedAuthority("hpf-acceptance-clerk"));
	}

}
