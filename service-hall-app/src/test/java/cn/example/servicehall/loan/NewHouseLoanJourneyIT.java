package cn.example.servicehall.loan;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/**
 * A new-house (期房) case from the developer's online submission to the end: acceptance, first review, approval, the
 * buyer's signing appointment and check-in at the hall (the wait is the buyer's time), signing by every party, the
 * registry's pre-mortgage, one payment into the project's escrow account even when the bank is down once, the IOU,
 * completion, and months later the pre-mortgage's conversion, marked overdue on its own clock.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class NewHouseLoanJourneyIT {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The seeded project FZ-BJHY's escrow account (预售资金监管专户). */
	private static final String ESCROW_ACCOUNT = "35050188000012345678";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@TempDir
	Path work;

	@AfterEach
	void reset() {
		this.outages.up(FakeSystem.BANK_CORE);
		ClockUtil.reset();
	}

	@Test
	void runsFromTheAgentsSubmissionThroughTheBuyersVisitToTheEscrowAccountAndTheConversion() throws Exception {
		at("2026-03-09T10:00");
		Api agent = Api.as(this.http, TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A));
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "孙八", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		String path = "/api/loan/applications/" + caseNo;

		ok(staff("clerk1", "hpf-acceptance-clerk").post(path + "/acceptance", NewHouseSales.everyMaterialProvided()));
		runJobs(this.engine, caseNo);
		// the buyer's acceptance receipt, which the agent sees and downloads
		assertThat(documentKinds(agent, caseNo)).containsExactly("ACCEPTANCE_RECEIPT");
		String receipt = (String) agent.getList("/api/cases/" + caseNo + "/documents").getBody().get(0).get("documentNo");
		assertThat(PdfTools.normalise(pdfText(TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A), caseNo,
				receipt))).contains("受理回执", caseNo, "孙八");
		ok(staff("reviewer1", "hpf-first-reviewer").post(path + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")));
		ok(staff("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		assertThat(status(caseNo)).isEqualTo("APPROVED");
		assertThat(openSteps(caseNo)).as("the case waits for the buyer's appointment").isEmpty();

		// the agent books the buyer's signing slot; the buyer checks in at the hall on the day
		ResponseEntity<Map<String, Object>> booked = agent.post("/api/bookings", Map.of("caseNo", caseNo, "branch", "ZZ",
				"startsAt", slot("2026-03-12T09:00"), "phoneNumber", "13812345678"), UUID.randomUUID().toString());
		assertThat(booked.getStatusCode()).as(String.valueOf(booked.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(history(caseNo)).contains("SIGNING_BOOKED").doesNotContain("SIGNING_CHECKED_IN");
		assertThat(openSteps(caseNo)).isEmpty();

		at("2026-03-12T08:35");
		ResponseEntity<Map<String, Object>> ticket = staff("clerk1", "hpf-acceptance-clerk").post("/api/queue/check-ins",
				Map.of("caseNo", caseNo));
		assertThat(ticket.getStatusCode()).as(String.valueOf(ticket.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(history(caseNo)).contains("SIGNING_CHECKED_IN");
		assertThat(openSteps(caseNo)).containsExactlyInAnyOrder("Task_SignContractAtBank", "Task_SignContractAtFundCentre",
				"Task_SignContractAtGuarantor");
		// the buyer's wait for the chosen slot is not the centre's time
		assertThat(this.jdbc.sql("""
				select e.kind from sla_event e join sla_clock c on c.id = e.clock_id
				where c.case_no = ? and c.definition_id = 'new-house-approval-to-disbursement' order by e.id""")
			.param(caseNo).query(String.class).list()).containsExactly("STARTED", "EXCLUDED", "INCLUDED");

		// signing by the borrower with the fund centre, the bank and the guarantor, in one visit
		at("2026-03-12T09:05");
		ok(staff("bank1", "bank-loan-officer").post(path + "/contract-signing/bank", null));
		ok(staff("guarantor1", "guarantor-officer").post(path + "/contract-signing/guarantor", null));
		ok(staff("clerk1", "hpf-acceptance-clerk").post(path + "/contract-signing/fund-centre", null));
		runJobs(this.engine, caseNo);
		assertThat(status(caseNo)).isEqualTo("CONTRACT_SIGNED");
		assertThat(openSteps(caseNo)).containsExactly("Task_RegisterPreMortgage");

		// the registry's pre-mortgage: its form on the case page, and through the API
		HtmlPage page = casePage(caseNo, "registry1");
		assertThat(page.first("#pre-mortgage-registration-form")).isPresent();
		assertThat(page.first("#pre-mortgage-certificate-no")).isPresent();
		Api registry = staff("registry1", "registry-clerk");
		ok(registry.post(path + "/pre-mortgage-registration", Map.of("certificateNo", "闽(2026)福州市不动产证明第Y" + caseNo + "号")));
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");
		assertThat(history(caseNo)).contains("PRE_MORTGAGE_REGISTERED");

		// the bank is down once: the payment fails, is retried, and pays once into the escrow account
		this.outages.down(FakeSystem.BANK_CORE);
		String instance = this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
		Job disbursement = this.engine.getManagementService().createJobQuery().processInstanceId(instance)
			.activityId("Task_DisburseLoan").singleResult();
		assertThat(disbursement).isNotNull();
		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(disbursement.getId()))
			.hasMessageContaining("BANK_CORE is unavailable");
		assertThat(payments(caseNo)).isZero();
		this.outages.up(FakeSystem.BANK_CORE);
		this.engine.getManagementService().executeJob(disbursement.getId());
		runJobs(this.engine, caseNo);

		assertThat(status(caseNo)).isEqualTo("COMPLETED");
		assertThat(payments(caseNo)).isEqualTo(1);
		assertThat(this.jdbc.sql("select payee_account_no || ' ' || amount from fake_bank_payment where order_id = ?")
			.param("FK" + caseNo).query(String.class).single()).isEqualTo(ESCROW_ACCOUNT + " 600000.00");
		assertThat(this.jdbc.sql("select count(*) from loan_iou where case_no = ?").param(caseNo).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ? order by kind")
			.param(caseNo).query(String.class).list()).contains("LOAN_CONTRACT", "IOU", "DISBURSEMENT_NOTICE");
		// the contract prints the house as the filed purchase contract has it: floor area and total price
		String contractNo = this.jdbc.sql("select document_no from documents_document where case_no = ? and kind = 'LOAN_CONTRACT'")
			.param(caseNo).query(String.class).single();
		String contract = PdfTools.normalise(pdfText(TestTokens.user("clerk1", "hpf-acceptance-clerk"), caseNo, contractNo));
		assertThat(contract).contains("建筑面积98.60平方米", "成交价格人民币1,200,000.00元").doesNotContain("建筑面积—");
		String noticeNo = this.jdbc.sql("select document_no from documents_document where case_no = ? and kind = 'DISBURSEMENT_NOTICE'")
			.param(caseNo).query(String.class).single();
		assertThat(PdfTools.normalise(pdfText(TestTokens.user("clerk1", "hpf-acceptance-clerk"), caseNo, noticeNo)))
			.as("the notice names the pre-mortgage the money was released against, not a mortgage not yet registered")
			.contains("预告登记证明闽(2026)福州市不动产证明第Y" + caseNo + "号").doesNotContain("抵押登记证明");
		assertThat(documentKinds(agent, caseNo))
			.as("the agent sees the buyer's receipts and the disbursement notice addressed to the developer, nothing else")
			.containsExactlyInAnyOrder("ACCEPTANCE_RECEIPT", "DISBURSEMENT_NOTICE", "COMPLETION_RECEIPT");

		// months later: the conversion waits for the delivered house on its own clock, red once overdue
		assertThat(openSteps(caseNo)).containsExactly("Task_ConvertPreMortgage");
		at("2028-03-20T10:00");
		escalate();
		assertThat(this.jdbc.sql("""
				select escalation from sla_clock where case_no = ? and definition_id = 'step:Task_ConvertPreMortgage'""")
			.param(caseNo).query(String.class).single()).isEqualTo("RED");

		assertThat(casePage(caseNo, "registry1").first("#pre-mortgage-conversion-form")).isPresent();
		MvcResult converted = this.mvc.perform(post("/cases/" + caseNo + "/pre-mortgage-conversion")
			.with(SignedIn.as(this.registrations, "registry1", "赵", "登记", "registry-clerk"))
			.with(csrf())
			.param("certificateNo", "闽(2028)福州市不动产证明第" + caseNo + "号")).andReturn();
		assertThat(converted.getResponse().getStatus()).as(converted.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(302);
		assertThat(history(caseNo)).contains("MORTGAGE_CONVERTED");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).as("the collateral file is closed").isZero();
		assertThat(status(caseNo)).isEqualTo("COMPLETED");
	}

	@Test
	void aCaseRefusedAtFirstReviewEndsRefusedWithItsReasonAndTheSalesOfficeDownloadsTheRefusalNotice() throws Exception {
		at("2026-03-09T10:00");
		Api agent = Api.as(this.http, TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A));
		String caseNo = submittedAndAccepted(agent, "周九");
		String path = "/api/loan/applications/" + caseNo;
		ok(staff("reviewer1", "hpf-first-reviewer").post(path + "/first-review",
				Map.of("outcome", "REJECT", "opinion", "购房人月收入不足以偿还月供")));
		runJobs(this.engine, caseNo);

		assertRefused(caseNo, "初审不通过：购房人月收入不足以偿还月供");
		// the sales office sees the refusal and downloads the notice
		MvcResult page = this.mvc.perform(get("/sales-office/cases/" + caseNo)
			.with(SignedIn.developerAgent(this.registrations, "agent-a", NewHouseSales.COMPANY_A))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		HtmlPage office = HtmlPage.parse(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(office.first("#so-status").orElseThrow().attr("data-status")).isEqualTo("REJECTED");
		assertThat(office.all("#so-receipt-list li").stream().map(li -> li.attr("data-kind")).toList())
			.containsExactlyInAnyOrder("ACCEPTANCE_RECEIPT", "REFUSAL_RECEIPT");
		String notice = this.jdbc.sql("select document_no from documents_document where case_no = ? and kind = 'REFUSAL_RECEIPT'")
			.param(caseNo).query(String.class).single();
		MvcResult download = this.mvc.perform(get("/sales-office/cases/" + caseNo + "/documents/" + notice)
			.with(SignedIn.developerAgent(this.registrations, "agent-a", NewHouseSales.COMPANY_A))).andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		String text = PdfTools.normalise(PdfTools.text(PdfTools.write(this.work, notice + ".pdf",
				download.getResponse().getContentAsByteArray())));
		assertThat(text).contains("不予贷款", caseNo, "新建商品房住房公积金个人贷款", "购房人月收入不足以偿还月供");
	}

	@Test
	void theApproverRefusesANewHouseCaseOnTheCasePage() throws Exception {
		at("2026-03-09T10:00");
		Api agent = Api.as(this.http, TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A));
		String caseNo = submittedAndAccepted(agent, "吴十");
		ok(staff("reviewer1", "hpf-first-reviewer").post("/api/loan/applications/" + caseNo + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")));

		MvcResult form = this.mvc.perform(get("/cases/" + caseNo)
			.with(SignedIn.as(this.registrations, "approver1", "钱", "审批", "hpf-approver"))).andReturn();
		HtmlPage casePage = HtmlPage.parse(form.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(casePage.first("#approval-reject")).as("the approver may refuse").isPresent();
		assertThat(casePage.first("#approval-return")).as("the new-house model has no return").isEmpty();
		MvcResult refused = this.mvc.perform(post("/cases/" + caseNo + "/approval")
			.with(SignedIn.as(this.registrations, "approver1", "钱", "审批", "hpf-approver"))
			.with(csrf())
			.param("outcome", "REJECT")
			.param("opinion", "所购房屋项目预售资金监管异常")).andReturn();
		assertThat(refused.getResponse().getStatus()).as(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(302);
		runJobs(this.engine, caseNo);
		assertRefused(caseNo, "审批不同意：所购房屋项目预售资金监管异常");
	}

	private String submittedAndAccepted(Api agent, String buyer) {
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, buyer, LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		ok(staff("clerk1", "hpf-acceptance-clerk").post("/api/loan/applications/" + caseNo + "/acceptance",
				NewHouseSales.everyMaterialProvided()));
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	private void assertRefused(String caseNo, String reason) {
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("REJECTED");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).as("the process ended").isZero();
		assertThat(this.jdbc.sql("select remark from intake_case_event where case_no = ? order by id desc limit 1")
			.param(caseNo).query(String.class).single()).contains(reason);
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ? order by kind")
			.param(caseNo).query(String.class).list()).containsExactly("ACCEPTANCE_RECEIPT", "REFUSAL_RECEIPT");
	}

	private List<String> documentKinds(Api who, String caseNo) {
		return who.getList("/api/cases/" + caseNo + "/documents").getBody().stream()
			.map(d -> (String) d.get("kind")).toList();
	}

	/** The document's text as pdftotext reads it, downloaded through the API as {@code token}. */
	private String pdfText(String token, String caseNo, String documentNo) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
		ResponseEntity<byte[]> pdf = this.http.exchange("/api/cases/" + caseNo + "/documents/" + documentNo,
				HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		return PdfTools.text(PdfTools.write(this.work, documentNo + ".pdf", pdf.getBody()));
	}

	private HtmlPage casePage(String caseNo, String registryClerk) throws Exception {
		MvcResult result = this.mvc.perform(get("/cases/" + caseNo)
			.with(SignedIn.as(this.registrations, registryClerk, "赵", "登记", "registry-clerk"))).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
		return HtmlPage.parse(body);
	}

	private Api staff(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private static void ok(ResponseEntity<Map<String, Object>> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

	private List<String> history(String caseNo) {
		return this.jdbc.sql("select action from intake_case_event where case_no = ? order by id").param(caseNo)
			.query(String.class).list();
	}

	private List<String> openSteps(String caseNo) {
		return this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).list().stream()
			.map(task -> task.getTaskDefinitionKey()).sorted().toList();
	}

	private int payments(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_bank_payment where order_id = ?").param("FK" + caseNo)
			.query(Integer.class).single();
	}

	private void escalate() {
		Job timer = this.engine.getManagementService().createJobQuery().processDefinitionKey("SlaEscalationProcess")
			.timers().singleResult();
		this.engine.getManagementService().executeJob(timer.getId());
	}

	private static void at(String shanghaiTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant()));
	}

	private static String slot(String shanghaiTime) {
		return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toOffsetDateTime()
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
