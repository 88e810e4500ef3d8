package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * Every bundle on offer from its one form at the counter: the form asks what the bundle's parts need (the card for a
 * withdrawal, the loan's borrower, flat, seller and loan for a loan, the flat's address, area and the family's homes
 * for a sale; a single borrower, as the bundles take for now) and nothing else; 购房一件事 filled in by the clerk opens
 * one case with both parts under it, a repayment card brought later being no section at all; a field wrong is shown
 * beside it with everything typed kept.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class BundleFormsIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private ClientRegistrationRepository registrations;

	private OidcLoginRequestPostProcessor clerk;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant()));
		this.clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void eachFormAsksWhatItsPartsNeedAndNothingElse() throws Exception {
		String retirement = page("/bundles/RETIREMENT/new");
		assertThat(retirement).contains("id=\"bundle-card\"").doesNotContain("id=\"bundle-loan\"", "id=\"bundle-sale\"");

		String purchase = page("/bundles/HOUSE_PURCHASE/new");
		assertThat(purchase).contains("id=\"bundle-card\"", "id=\"bundle-loan-borrower\"", "id=\"bundle-single-borrower\"",
				"id=\"bundle-property\"", "id=\"bundle-seller\"", "id=\"bundle-loan\"", "name=\"loan.withdrawalAmount\"",
				"name=\"loan.contractSignedOn\"")
			.doesNotContain("id=\"bundle-sale\"", "name=\"loan.coBorrower.name\"");

		String resale = page("/bundles/RESALE_PURCHASE_AND_LOAN/new");
		assertThat(resale).contains("id=\"bundle-sale\"", "name=\"sale.floorArea\"", "name=\"sale.home\"",
				"家庭第二套住房", "id=\"bundle-loan\"")
			.doesNotContain("id=\"bundle-card\"", "name=\"loan.withdrawalAmount\"");
	}

	@Test
	void theClerkOpensAHousePurchaseFromTheFormWithBothPartsUnderOneNumber() throws Exception {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, "表单购房", LocalDate.of(1988, 5, 5), true, "60000.00");
		String flat = LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008);
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(flat, buyer.id(), LocalDate.of(2026, 11, 20))
			.update();

		MockHttpServletResponse answer = this.mvc.perform(housePurchase(buyer, flat, "240")).andReturn().getResponse();

		assertThat(answer.getStatus()).as(problemOf(answer)).isEqualTo(302);
		String caseNo = answer.getRedirectedUrl().substring("/cases/".length());
		assertThat(caseNo).matches("YS\\d{13}");
		runJobs(this.engine, caseNo);
		// the withdrawal paid, the loan with the bank: the bundle is 办理中, not the withdrawal's 已到账
		assertThat(page("/cases/" + caseNo)).contains("data-status=\"IN_PROGRESS\"", "办理中");
		assertThat(this.jdbc.sql("select service_type from intake_case_part where case_no = ? order by part_no")
			.param(caseNo).query(String.class).list()).containsExactly("BUNDLE", "WITHDRAWAL", "RESALE_LOAN");
		// the repayment card to be brought later was no section
		assertThat(this.jdbc.sql("select count(*) from intake_case where case_no = ? and service_variant = 'HOUSE_PURCHASE'")
			.param(caseNo).query(Integer.class).single()).isOne();
	}

	@Test
	void aWrongFieldIsShownBesideItAndEverythingTypedIsKept() throws Exception {
		Depositor buyer = WithdrawalFixtures.depositor(this.jdbc, "表单填错", LocalDate.of(1988, 5, 5), true, "60000.00");
		MockHttpServletRequestBuilder form = housePurchase(buyer, "豫(2020)焦作市不动产权第0000001号", "600");

		MockHttpServletResponse answer = this.mvc.perform(form).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(400);
		String page = answer.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"bundle-term-months-error\"", "value=\"600\"", "value=\"表单填错\"",
				"value=\"1200000.00\"");
		assertThat(page).as("the repayment card left for later is not held against the buyer")
			.doesNotContain("id=\"bundle-repayment-account-no-error\"");
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(this.clerk)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** 购房一件事 as the clerk fills it: an unmarried buyer, the repayment card to be brought later. */
	private MockHttpServletRequestBuilder housePurchase(Depositor buyer, String flat, String termMonths) {
		MockHttpServletRequestBuilder form = post("/bundles/HOUSE_PURCHASE/applications").with(this.clerk)
			.with(csrf())
			.param("idempotencyKey", WithdrawalFixtures.key())
			.param("applicant.name", buyer.name())
			.param("applicant.idNumber", buyer.id())
			.param("applicant.phone", "13800138000")
			.param("_applicant.femaleCadre", "on")
			.param("bankCard.cardNo", WithdrawalFixtures.CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行")
			.param("loan.maritalStatus", "UNMARRIED")
			.param("loan.monthlyIncome", "12000.00")
			.param("loan.property.certificateNo", flat)
			.param("loan.property.contractPrice", "1200000.00")
			.param("loan.property.assessedPrice", "1150000.00")
			.param("loan.property.firstHome", "true")
			.param("loan.contractSignedOn", "2026-11-20")
			.param("loan.property.seller.name", "王强")
			.param("loan.property.seller.idNumber", LoanFixtures.WANG_QIANG)
			.param("loan.property.seller.bank", "中国建设银行焦作分行")
			.param("loan.property.seller.accountNo", "6217000010012345678")
			.param("loan.property.seller.accountName", "王强")
			.param("loan.request.requestedAmount", "600000.00")
			.param("loan.request.termMonths", termMonths)
			.param("loan.request.repaymentMethod", "EQUAL_INSTALMENT")
			.param("loan.request.repaymentAccount.bank", "")
			.param("loan.request.repaymentAccount.accountNo", "")
			.param("loan.withdrawalAmount", "45000.00");
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RESALE_CONTRACT",
				"TITLE_CERTIFICATE", "DEED_TAX_RECEIPT", "MARITAL_PROOF", "DOWN_PAYMENT_RECEIPT", "SELLER_ID",
				"SELLER_ACCOUNT", "INCOME_PROOF", "REPAYMENT_CARD")) {
			form.param("materials[" + code + "]", "true");
		}
		return form;
	}

	private static String problemOf(MockHttpServletResponse answer) throws Exception {
		return answer.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?s).*?((<p[^>]*(form-problem|field-error)[^<]*</p>\\s*)+).*", "$1");
	}

}
