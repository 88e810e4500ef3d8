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
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 购房一件事 through the API with every agency's user: one form at the counter (the buyer, the card, the merged
 * checklist, the loan's section), one case number with the withdrawal and the loan as parts -2 and -3 under it, one
 * acceptance receipt; the withdrawal for the down payment reviewed and paid before the loan is assessed, and counted
 * there (the balance left after it bounds the loan, and the explanation says so); the bank, the registry and the
 * guarantor, the first review and the approval, signing, the mortgage, the loan disbursed to the seller; one
 * completion receipt listing both parts. Every agency's inbox line shows the bundle's number and deadline. A refused
 * loan asks the clerk: the buyer goes on with own funds, or cancels and is told the withdrawal stays paid.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class HousePurchaseBundleIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	/** 15 working days from Monday 7 December. */
	private static final String DUE = "\"caseDue\":\"2026-12-28";

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
		this.clerk = as("clerk1", Groups.HPF_ACCEPTANCE_CLERK);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aBuyerLeavesWithOneCaseNumberTheDownPaymentWithdrawnFirstAndCountedAndTheLoanDisbursed() throws Exception {
		// 60,000 in the fund; 45,000 withdrawn for the down payment leaves 15,000: × 30 = 450,000, below the 600,000 asked
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, "孙购房", LocalDate.of(1988, 5, 5), true, "60000.00");
		String flat = boughtBy(buyer);

		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/bundles/HOUSE_PURCHASE/applications",
				form(buyer, flat, everyMaterial()), WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		assertThat(caseNo).matches("YS\\d{13}");
		runJobs(this.engine, caseNo);

		// one case: the bundle's part 1, the withdrawal -2 and the loan -3 under it, each with its own process
		List<Map<String, Object>> parts = this.jdbc.sql("""
				select p.part_no, p.service_type, p.parent_part_no, p.process_instance_id, b.part_key
				  from intake_case_part p left join bundle_part b using (case_no, part_no)
				 where p.case_no = ? order by p.part_no""").param(caseNo).query().listOfRows();
		assertThat(parts).extracting(p -> p.get("service_type")).containsExactly("BUNDLE", "WITHDRAWAL", "RESALE_LOAN");
		assertThat(parts).extracting(p -> p.get("part_key")).containsExactly(null, "purchase-withdrawal", "loan");
		assertThat(parts.subList(1, 3)).allSatisfy(p -> assertThat(p.get("parent_part_no")).isEqualTo(1));
		// the loan's record is under the bundle's number, from the one form
		assertThat(row("select requested_amount || '/' || term_months from loan_application where case_no = ?", caseNo))
			.isEqualTo("600000.00/240");
		assertThat(row("select certificate_no from loan_property where case_no = ?", caseNo)).isEqualTo(flat);

		// the rules decided the withdrawal alone (秒批): paid to the card before the loan is assessed, and counted in it
		Api reviewer = as("reviewer1", Groups.HPF_FIRST_REVIEWER);
		// the bank's once-per-order key is the withdrawal's part (YS…-2), the case number only for a withdrawal alone
		BigDecimal paid = this.jdbc.sql("select amount from fake_bank_payment where case_no = ?").param(caseNo + "-2")
			.query(BigDecimal.class).single();
		assertThat(paid).isEqualByComparingTo("45000.00");
		assertThat(row("select balance from fake_fund_account where id_no = ?", buyer.id())).isEqualTo("15000.00");
		assertThat(row("select amount || '/' || paid_under from loan_down_payment_withdrawal where case_no = ?", caseNo))
			.isEqualTo("45000.00/" + caseNo + "-2");

		// the bank, the registry and the guarantor each see the loan's step under the bundle's number and deadline
		Api bank = as("bank1", Groups.BANK_LOAN_OFFICER);
		Api registry = as("registry1", Groups.REGISTRY_CLERK);
		Api guarantor = as("guarantor1", Groups.GUARANTOR_OFFICER);
		assertThat(inbox(bank, caseNo)).contains(caseNo, "Task_ReviewCredit", DUE);
		assertThat(inbox(registry, caseNo)).contains(caseNo, "Task_ReviewTitle", DUE);
		assertThat(inbox(guarantor, caseNo)).contains(caseNo, "Task_AssessGuarantee", DUE);
		String path = "/api/loan/applications/" + caseNo;
		ok(bank.post(path + "/credit-review", review("APPROVE", "征信良好")));
		ok(registry.post(path + "/title-review", review("APPROVE", "权属清晰，无抵押查封")));
		ok(guarantor.post(path + "/guarantee-assessment", review("APPROVE", "同意提供阶段性担保")));
		runJobs(this.engine, caseNo);

		// the assessment: the balance after the withdrawal binds, and the explanation shows the withdrawal
		Map<String, Object> decision = decision(caseNo);
		assertThat(decision).containsEntry("eligible", true).containsEntry("bindingLimit", "BALANCE");
		assertThat(new BigDecimal(decision.get("grantedAmount").toString())).isEqualByComparingTo("450000.00");
		assertThat((String) decision.get("explanation")).contains("首付款中公积金提取 45,000.00 元（" + caseNo + "-2",
				"提取后的借款人公积金余额 15,000.00 元", "提取前 60,000.00 元", "首付款 600,000.00 元");
		assertThat(row("select fund_balance from loan_party where case_no = ? and role = 'BORROWER'", caseNo))
			.isEqualTo("15000.00");
		assertThat(this.jdbc.sql("select action from intake_case_event where case_no = ? order by id").param(caseNo)
			.query(String.class).list()).containsSubsequence("DOWN_PAYMENT_WITHDRAWAL_COUNTED", "ASSESSED");

		Api approver = as("approver1", Groups.HPF_APPROVER);
		assertThat(inbox(reviewer, caseNo)).contains("Task_FirstReview", DUE);
		// the first reviewer's case page: the loan's part, its assessment with the withdrawal, the first-review form
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/" + caseNo)
				.with(SignedIn.as(this.registrations, "reviewer1", "李", "审核", Groups.HPF_FIRST_REVIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(caseNo + "-3", "首付款中公积金提取 45,000.00 元", "提取后的借款人公积金余额 15,000.00 元");
		ok(reviewer.post(path + "/first-review", review("APPROVE", "符合贷款条件")));
		assertThat(inbox(approver, caseNo)).contains("Task_ApproveLoan", DUE);
		ok(approver.post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "450000.00", "opinion", "同意贷款 45 万元")));
		assertThat(inbox(this.clerk, caseNo)).contains("Task_SignContractAtFundCentre", DUE);
		ok(bank.post(path + "/contract-signing/bank", null));
		ok(guarantor.post(path + "/contract-signing/guarantor", null));
		ok(this.clerk.post(path + "/contract-signing/fund-centre", null));
		runJobs(this.engine, caseNo);
		assertThat(inbox(registry, caseNo)).contains("Task_RegisterMortgage", DUE);
		String mortgage = "豫(2026)焦作市不动产证明第9" + buyer.id().substring(11, 17) + "号";
		ok(registry.post(path + "/mortgage-registration", Map.of("certificateNo", mortgage)));
		runJobs(this.engine, caseNo);

		// disbursed to the seller once; the case completed by the bundle, not by the loan
		assertThat(row("select amount || '/' || payee_name from loan_disbursement where case_no = ?", caseNo))
			.isEqualTo("450000.00/王强");
		assertThat(row("select count(*) || '/' || sum(amount) from fake_bank_payment where order_id = ?", "FK" + caseNo))
			.isEqualTo("1/450000.00");
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processInstanceId(processOf(caseNo, 3)).singleResult().getEndActivityId())
			.as("the loan ended as a part, leaving the completion to the bundle").isEqualTo("EndEvent_PartDone");

		// no text message of the parts' own: the withdrawal's "paid" message is the bundle's to replace
		assertThat(this.jdbc.sql("select count(*) from fake_sms_message where message_id in (?, ?)")
			.params(caseNo + ":PAID", caseNo + ":REFUSED").query(Integer.class).single()).isZero();

		// one receipt of each for the bundle, the parts' own documents, nothing twice, none of the loan's own receipts
		assertThat(this.jdbc.sql("select kind from documents_document where case_no = ? order by kind").param(caseNo)
			.query(String.class).list()).doesNotHaveDuplicates()
			.contains("ACCEPTANCE_RECEIPT", "COMPLETION_RECEIPT", "WITHDRAWAL_RECEIPT")
			.doesNotContain("REFUSAL_RECEIPT", "MISSING_MATERIALS_NOTICE");
		String acceptance = text(caseNo, "ACCEPTANCE_RECEIPT");
		assertThat(acceptance).contains("受理回执", caseNo, "购房一件事", caseNo + "-2", caseNo + "-3", "二手房公积金贷款",
				"购买存量住房提取", "卖方收款账户证明");
		assertThat(acceptance.split("居民身份证", -1)).as("the buyer's ID card once, the seller's once").hasSize(3);
		String completion = text(caseNo, "COMPLETION_RECEIPT");
		assertThat(completion).contains("办结回执", caseNo, caseNo + "-2", caseNo + "-3", "各事项均已办结", "已放款",
				row("select contract_no from loan_contract where case_no = ?", caseNo),
				row("select iou_no from loan_iou where case_no = ?", caseNo), mortgage);
	}

	@Test
	void aRefusedLoanAsksTheClerkAndTheBuyerGoesOnWithOwnFundsWithTheWithdrawalPaid() {
		String caseNo = refusedByTheBank("钱自筹");
		assertThat(inbox(this.clerk, caseNo)).contains("Task_DecideAfterLoanRefused", DUE);
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isNotIn("COMPLETED", "REJECTED");

		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/after-refusal",
				Map.of("decision", "CONTINUE", "remark", "以自有资金支付房款")));
		runJobs(this.engine, caseNo);

		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(row("select count(*) from loan_disbursement where case_no = ?", caseNo)).isEqualTo("0");
		String completion = text(caseNo, "COMPLETION_RECEIPT");
		assertThat(completion).contains(caseNo + "-2", "已办结", caseNo + "-3", "不予办理", "部分事项不予办理");
	}

	@Test
	void aRefusedLoanCancelledByTheBuyerSaysPlainlyThatTheWithdrawalPaidCannotBeUndone() {
		String caseNo = refusedByTheBank("李撤销");

		ok(this.clerk.raw(HttpMethod.POST, "/api/bundles/cases/" + caseNo + "/after-refusal",
				Map.of("decision", "CANCEL")));
		runJobs(this.engine, caseNo);

		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select remark from intake_case_event where case_no = ? order by id").param(caseNo)
			.query(String.class).list().toString()).contains("无法撤回", "提取款项已转入申请人银行卡");
		assertThat(row("select balance from fake_fund_account where id_no = (select applicant_id_no from intake_case "
				+ "where case_no = ?)", caseNo)).as("the withdrawal stays paid").isEqualTo("15000.00");
	}

	@Test
	void aBuyerWithoutTheLoanSectionOrWithAPriceBelowTheLoanIsToldInWordsAndNothingIsOpened() {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, "周漏填", LocalDate.of(1988, 5, 5), true, "60000.00");
		String flat = boughtBy(buyer);
		long before = bundleCases();

		Map<String, Object> noLoan = form(buyer, flat, everyMaterial());
		noLoan.remove("loan");
		ResponseEntity<String> refused = this.clerk.raw(HttpMethod.POST, "/api/bundles/HOUSE_PURCHASE/applications",
				noLoan, WithdrawalFixtures.key());
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("loan-section-missing", "购房一件事含公积金贷款");

		Map<String, Object> aboveThePrice = form(buyer, flat, everyMaterial());
		@SuppressWarnings("unchecked")
		Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) aboveThePrice.get("loan")).get("request");
		request.put("requestedAmount", "1180000.00");
		refused = this.clerk.raw(HttpMethod.POST, "/api/bundles/HOUSE_PURCHASE/applications", aboveThePrice,
				WithdrawalFixtures.key());
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
		assertThat(refused.getBody()).contains("invalid-loan-part");
		assertThat(bundleCases()).isEqualTo(before);
	}

	@Test
	void theCountersFormOpensAndSentWithoutTheLoansSectionSaysWhatIsMissing() throws Exception {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, "吴窗口", LocalDate.of(1988, 5, 5), true, "60000.00");
		var clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);
		assertThat(this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/bundles/HOUSE_PURCHASE/new").with(clerk)).andReturn().getResponse().getStatus()).isEqualTo(200);
		long before = bundleCases();

		var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/bundles/HOUSE_PURCHASE/applications")
			.with(clerk)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("idempotencyKey", WithdrawalFixtures.key())
			.param("applicant.name", buyer.name())
			.param("applicant.idNumber", buyer.id())
			.param("applicant.phone", "13800138000")
			.param("_applicant.femaleCadre", "on")
			.param("bankCard.cardNo", WithdrawalFixtures.CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行");
		everyMaterial().keySet().forEach(code -> post.param("materials[" + code + "]", "true"));
		var answer = this.mvc.perform(post).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("购房一件事含公积金贷款");
		assertThat(bundleCases()).isEqualTo(before);
	}

	/** A bundle whose withdrawal was paid and whose loan the bank refused: the clerk's step waits. */
	private String refusedByTheBank(String name) {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, name, LocalDate.of(1988, 5, 5), true, "60000.00");
		String flat = boughtBy(buyer);
		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/bundles/HOUSE_PURCHASE/applications",
				form(buyer, flat, everyMaterial()), WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		runJobs(this.engine, caseNo);
		ok(as("bank1", Groups.BANK_LOAN_OFFICER).post("/api/loan/applications/" + caseNo + "/credit-review",
				review("REJECT", "借款人还款能力不足")));
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	/**
	 * A new copy of 王强's 2008 flat, bought by the buyer: the withdrawal's rules ask the register (不动产登记、网签备案)
	 * to name the buyer for the flat (HOME_NOT_ON_RECORD otherwise), and the hall asks the registry's stand-in, which
	 * names the buyer as the flat's buyer from the contract's day; the title still names 王强, the seller, as the
	 * loan's title check expects.
	 */
	private String boughtBy(Depositor buyer) {
		String flat = LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008);
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(flat, buyer.id(), LocalDate.of(2026, 11, 20))
			.update();
		return flat;
	}

	private Api as(String user, String group) {
		return Api.as(this.http, TestTokens.user(user, group));
	}

	private static Map<String, Object> form(Depositor buyer, String flat, Map<String, Boolean> materials) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("applicant", Map.of("name", buyer.name(), "idNumber", buyer.id(), "phone", "13800138000"));
		form.put("bankCard", Map.of("cardNo", WithdrawalFixtures.CARD, "bankName", "中国建设银行焦作分行"));
		form.put("materials", materials);
		Map<String, Object> loan = new LinkedHashMap<>();
		loan.put("maritalStatus", "UNMARRIED");
		loan.put("monthlyIncome", "12000.00");
		loan.put("property", Map.of("certificateNo", flat, "contractPrice", "1200000.00", "assessedPrice", "1150000.00",
				"firstHome", true, "seller", Map.of("name", "王强", "idNumber", LoanFixtures.WANG_QIANG, "bank",
						"中国建设银行焦作分行", "accountNo", "6217000010012345678", "accountName", "王强")));
		loan.put("request", new LinkedHashMap<>(Map.of("requestedAmount", "600000.00", "termMonths", 240,
				"repaymentMethod", "EQUAL_INSTALMENT", "repaymentAccount",
				Map.of("bank", "中国建设银行焦作人民路支行", "accountNo", "6217002370001586432"))));
		loan.put("contractSignedOn", "2026-11-20");
		loan.put("withdrawalAmount", "45000.00");
		form.put("loan", loan);
		return form;
	}

	private static Map<String, Boolean> everyMaterial() {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RESALE_CONTRACT",
				"TITLE_CERTIFICATE", "DEED_TAX_RECEIPT", "MARITAL_PROOF", "DOWN_PAYMENT_RECEIPT", "SELLER_ID",
				"SELLER_ACCOUNT", "INCOME_PROOF", "REPAYMENT_CARD")) {
			materials.put(code, true);
		}
		return materials;
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

	@SuppressWarnings("unchecked")
	private Map<String, Object> decision(String caseNo) {
		Map<String, Object> loan = (Map<String, Object>) this.clerk.get("/api/loan/applications/" + caseNo).getBody()
			.get("loan");
		return (Map<String, Object>) loan.get("decision");
	}

	private String processOf(String caseNo, int partNo) {
		return this.jdbc.sql("select process_instance_id from intake_case_part where case_no = ? and part_no = ?")
			.params(caseNo, partNo).query(String.class).single();
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

}
