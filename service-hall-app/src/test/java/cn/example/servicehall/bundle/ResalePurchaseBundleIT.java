package cn.example.servicehall.bundle;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.SyntheticCitizens;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 二手房买卖+公积金贷款 through the API with every agency's user: one form at the counter (the buyer, the merged
 * checklist, the loan's section, the flat sold), one case number with the filing, the deed tax, the loan and the
 * joint registration as parts under it, one acceptance receipt; the housing authority files the sale, the tax bureau
 * assesses the deed tax, the clerk confirms the buyer paid it at the tax window; the bank, the registry and the
 * guarantor review the loan, it is approved and signed; the registry moves the title and registers the fund centre's
 * mortgage in one registration; the loan is disbursed; the completion receipt lists the new title certificate, the
 * mortgage certificate, the contract and the IOU. A refused loan asks the clerk: own funds (the title moves alone) or
 * cancel (the tax marked for refund, the filing withdrawn, said plainly). The housing authority and the tax bureau
 * down: an incident, then done once when they are back.
 */
@ServiceHallIntegrationTest
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class ResalePurchaseBundleIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	/** 15 working days from Monday 7 December. */
	private static final String DUE = "\"caseDue\":\"2026-12-28";

	private static final String APPLY = "/api/bundles/RESALE_PURCHASE_AND_LOAN/applications";

	/** The models' retry cycle: R5/PT5M. */
	private static final int RETRIES = 5;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	private org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

	@TempDir
	Path work;

	private Api clerk;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		this.clerk = as("clerk1", Groups.HPF_ACCEPTANCE_CLERK);
	}

	@AfterEach
	void realTimeEverythingUp() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@Test
	void aBuyerLeavesWithTheNewTitleTheMortgageCertificateTheContractAndTheIouFromOneCaseNumber() throws Exception {
		Sale sale = newSale("马卖房", "周买房");
		String caseNo = submit(sale);
		runJobs(this.engine, caseNo);

		// one case: the bundle's part 1, each agency's part under it with its own number
		List<Map<String, Object>> parts = this.jdbc.sql("""
				select p.part_no, p.service_type, p.parent_part_no, b.part_key
				  from intake_case_part p left join bundle_part b using (case_no, part_no)
				 where p.case_no = ? order by p.part_no""").param(caseNo).query().listOfRows();
		assertThat(parts).extracting(p -> p.get("service_type")).containsExactly("BUNDLE", "CONTRACT_FILING", "DEED_TAX",
				"RESALE_LOAN", "TRANSFER_AND_MORTGAGE_REGISTRATION");
		assertThat(parts.subList(1, 5)).allSatisfy(p -> assertThat(p.get("parent_part_no")).isEqualTo(1));
		String acceptance = text(caseNo, "ACCEPTANCE_RECEIPT");
		assertThat(acceptance).contains("受理回执", caseNo, "二手房买卖+公积金贷款", caseNo + "-2", caseNo + "-3",
				caseNo + "-4", caseNo + "-5", "网签备案", "契税", "转移登记与抵押登记合并办理");
		assertThat(acceptance.split("买方\\(借款人\\)居民身份证", -1)).as("the buyer's ID once on the merged checklist")
			.hasSize(2);

		// the housing authority filed the sale under part -2; the tax bureau assessed 1 % (the family's only home)
		String filingNo = row("select filing_no from bundle_resale_sale where case_no = ?", caseNo);
		assertThat(row("select request_key from fake_resale_filing where filing_no = ?", filingNo)).isEqualTo(caseNo + "-2");
		assertThat(row("select tax_amount || '/' || tax_category from bundle_resale_sale where case_no = ?", caseNo))
			.isEqualTo("12000.00/ONLY_HOME");

		// the clerk's step: the buyer paid at the tax window; a wrong amount is refused in words
		assertThat(inbox(this.clerk, caseNo)).contains(caseNo, "Task_PayDeedTax", DUE);
		ResponseEntity<String> wrong = this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/deed-tax-paid",
				Map.of("amount", "1200.00"));
		assertThat(wrong.getStatusCode().value()).isEqualTo(422);
		assertThat(wrong.getBody()).contains("deed-tax-amount-differs", "12,000.00");
		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/deed-tax-paid", Map.of("amount", "12000.00")));
		runJobs(this.engine, caseNo);
		assertThat(row("select status from fake_deed_tax_assessment where filing_no = ?", filingNo)).isEqualTo("PAID");
		assertThat(row("select count(*) from fake_registry_transfer where filing_no = ?", filingNo))
			.as("the registry waits for the loan").isEqualTo("0");

		// the loan: every agency's user sees its step under the bundle's number and deadline
		String contractNo = signedLoan(caseNo);
		runJobs(this.engine, caseNo);

		// one registration: the new title, the fund centre's mortgage on it, recorded on the loan; then disbursed once
		Map<String, Object> transfer = this.jdbc.sql("select * from fake_registry_transfer where filing_no = ?")
			.param(filingNo).query().singleRow();
		assertThat(transfer).containsEntry("request_key", caseNo + "-5").containsEntry("loan_contract_no", contractNo)
			.containsEntry("previous_certificate_no", sale.certificateNo());
		String newTitle = (String) transfer.get("certificate_no");
		String mortgage = (String) transfer.get("mortgage_certificate_no");
		assertThat(row("select certificate_no from loan_mortgage where case_no = ?", caseNo)).isEqualTo(mortgage);
		assertThat(row("select count(*) || '/' || sum(amount) from fake_bank_payment where order_id = ?", "FK" + caseNo))
			.isEqualTo("1/600000.00");
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();

		// one receipt of each, the loan's contract and IOU issued, the numbers on the completion receipt
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ? order by kind").param(caseNo)
			.query(String.class).list()).doesNotHaveDuplicates()
			.contains("ACCEPTANCE_RECEIPT", "COMPLETION_RECEIPT", "LOAN_CONTRACT", "IOU");
		String completion = text(caseNo, "COMPLETION_RECEIPT");
		String iou = row("select iou_no from loan_iou where case_no = ?", caseNo);
		assertThat(completion).contains("办结回执", caseNo, "各事项均已办结", filingNo, newTitle, mortgage, contractNo, iou,
				caseNo + "-5");
	}

	@Test
	void theClerkConfirmsTheDeedTaxOnTheCasePageAndAWrongAmountIsRefusedBesideIt() throws Exception {
		Sale sale = newSale("页卖房", "页买房");
		String caseNo = submit(sale);
		runJobs(this.engine, caseNo);
		var clerkPage = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);

		String page = this.mvc.perform(get("/cases/" + caseNo).with(clerkPage)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"bundle-deed-tax-paid-form\"", "缴纳契税", "应纳契税 12,000.00 元",
				row("select tax_assessment_no from bundle_resale_sale where case_no = ?", caseNo));

		var wrong = this.mvc.perform(post("/cases/" + caseNo + "/bundle-deed-tax-paid").with(clerkPage).with(csrf())
			.param("amount", "1200.00")).andReturn().getResponse();
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("12,000.00", "1,200.00");
		var paid = this.mvc.perform(post("/cases/" + caseNo + "/bundle-deed-tax-paid").with(clerkPage).with(csrf())
			.param("amount", "12000.00")).andReturn().getResponse();
		assertThat(paid.getStatus()).isEqualTo(302);
		runJobs(this.engine, caseNo);
		String filingNo = row("select filing_no from bundle_resale_sale where case_no = ?", caseNo);
		assertThat(row("select status from fake_deed_tax_assessment where filing_no = ?", filingNo)).isEqualTo("PAID");
	}

	@Test
	void aRefusedLoanWithOwnFundsMovesTheTitleAloneWithoutAMortgage() {
		Sale sale = newSale("钱卖房", "钱自筹");
		String caseNo = refusedByTheBank(sale);
		payTax(caseNo);
		assertThat(inbox(this.clerk, caseNo)).contains("Task_DecideAfterLoanRefused", DUE);

		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/after-refusal",
				Map.of("decision", "CONTINUE", "remark", "以自有资金支付房款")));
		runJobs(this.engine, caseNo);

		Map<String, Object> transfer = this.jdbc.sql("select * from fake_registry_transfer where previous_certificate_no = ?")
			.param(sale.certificateNo()).query().singleRow();
		assertThat(transfer.get("mortgage_certificate_no")).isNull();
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(text(caseNo, "COMPLETION_RECEIPT")).contains((String) transfer.get("certificate_no"), "自有资金购房",
				"不予贷款");
		assertThat(row("select count(*) from loan_disbursement where case_no = ?", caseNo)).isEqualTo("0");
	}

	@Test
	void aRefusedLoanCancelledWithdrawsTheFilingMarksThePaidTaxForRefundAndSaysWhatCannotBeUndone() {
		Sale sale = newSale("孙卖房", "李撤销");
		String caseNo = refusedByTheBank(sale);
		payTax(caseNo);

		// the housing authority is down when the filing is to be withdrawn: an incident says what is left undone
		this.outages.down(FakeSystem.HOUSING_AUTHORITY);
		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/after-refusal",
				Map.of("decision", "CANCEL")));
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("HOUSING_AUTHORITY is unavailable");
		Job withdrawal = failUntilIncident(caseNo, "Task_WithdrawSaleFiling", "HOUSING_AUTHORITY is unavailable");
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isNotEqualTo("CANCELLED");
		this.outages.up(FakeSystem.HOUSING_AUTHORITY);
		retry(withdrawal);
		runJobs(this.engine, caseNo);

		String filingNo = row("select filing_no from bundle_resale_sale where case_no = ?", caseNo);
		assertThat(row("select status from fake_resale_filing where filing_no = ?", filingNo)).isEqualTo("CANCELLED");
		assertThat(row("select status from fake_deed_tax_assessment where filing_no = ?", filingNo))
			.isEqualTo("REFUND_PENDING");
		assertThat(row("select count(*) from fake_registry_transfer where filing_no = ?", filingNo)).isEqualTo("0");
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select remark from intake_case_event where case_no = ? order by id").param(caseNo)
			.query(String.class).list().toString()).contains("已注销网签备案 " + filingNo, "已撤回：网签备案",
					"无法当场撤回：契税 12,000.00", "已申请退税");
	}

	@Test
	void aFilingRefusedByTheHousingAuthorityCancelsTheBundleInItsWordsBeforeTheTaxOrTheLoan() {
		Sale sale = newSale("王封存", "陈等候");
		this.jdbc.sql("update fake_registry_title set sealed = true where certificate_no = ?").param(sale.certificateNo())
			.update();
		String caseNo = submit(sale);
		runJobs(this.engine, caseNo);

		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select remark from intake_case_event where case_no = ? order by id").param(caseNo)
			.query(String.class).list().toString()).contains("住建局不予网签备案", "查封", "其余事项均未办理");
		assertThat(row("select count(*) from fake_deed_tax_assessment a join bundle_resale_sale s "
				+ "on a.filing_no = s.filing_no where s.case_no = ?", caseNo)).isEqualTo("0");
		assertThat(row("select count(*) from loan_credit_report where case_no = ?", caseNo)).isEqualTo("0");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
	}

	@Test
	void theHousingAuthorityAndTheTaxBureauDownBecomeIncidentsAndTheirStepsAreDoneOnceWhenTheyAreBack() {
		Sale sale = newSale("吴卖房", "郑等待");
		this.outages.down(FakeSystem.HOUSING_AUTHORITY);
		String caseNo = submit(sale);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("HOUSING_AUTHORITY is unavailable");

		Job filing = failUntilIncident(caseNo, "Task_FileSaleContract", "HOUSING_AUTHORITY is unavailable");
		assertThat(row("select count(*) from fake_resale_filing where certificate_no = ?", sale.certificateNo()))
			.isEqualTo("0");
		this.outages.up(FakeSystem.HOUSING_AUTHORITY);
		this.outages.down(FakeSystem.TAX_BUREAU);
		retry(filing);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("TAX_BUREAU is unavailable");

		Job assessment = failUntilIncident(caseNo, "Task_AssessDeedTax", "TAX_BUREAU is unavailable");
		this.outages.up(FakeSystem.TAX_BUREAU);
		this.outages.loseNextAnswers(FakeSystem.TAX_BUREAU, 1);
		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(assessment.getId()))
			.hasMessageContaining("read timed out");
		retry(assessment);

		assertThat(row("select count(*) from fake_resale_filing where certificate_no = ?", sale.certificateNo()))
			.isEqualTo("1");
		String filingNo = row("select filing_no from bundle_resale_sale where case_no = ?", caseNo);
		assertThat(row("select count(*) from fake_deed_tax_assessment where filing_no = ?", filingNo)).isEqualTo("1");
		assertThat(inbox(this.clerk, caseNo)).contains("Task_PayDeedTax");
		assertThat(this.engine.getRuntimeService().createIncidentQuery().processInstanceId(filing.getProcessInstanceId())
			.count()).isZero();
	}

	@Test
	void aSaleWithABadSellerIdOrTheBuyerSellingToThemselvesIsRefusedInWordsAndNothingIsOpened() {
		Sale sale = newSale("冯卖房", "冯买房");
		long before = bundleCases();
		Map<String, Object> badId = form(sale);
		seller(badId).put("idNumber", sale.sellerId().substring(0, 17) + (sale.sellerId().endsWith("0") ? "1" : "0"));
		ResponseEntity<String> refused = this.clerk.raw(HttpMethod.POST, APPLY, badId, WithdrawalFixtures.key());
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
		assertThat(refused.getBody()).contains("身份证");

		Map<String, Object> toThemselves = form(sale);
		seller(toThemselves).put("idNumber", sale.buyer().id());
		refused = this.clerk.raw(HttpMethod.POST, APPLY, toThemselves, WithdrawalFixtures.key());
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isIn(400, 422);
		assertThat(refused.getBody()).contains("同一人");
		assertThat(bundleCases()).isEqualTo(before);
	}

	/** A flat registered to a seller of its own and a buyer with a fund account. */
	private Sale newSale(String sellerName, String buyerName) {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, buyerName, LocalDate.of(1988, 5, 5), true, "60000.00");
		String sellerId = SyntheticCitizens.next(sellerName).idNumber();
		String certificateNo = "豫(2022)焦作市不动产权第8%06d号".formatted((int) (System.nanoTime() / 1000 % 1_000_000));
		this.jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市山阳区测试路 ' || right(?, 8) || ' 号', 96.00, 2012, ?, false, false)""")
			.params(certificateNo, certificateNo, sellerName)
			.update();
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(certificateNo, sellerId, LocalDate.of(2018, 3, 1))
			.update();
		return new Sale(buyer, sellerName, sellerId, certificateNo);
	}

	private String submit(Sale sale) {
		ResponseEntity<Map<String, Object>> created = this.clerk.post(APPLY, form(sale), WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		assertThat(caseNo).matches("YS\\d{13}");
		return caseNo;
	}

	private void payTax(String caseNo) {
		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/deed-tax-paid",
				Map.of("amount", row("select tax_amount from bundle_resale_sale where case_no = ?", caseNo))));
		runJobs(this.engine, caseNo);
	}

	/** The bank, the registry and the guarantor agree, the loan is approved and signed: its contract number. */
	private String signedLoan(String caseNo) {
		Api bank = as("bank1", Groups.BANK_LOAN_OFFICER);
		Api registry = as("registry1", Groups.REGISTRY_CLERK);
		Api guarantor = as("guarantor1", Groups.GUARANTOR_OFFICER);
		Api reviewer = as("reviewer1", Groups.HPF_FIRST_REVIEWER);
		Api approver = as("approver1", Groups.HPF_APPROVER);
		assertThat(inbox(bank, caseNo)).contains(caseNo, "Task_ReviewCredit", DUE);
		assertThat(inbox(registry, caseNo)).contains(caseNo, "Task_ReviewTitle", DUE);
		assertThat(inbox(guarantor, caseNo)).contains(caseNo, "Task_AssessGuarantee", DUE);
		String path = "/api/loan/applications/" + caseNo;
		ok(bank.post(path + "/credit-review", review("APPROVE", "征信良好")));
		ok(registry.post(path + "/title-review", review("APPROVE", "权属清晰，无抵押查封")));
		ok(guarantor.post(path + "/guarantee-assessment", review("APPROVE", "同意提供阶段性担保")));
		runJobs(this.engine, caseNo);
		ok(reviewer.post(path + "/first-review", review("APPROVE", "符合贷款条件")));
		ok(approver.post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意贷款 60 万元")));
		ok(bank.post(path + "/contract-signing/bank", null));
		ok(guarantor.post(path + "/contract-signing/guarantor", null));
		ok(this.clerk.post(path + "/contract-signing/fund-centre", null));
		runJobs(this.engine, caseNo);
		assertThat(inbox(registry, caseNo)).as("no separate mortgage step for the registry's clerk")
			.doesNotContain("Task_RegisterMortgage");
		return row("select contract_no from loan_contract where case_no = ?", caseNo);
	}

	private String refusedByTheBank(Sale sale) {
		String caseNo = submit(sale);
		runJobs(this.engine, caseNo);
		ok(as("bank1", Groups.BANK_LOAN_OFFICER).post("/api/loan/applications/" + caseNo + "/credit-review",
				review("REJECT", "借款人还款能力不足")));
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	/** Runs the step's job until its retries are spent: an incident naming the system, the job returned. */
	private Job failUntilIncident(String caseNo, String activityId, String message) {
		Job job = this.engine.getManagementService().createJobQuery().processInstanceId(processOf(caseNo))
			.activityId(activityId).singleResult();
		assertThat(job).as(activityId + " due").isNotNull();
		for (int attempt = 1; attempt <= RETRIES && retriesLeft(job) > 0; attempt++) {
			assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId()))
				.hasMessageContaining(message);
		}
		Incident incident = this.engine.getRuntimeService().createIncidentQuery().processInstanceId(processOf(caseNo))
			.singleResult();
		assertThat(incident.getActivityId()).isEqualTo(activityId);
		assertThat(incident.getIncidentMessage()).contains(message);
		return job;
	}

	private int retriesLeft(Job job) {
		return this.engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
	}

	/** As Cockpit's "retry" does. */
	private void retry(Job job) {
		this.engine.getManagementService().setJobRetries(job.getId(), 1);
		this.engine.getManagementService().executeJob(job.getId());
	}

	private Map<String, Object> form(Sale sale) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("applicant", Map.of("name", sale.buyer().name(), "idNumber", sale.buyer().id(), "phone", "13800138000"));
		form.put("materials", everyMaterial());
		Map<String, Object> loan = new LinkedHashMap<>();
		loan.put("maritalStatus", "UNMARRIED");
		loan.put("monthlyIncome", "12000.00");
		Map<String, Object> seller = new LinkedHashMap<>(Map.of("name", sale.sellerName(), "idNumber", sale.sellerId(),
				"bank", "中国建设银行焦作分行", "accountNo", "6217000010012345678", "accountName", sale.sellerName()));
		loan.put("property", new LinkedHashMap<>(Map.of("certificateNo", sale.certificateNo(), "contractPrice",
				"1200000.00", "assessedPrice", "1150000.00", "firstHome", true, "seller", seller)));
		loan.put("request", new LinkedHashMap<>(Map.of("requestedAmount", "600000.00", "termMonths", 240,
				"repaymentMethod", "EQUAL_INSTALMENT", "repaymentAccount",
				Map.of("bank", "中国建设银行焦作人民路支行", "accountNo", "6217002370001586432"))));
		loan.put("contractSignedOn", "2026-12-04");
		form.put("loan", loan);
		form.put("sale", new LinkedHashMap<>(Map.of("address", "焦作市山阳区测试路 8 号", "floorArea", "96.00", "home",
				"ONLY_HOME")));
		return form;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> seller(Map<String, Object> form) {
		return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) form.get("loan")).get("property"))
			.get("seller");
	}

	/** Every material of the bundle's merged checklist, checked. */
	private static Map<String, Boolean> everyMaterial() {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("BUYER_ID", "SELLER_ID", "TITLE_CERTIFICATE", "SALE_CONTRACT", "MARITAL_PROOF",
				"DOWN_PAYMENT_RECEIPT", "SELLER_ACCOUNT", "INCOME_PROOF", "REPAYMENT_CARD")) {
			materials.put(code, true);
		}
		return materials;
	}

	private Api as(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private static Map<String, Object> review(String outcome, String opinion) {
		return Map.of("outcome", outcome, "opinion", opinion);
	}

	private static void ok(ResponseEntity<?> response) {
		assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
	}

	private static String inbox(Api officer, String caseNo) {
		return officer.raw(HttpMethod.GET, "/api/tasks?q=" + caseNo, null).getBody();
	}

	private String processOf(String caseNo) {
		return this.jdbc.sql("select process_instance_id from intake_case_part where case_no = ? and part_no = 1")
			.param(caseNo).query(String.class).single();
	}

	private String row(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(String.class).single();
	}

	private long bundleCases() {
		return BundleFixtures.bundleCases(this.jdbc);
	}

	private String text(String caseNo, String kind) {
		return PdfTools.storedText(this.jdbc, this.work, caseNo, kind);
	}

	/**
	 * A sale of the test's own.
	 * @param buyer the applicant, with a fund account
	 * @param sellerName the registered owner's name
	 * @param sellerId the registered owner's ID number
	 * @param certificateNo the title sold
	 */
	private record Sale(Depositor buyer, String sellerName, String sellerId, String certificateNo) {
	}

}
