package cn.example.servicehall.documents;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.applicant;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.workflow.BackgroundSteps;

/**
 * Every citizen's name can be printed (GB 18030-2022, implementation level 3): names from the basic block and from
 * extensions A and B get their acceptance receipt through the real resale journey; a character no font of the hall
 * has is refused at the window, naming it, with nothing saved; and a document that cannot be rendered all the same
 * (a case saved before the window checked) fails once, becomes an incident at once and the case page says what to do.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class RareNamesIT {

	/** 燚 U+71DA (basic block), 䶮 U+4DAE (extension A), 𪚥 U+2A6A5 (extension B), each a borrower of their own. */
	static final List<String> RARE_NAMES = List.of("张燚", "刘䶮", "张𪚥");

	/** Citizens and flats of this test's own, so that no other case's borrower or flat collides with them. */
	private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500) * 1000);

	/** U+30000, a hanzi of extension G (Unicode 13, after GB 18030-2022): no font of the hall has it. */
	static final String EXTENSION_G = new String(Character.toChars(0x30000));

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private BackgroundSteps background;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@TempDir
	Path work;

	@Test
	void theAcceptanceReceiptPrintsNamesFromTheBasicBlockAndExtensionsAAndBWithEmbeddedFonts() {
		for (String name : RARE_NAMES) {
			String caseNo = acceptedCase(name);

			assertThat(this.engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstance(caseNo))
				.count()).as("no incident for %s", name).isZero();
			byte[] pdf = this.jdbc
				.sql("select content from documents_document where case_no = ? and kind = 'ACCEPTANCE_RECEIPT'")
				.param(caseNo)
				.query(byte[].class)
				.single();
			Path file = PdfTools.write(this.work, caseNo + ".pdf", pdf);
			String text = PdfTools.text(file);
			assertThat(text).as("the receipt of %s", name).contains("受理回执", caseNo);
			assertThat(text).as("the name exactly as entered, not '#'").contains(name);
			List<String> fonts = PdfTools.fonts(file);
			assertThat(fonts).as("pdffonts of %s", name).isNotEmpty().allSatisfy(font -> assertThat(font)
				.as("every font embedded as a subset").matches("^[A-Z]{6}\\+\\S+\\s+CID TrueType.*\\syes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
			if (name.equals("张𪚥")) {
				assertThat(fonts).as("extension B comes from the extension font").anyMatch(f -> f.contains("HallHanziExt"));
			}
		}
	}

	@Test
	void aCharacterNoFontHasIsRefusedAtTheWindowNamingItAndNothingIsSaved() {
		long cases = cases();
		Map<String, Object> application = application(citizen("刘" + EXTENSION_G), flat("焦作市解放区民主南路 88 号"));
		@SuppressWarnings("unchecked")
		Map<String, Object> property = new LinkedHashMap<>((Map<String, Object>) application.get("property"));
		property.put("seller", Map.of("name", "王\uE000强", "idNumber", LoanFixtures.WANG_QIANG, "bank", "中国建设银行焦作分行",
				"accountNo", "6217000010012345678", "accountName", "王\uE000强"));
		application.put("property", property);

		ResponseEntity<Map<String, Object>> refused = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", application, UUID.randomUUID().toString());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).containsEntry("status", 400);
		assertThat(errors(refused)).anySatisfy(error -> {
			assertThat(error).containsEntry("field", "borrower.name");
			assertThat(error.get("message")).contains("姓名", "“" + EXTENSION_G + "”", "U+30000", "无法打印");
		}).anySatisfy(error -> {
			assertThat(error).containsEntry("field", "property.seller.name");
			assertThat(error.get("message")).contains("卖方姓名", "“\uE000”", "U+E000", "无法打印");
		}).anySatisfy(error -> {
			assertThat(error).containsEntry("field", "property.seller.accountName");
			assertThat(error.get("message")).contains("U+E000");
		});
		assertThat(cases()).as("nothing saved").isEqualTo(cases);

		ResponseEntity<Map<String, Object>> newHouse = Api
			.as(this.http, TestTokens.developerAgent("agent-a", "91350100M000100Y43"))
			.post("/api/loan/new-house-applications",
					Map.of("applicant", Map.of("name", "钱" + EXTENSION_G, "idNumber", "360426199101010071"),
							"requestedAmount", "600000", "termMonths", 300, "project", "FZ-BJHY",
							"unitNo", "3-1-\uE0011201", "contractFilingNo", "WQ2026-FZ-000101"),
					UUID.randomUUID().toString());
		assertThat(newHouse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(newHouse)).anySatisfy(error -> {
			assertThat(error).containsEntry("field", "applicant.name");
			assertThat(error.get("message")).contains("U+30000", "无法打印");
		}).anySatisfy(error -> {
			assertThat(error).containsEntry("field", "unitNo");
			assertThat(error.get("message")).contains("房号", "U+E001");
		});
		assertThat(cases()).as("nothing saved").isEqualTo(cases);
	}

	@Test
	void anAddressTheRegistryHoldsWithACharacterNoFontHasIsRefusedAtTheWindowAndNothingIsSaved() {
		Map<String, Object> application = application(citizen("赵文"), flat("焦作市解放区\uE000园路 1 号"));
		long cases = cases();

		ResponseEntity<Map<String, Object>> refused = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", application, UUID.randomUUID().toString());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody()).containsEntry("type", "/problems/unprintable-address");
		assertThat((String) refused.getBody().get("detail")).contains("坐落", "“\uE000”", "U+E000", "未保存");
		assertThat(cases()).as("nothing saved").isEqualTo(cases);
	}

	@Test
	void theWindowsFormShowsTheCharacterThatCannotBePrintedAtItsField() throws Exception {
		long cases = cases();
		MvcResult result = this.mvc.perform(post("/applications/resale").with(clerk()).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("borrower.name", "刘" + EXTENSION_G)
			.param("borrower.idNumber", citizen("刘文"))
			.param("borrower.maritalStatus", "UNMARRIED")
			.param("borrower.monthlyIncome", "12000.00")
			.param("property.certificateNo", flat("焦作市解放区民主南路 88 号"))
			.param("property.contractPrice", "1200000.00")
			.param("property.assessedPrice", "1150000.00")
			.param("property.firstHome", "true")
			.param("property.seller.name", "王强")
			.param("property.seller.idNumber", LoanFixtures.WANG_QIANG)
			.param("property.seller.bank", "中国建设银行焦作分行")
			.param("property.seller.accountNo", "6217000010012345678")
			.param("property.seller.accountName", "王强")
			.param("loan.requestedAmount", "600000.00")
			.param("loan.termMonths", "240")
			.param("loan.repaymentMethod", "EQUAL_INSTALMENT")).andReturn();

		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(page).isEqualTo(400);
		assertThat(page).contains("“" + EXTENSION_G + "”（U+30000）", "无法打印");
		assertThat(cases()).as("nothing saved").isEqualTo(cases);
	}

	@Test
	void aDocumentThatCannotBeRenderedFailsOnceBecomesAnIncidentAtOnceAndThePageSaysWhatToDo() throws Exception {
		String caseNo = submit(this.http, application(citizen("张文"), flat("焦作市解放区民主南路 88 号")));
		// a case saved before the window checked its names: the applicant's name holds a private-use character
		this.jdbc.sql("update intake_case set applicant_name = ? where case_no = ?").param("张\uE000").param(caseNo).update();
		Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/applications/" + caseNo + "/acceptance", allMaterials(false));

		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("U+E000");

		Job job = this.engine.getManagementService().createJobQuery().processInstanceId(processInstance(caseNo))
			.singleResult();
		assertThat(job.getRetries()).as("not retried: it would fail the same way").isZero();
		Incident incident = this.engine.getRuntimeService().createIncidentQuery()
			.processInstanceId(processInstance(caseNo))
			.singleResult();
		assertThat(incident).as("an incident after the first attempt").isNotNull();
		assertThat(incident.getActivityId()).isEqualTo("Task_IssueAcceptanceReceipt");
		assertThat(incident.getIncidentMessage()).contains("受理回执", "无法生成", "“\uE000”", "U+E000", "张\uE000");
		assertThat(this.engine.getHistoryService().createHistoricJobLogQuery().jobId(job.getId()).failureLog().count())
			.as("attempts").isEqualTo(1);
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("ACCEPTED");
		assertThat(row("select count(*) from documents_document where case_no = ?", caseNo)).isEqualTo("0");

		assertThat(this.background.of(caseNo)).singleElement().satisfies(step -> {
			assertThat(step.step()).isEqualTo("Task_IssueAcceptanceReceipt");
			assertThat(step.stopped()).isTrue();
			assertThat(step.permanentFailure()).hasValueSatisfying(why -> assertThat(why).contains("U+E000"));
		});
		HtmlPage casePage = HtmlPage.parse(page(get("/cases/" + caseNo).with(clerk()), 200));
		String step = casePage.get("#background-steps li").text();
		assertThat(step).contains("出具受理回执", "文书无法生成", "U+E000", "不会自动重试", "请联系系统管理员")
			.doesNotContain("暂时失败")
			.doesNotContain("多次失败");
		assertThat(casePage.get("#background-steps li").attr("data-state")).isEqualTo("failed");
	}

	// ------------------------------------------------------------------------------------------------------------

	/** A single borrower's case for a citizen of this test named {@code name}, accepted, its receipt issued. */
	private String acceptedCase(String name) {
		String caseNo = submit(this.http, application(citizen(name), flat("焦作市解放区民主南路 88 号")));
		ResponseEntity<Map<String, Object>> accepted = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/applications/" + caseNo + "/acceptance", allMaterials(false));
		assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.OK);
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	/** The resale application of the single citizen {@code idNumber}, buying 王强's flat {@code certificateNo}. */
	private Map<String, Object> application(String idNumber, String certificateNo) {
		String name = this.jdbc.sql("select holder_name from fake_fund_account where id_no = ?")
			.param(idNumber)
			.query(String.class)
			.single();
		Map<String, Object> application = resaleApplication(certificateNo);
		application.put("borrower", applicant(name, idNumber, "UNMARRIED", "12000.00"));
		application.remove("coBorrower");
		return application;
	}

	/** A citizen of this test: a fund account in {@code name} and a clean credit record; the ID number. */
	private String citizen(String name) {
		int n = NEXT.incrementAndGet();
		String first17 = String.format("41080219%02d%02d%02d%03d", 80 + n / 100_000 % 20, 1 + n / 1000 % 12,
				1 + n / 10 % 28, n % 1000);
		String idNumber = first17 + checkCharacter(first17);
		this.jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (?, ?, ?, 'NORMAL', 50000.00, 60, 1500.00, false)""")
			.params(idNumber, "GJJRARE" + idNumber, name)
			.update();
		this.jdbc.sql("""
				insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt)
				values (?, 0, false, 0.00)""").param(idNumber).update();
		return idNumber;
	}

	/** A flat of 王强's at {@code address}, built 2008, in the registry's stand-in; its certificate number. */
	private String flat(String address) {
		String certificate = "豫(2020)焦作市不动产权第" + String.format("%07d", 9_000_000 + NEXT.incrementAndGet()) + "号";
		this.jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed,
				                                 mortgaged)
				values (?, ?, 118.50, 2008, '王强', false, false)""").params(certificate, address).update();
		return certificate;
	}

	/** GB 11643's check character of the first 17 digits. */
	private static char checkCharacter(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> errors(ResponseEntity<Map<String, Object>> problem) {
		return (List<Map<String, String>>) problem.getBody().get("errors");
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from intake_case").query(Long.class).single();
	}

	private String processInstance(String caseNo) {
		return row("select process_instance_id from intake_case_part where case_no = ? and part_no = 1", caseNo);
	}

	private String row(String sql, String caseNo) {
		return this.jdbc.sql(sql).param(caseNo).query(String.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

	private org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor clerk() {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject("clerk1")
				.claim("preferred_username", "clerk1")
				.claim("family_name", "王")
				.claim("given_name", "晓明")
				.claim("groups", List.of("hpf-acceptance-clerk")))
			.userInfoToken(info -> info.claim("preferred_username", "clerk1"))
			.authorities(new SimpleGrantedAuthority("hpf-acceptance-clerk"));
	}

}
