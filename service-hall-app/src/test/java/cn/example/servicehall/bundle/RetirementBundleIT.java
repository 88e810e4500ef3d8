package cn.example.servicehall.bundle;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 退休一件事 through the API as the counter clerk does it (one form: the depositor, the bank card, the merged
 * checklist): one case number, the parent process with its part under it (its own number, its own process, parent
 * part 1), one combined acceptance receipt naming the part, the account closed with one closing and one transfer,
 * a standing repayment offset ended, and one completion receipt with the part's outcome, amount and documents.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class RetirementBundleIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@TempDir
	Path work;

	private Api clerk;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		this.clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aRetiredDepositorWithoutALoanLeavesWithOneCaseNumberTheAccountClosedAndOneReceiptOfEach() throws Exception {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "钱退休");

		String key = WithdrawalFixtures.key();
		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/bundles/RETIREMENT/applications",
				form(retired, everyMaterial()), key);

		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		assertThat(caseNo).matches("YS\\d{13}");
		// the same request again (a retry) answers the same case and opens nothing
		assertThat(this.clerk.post("/api/bundles/RETIREMENT/applications", form(retired, everyMaterial()), key)
			.getBody()).containsEntry("caseNo", caseNo);
		assertThat(this.jdbc.sql("select count(*) from intake_case where applicant_id_no = ?").param(retired.id())
			.query(Integer.class).single()).isOne();
		runJobs(this.engine, caseNo);

		// one case, the bundle's own part 1 and the closing under it, each with its own process
		List<Map<String, Object>> parts = this.jdbc.sql("""
				select p.part_no, p.service_type, p.parent_part_no, p.process_instance_id, b.part_key
				  from intake_case_part p left join bundle_part b using (case_no, part_no)
				 where p.case_no = ? order by p.part_no""").param(caseNo).query().listOfRows();
		assertThat(parts).extracting(p -> p.get("service_type")).containsExactly("BUNDLE", "WITHDRAWAL");
		assertThat(parts.get(1)).containsEntry("parent_part_no", 1).containsEntry("part_key", "closing");
		assertThat(parts).allSatisfy(p -> assertThat(p.get("process_instance_id")).isNotNull());
		assertThat(processKey((String) parts.get(1).get("process_instance_id"))).isEqualTo("WithdrawalProcess");
		assertThat(this.jdbc.sql("select status, service_variant from intake_case where case_no = ?").param(caseNo)
			.query().singleRow()).containsEntry("status", "COMPLETED").containsEntry("service_variant", "RETIREMENT");

		// the account closed once and paid once to the card
		Map<String, Object> account = this.jdbc.sql("select status, balance from fake_fund_account where id_no = ?")
			.param(retired.id()).query().singleRow();
		assertThat(account.get("status")).isEqualTo("CLOSED_BY_WITHDRAWAL");
		assertThat((BigDecimal) account.get("balance")).isZero();
		assertThat(this.jdbc.sql("select count(*) from fake_fund_movement where case_no = ? and kind = 'CLOSING'")
			.param(caseNo + "-2").query(Integer.class).single()).isOne();
		// the bank's and the ledger's once-per-order key is the part (YS…-2), the case number for a withdrawal alone
		BigDecimal paid = this.jdbc.sql("select amount from fake_bank_payment where case_no = ?").param(caseNo + "-2")
			.query(BigDecimal.class).single();
		assertThat(paid).isGreaterThan(new BigDecimal("128600.00"));

		// one receipt of each for the bundle, and the part's own documents, nothing twice
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ? order by kind").param(caseNo)
			.query(String.class).list()).containsExactly("ACCEPTANCE_RECEIPT", "ACCOUNT_CLOSING_CERTIFICATE",
					"COMPLETION_RECEIPT", "WITHDRAWAL_RECEIPT");
		String acceptance = text(caseNo, "ACCEPTANCE_RECEIPT");
		assertThat(acceptance).contains("受理回执", caseNo, "退休一件事", caseNo + "-2", "离休、退休提取并销户",
				"申请人居民身份证", "退休证或退休审批表");
		assertThat(acceptance.split("申请人居民身份证", -1)).as("one ID card on the receipt").hasSize(2);
		assertThat(acceptance).as("a withdrawal bundle without a loan: no loan contract asked for, no loan wording")
			.doesNotContain("借款合同", "贷款");
		// the bundle's own time limit, 5 working days (Monday 7 December → Monday 14 December), not calendar days
		assertThat(acceptance).contains("5个工作日", "2026年12月14日").doesNotContain("2026年12月12日");
		String completion = text(caseNo, "COMPLETION_RECEIPT");
		String closingCertificate = documentNo(caseNo, "ACCOUNT_CLOSING_CERTIFICATE");
		assertThat(completion).contains("办结回执", caseNo, caseNo + "-2", "已办结", "账户已销户", closingCertificate,
				documentNo(caseNo, "WITHDRAWAL_RECEIPT"));
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();

		// the case page: the bundle and its part under one number, the part's withdrawal, the documents
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/" + caseNo)
				.with(SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(caseNo, caseNo + "-1", caseNo + "-2", "一件事一次办", "住房公积金提取", "离休、退休提取",
				closingCertificate);
	}

	@Test
	void aPartRefusedByItsReviewerWaitsForTheClerkAndTheCitizenCancelsWithNothingPaid() throws Exception {
		// above the city's four-eyes amount: the rules send the closing to a reviewer
		Depositor retired = WithdrawalFixtures.depositor(this.jdbc, "赵复核", LocalDate.of(1960, 4, 4), true, "250000.00",
				"SEALED");
		this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 4, 4), "TX" + retired.id())
			.update();
		String caseNo = (String) this.clerk.post("/api/bundles/RETIREMENT/applications", form(retired, everyMaterial()),
				WithdrawalFixtures.key())
			.getBody()
			.get("caseNo");
		runJobs(this.engine, caseNo);

		// the reviewer's inbox line names the bundle's case number and its deadline: 5 working days from Monday
		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER));
		assertThat(reviewer.raw(org.springframework.http.HttpMethod.GET, "/api/tasks?q=" + caseNo, null).getBody())
			.contains(caseNo, "Task_ReviewWithdrawal", "\"caseDue\":\"2026-12-14");
		ResponseEntity<Map<String, Object>> refused = reviewer.post("/api/withdrawals/" + caseNo + "/review",
				Map.of("outcome", "REJECT", "opinion", "退休证明与社保记录不符"));
		assertThat(refused.getStatusCode().is2xxSuccessful()).as(String.valueOf(refused.getBody())).isTrue();
		runJobs(this.engine, caseNo);

		// nothing closed, nothing paid; the acceptance clerk has the bundle's step, nobody else
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isNotIn("COMPLETED", "REJECTED", "CANCELLED");
		assertThat(this.clerk.raw(org.springframework.http.HttpMethod.GET, "/api/tasks?q=" + caseNo, null).getBody())
			.contains("Task_DecideAfterClosingRefused");
		ResponseEntity<String> notTheirs = reviewer.raw(org.springframework.http.HttpMethod.POST,
				"/api/bundles/cases/" + caseNo + "/after-refusal", Map.of("decision", "CANCEL"));
		assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);

		// on the case page, the clerk's step says what cannot be undone; unanswered it is refused at its field
		var clerkPage = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);
		String page = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/cases/" + caseNo).with(clerkPage)).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"bundle-after-refusal-form\"", "退休提取不予办理：询问申请人是否继续",
				"撤销不能撤回已办结的事项", "退休证明与社保记录不符");
		var unanswered = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/cases/" + caseNo + "/bundle-after-refusal").with(clerkPage)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn().getResponse();
		assertThat(unanswered.getStatus()).isEqualTo(400);
		assertThat(unanswered.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("请选择申请人的决定");
		var cancelled = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/cases/" + caseNo + "/bundle-after-refusal").with(clerkPage)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("decision", "CANCEL").param("remark", "申请人补正后另行申请"))
			.andReturn().getResponse();
		assertThat(cancelled.getStatus()).isEqualTo(302);
		runJobs(this.engine, caseNo);

		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select status from fake_fund_account where id_no = ?").param(retired.id())
			.query(String.class).single()).isEqualTo("SEALED");
		assertThat(this.jdbc.sql("select count(*) from fake_bank_payment where case_no like ?").param(caseNo + "%")
			.query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select remark from intake_case_event where case_no = ? and action = 'BUNDLE_AFTER_REFUSAL'")
			.param(caseNo).query(String.class).single()).contains("申请人选择撤销一件事", "申请人补正后另行申请");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
	}

	@Test
	void theClerkAcceptsTheBundleWithOneFormOnTheWorkbenchAndARefusalKeepsWhatWasTyped() throws Exception {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "冯一表");
		var clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);

		String form = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/bundles/RETIREMENT/new").with(clerk)).andReturn().getResponse().getContentAsString(
					java.nio.charset.StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"bundle-form\"", "受理退休一件事", "离休、退休提取并销户", "materials[APPLICANT_ID]");
		assertThat(form.split("name=\"materials\\[APPLICANT_ID\\]\"", -1)).as("one ID card to tick").hasSize(2);

		var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/bundles/RETIREMENT/applications")
			.with(clerk)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("idempotencyKey", WithdrawalFixtures.key())
			.param("applicant.name", retired.name())
			.param("applicant.idNumber", retired.id())
			.param("applicant.phone", "13800138000")
			.param("_applicant.femaleCadre", "on")
			.param("bankCard.cardNo", WithdrawalFixtures.CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行");
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "LOAN_CONTRACT")) {
			post.param("materials[" + code + "]", "true");
		}
		var refused = this.mvc.perform(post).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("id=\"form-problem\"", "以下材料尚未核验：退休证或退休审批表", retired.id(), "中国建设银行焦作分行");

		var accepted = this.mvc.perform(post.param("materials[RETIREMENT_PROOF]", "true")).andReturn().getResponse();
		assertThat(accepted.getStatus()).as(accepted.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll("(?s).*(<p[^>]*form-problem[^<]*</p>).*", "$1")).isEqualTo(302);
		assertThat(accepted.getRedirectedUrl()).matches("/cases/YS\\d{13}");
		String caseNo = accepted.getRedirectedUrl().substring("/cases/".length());
		// sent again (a double click): the same case, nothing opened twice
		assertThat(this.mvc.perform(post).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNo);
		assertThat(this.jdbc.sql("select count(*) from intake_case where applicant_id_no = ?").param(retired.id())
			.query(Integer.class).single()).isOne();
		runJobs(this.engine, caseNo);
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

	@Test
	void aMaterialNotCheckedIsRefusedInWordsAndNothingIsOpened() {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "李未齐");
		Map<String, Boolean> materials = everyMaterial();
		materials.put("RETIREMENT_PROOF", false);
		long before = bundleCases();

		ResponseEntity<String> refused = this.clerk.raw(org.springframework.http.HttpMethod.POST,
				"/api/bundles/RETIREMENT/applications", form(retired, materials), WithdrawalFixtures.key());

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("退休证或退休审批表");
		assertThat(bundleCases()).isEqualTo(before);
	}

	@Test
	void theRetirementFormSentToAnotherBundleIsRefusedWithWhatThatBundleStillNeeds() {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "周即将");
		long before = bundleCases();

		ResponseEntity<String> refused = this.clerk.raw(org.springframework.http.HttpMethod.POST,
				"/api/bundles/RESALE_PURCHASE_AND_LOAN/applications", form(retired, everyMaterial()), WithdrawalFixtures.key());

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("materials-missing", "买方（借款人）居民身份证");
		assertThat(bundleCases()).isEqualTo(before);
	}

	private static Map<String, Object> form(Depositor who, Map<String, Boolean> materials) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("applicant", Map.of("name", who.name(), "idNumber", who.id(), "phone", "13800138000"));
		form.put("bankCard", Map.of("cardNo", WithdrawalFixtures.CARD, "bankName", "中国建设银行焦作分行"));
		form.put("materials", materials);
		return form;
	}

	private static Map<String, Boolean> everyMaterial() {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		// no loan contract: it belongs to the fund loan's payoff, which a depositor without a loan has no part for
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RETIREMENT_PROOF")) {
			materials.put(code, true);
		}
		return materials;
	}

	private long bundleCases() {
		return BundleFixtures.bundleCases(this.jdbc);
	}

	private String processKey(String processInstanceId) {
		return this.engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
			.singleResult().getProcessDefinitionKey();
	}

	private String documentNo(String caseNo, String kind) {
		return this.jdbc.sql("select document_no from documents_document where case_no = ? and kind = ?")
			.params(caseNo, kind).query(String.class).single();
	}

	private String text(String caseNo, String kind) {
		return PdfTools.storedText(this.jdbc, this.work, caseNo, kind);
	}

}
