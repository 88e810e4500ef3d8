package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.LI_NA;
import static cn.example.servicehall.support.LoanFixtures.WANG_QIANG;
import static cn.example.servicehall.support.LoanFixtures.ZHANG_WEI;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.HtmlPage;

/**
 * The workbench pages on a signed-in session, without a browser: what each page shows and how it refuses. The
 * whole journey through the pages in a real browser is {@link WorkbenchJourneyIT}.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class WorkbenchPagesIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TaskService tasks;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void showsTheClerkTheNewApplicationButtonAndTheCaseWithItsAcceptanceForm() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		String home = page(get("/").with(clerk()), 200);
		assertThat(home).contains("id=\"new-application\"").contains("新建二手房贷款申请").contains("/cases/" + caseNo);

		String casePage = page(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(casePage).contains("id=\"acceptance-form\"")
			.contains("借款人居民身份证")
			.contains("共同借款人（配偶）居民身份证")
			.contains("已提交")
			.contains("录入申请")
			.contains("焦作市解放区民主南路 88 号")
			.contains("410802********0313")
			.doesNotContain(ZHANG_WEI);

		String registry = page(get("/cases/" + caseNo).with(signedIn("registry1", "杨", "秀英", "registry-clerk")), 200);
		assertThat(registry).doesNotContain("acceptance-form").contains("id=\"no-steps\"");

		String schedule = page(get("/cases/" + caseNo + "/schedule").with(clerk()), 200);
		assertThat(schedule).contains("id=\"no-schedule\"");
	}

	@Test
	void keepsWhatTheClerkTypedAndShowsEachFieldsMessage() throws Exception {
		String form = page(get("/applications/resale/new").with(clerk()), 200);
		assertThat(form).contains("autofocus").contains("name=\"idempotencyKey\"").contains("for=\"borrower-name\"");

		String refused = page(post("/applications/resale").with(clerk()).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("borrower.name", "张伟")
			.param("borrower.idNumber", "410802198506150314")
			.param("borrower.maritalStatus", "MARRIED")
			.param("borrower.monthlyIncome", "一万二")
			.param("loan.requestedAmount", "600000.00")
			.param("loan.termMonths", "240")
			.param("loan.repaymentMethod", "EQUAL_INSTALMENT"), 400);
		assertThat(refused).contains("value=\"张伟\"")
			.contains("value=\"一万二\"")
			.contains("身份证号码校验位（最后一位）不符")
			.contains("请填写数字")
			.contains("已婚借款人须由配偶作为共同借款人")
			.contains("请填写不动产权证书号")
			.contains("请选择是否首套住房");
	}

	@Test
	void opensOneCaseForADoubleSubmission() throws Exception {
		String key = UUID.randomUUID().toString();
		long before = cases();

		MvcResult first = submitForm(key);
		MvcResult second = submitForm(key);

		assertThat(first.getResponse().getRedirectedUrl()).startsWith("/cases/DK");
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(second.getFlashMap().get("flashKey")).isEqualTo("workbench.flash.submitted-once");
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void answersACaseNobodyMaySeeWithAFriendlyNotFoundPage() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		assertThat(page(get("/cases/DK2099010100001").with(clerk()), 404)).contains("没有找到").contains("problem-page");
		assertThat(page(get("/cases/not-a-case").with(clerk()), 404)).contains("没有找到");
		String agent = page(get("/cases/" + caseNo).with(signedIn("agent-a", "黄", "文杰", "developer-agent")), 404);
		assertThat(agent).contains("没有找到").doesNotContain("张伟");
	}

	@Test
	void showsARefusalOfTheDomainOnThePageNotAStackTrace() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		String wrongPost = page(post("/cases/" + caseNo + "/acceptance")
			.with(signedIn("bank1", "陈", "海燕", "bank-loan-officer"))
			.with(csrf())
			.param("listed", "BORROWER_ID")
			.param("provided", "BORROWER_ID"), 403);
		assertThat(wrongPost).contains("id=\"step-problem\"").contains("不由您的岗位办理").doesNotContain("Exception");

		String notClerk = page(get("/applications/resale/new").with(signedIn("bank1", "陈", "海燕", "bank-loan-officer")), 403);
		assertThat(notClerk).contains("窗口申请只能由受理岗录入");
	}

	@Test
	void quotesAsTheClerkTypesAndWithoutScriptToo() throws Exception {
		String page = page(get("/calculator").with(clerk()), 200);
		assertThat(page).contains("id=\"quote-monthly\"").contains("3,208.73").contains("现行利率");

		String json = page(get("/calculator/quote").with(clerk())
			.param("amount", "600000.00")
			.param("months", "240")
			.param("method", "EQUAL_PRINCIPAL")
			.param("firstHome", "true"), 200);
		assertThat(json).contains("\"firstPayment\":3800.00").contains("\"rateInForce\":true").contains("\"period\":12")
			.doesNotContain("\"period\":13");

		String invalid = page(get("/calculator/quote").with(clerk()).param("amount", "abc").param("months", "0"), 400);
		assertThat(invalid).contains("\"amount\":\"请填写数字").contains("\"months\":\"期限须在 1 至 360 个月之间\"");

		String plain = page(get("/calculator").with(clerk()).param("amount", "5").param("months", "12")
			.param("method", "EQUAL_INSTALMENT"), 200);
		assertThat(plain).contains("试算金额须在 1,000 至 10,000,000 元之间").contains("value=\"5\"");
	}

	@Test
	void letsTheClerkClaimAndReleaseAStepThatIsDueSoon() throws Exception {
		// submitted on a Monday at 09:00: acceptance is due within two working hours, at 11:00; yellow from 10:36
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));
		String taskId = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		assertThat(page(get("/").with(clerk()), 200)).contains("id=\"claim-" + taskId + "\"").doesNotContain("即将到期");

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:40:00Z")));
		String home = page(get("/").with(clerk()), 200);
		assertThat(home).contains("id=\"claim-" + taskId + "\"").contains("即将到期").contains("2026-03-02 11:00");

		MvcResult claimed = this.mvc.perform(post("/tasks/" + taskId + "/claim").with(clerk()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(claimed.getFlashMap().get("flashKey")).isEqualTo("workbench.flash.claimed");
		assertThat(page(get("/").with(clerk()), 200)).contains("id=\"unclaim-" + taskId + "\"");
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("clerk1");

		MvcResult taken = this.mvc.perform(post("/tasks/" + taskId + "/claim")
			.with(signedIn("clerk2", "李", "丽华", "hpf-acceptance-clerk"))
			.with(csrf())).andReturn();
		assertThat((String) taken.getFlashMap().get("flashProblem")).contains("clerk1");

		this.mvc.perform(post("/tasks/" + taskId + "/unclaim").with(clerk()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void withdrawsOnlyWithAReason() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		String noReason = page(post("/cases/" + caseNo + "/withdrawal").with(clerk()).with(csrf()).param("reason", "  "), 400);
		assertThat(noReason).contains("请填写撤回原因").contains("<details open");

		this.mvc.perform(post("/cases/" + caseNo + "/withdrawal").with(clerk()).with(csrf()).param("reason", "申请人改用商业贷款"))
			.andExpect(status().is3xxRedirection());
		String withdrawn = page(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(withdrawn).contains("已撤回").contains("申请人改用商业贷款").doesNotContain("withdrawal-form")
			.doesNotContain("acceptance-form");
	}

	@Test
	void speaksEnglishWhenAsked() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		String english = page(get("/cases/" + caseNo).param("lang", "en").with(clerk()), 200);
		assertThat(english).contains("lang=\"en\"").contains("My open steps").contains("Progress").contains("Application entered")
			.contains("Submitted");
	}

	@Test
	@DisplayName("工作日历缺年份：系统管理员和大厅管理人员在工作台看到提示，其他岗位看不到")
	void warnsOnlyThoseWhoKeepTheCalendarOfAYearNotEntered() throws Exception {
		// 1 December 2026: 2027 is within 90 days and has not been entered
		at("2026-12-01T10:00");
		HtmlPage admin = html(get("/").with(signedIn("admin1", "孙", "磊", "system-admin")), 200);
		assertThat(admin.get("#calendar-missing").text()).startsWith("2027 年工作日历尚未录入，时限将无法计算：");
		assertThat(admin.get("#calendar-missing-link").text()).isEqualTo("录入 2027 年工作日历");
		assertThat(admin.get("#calendar-missing-link").attr("href")).isEqualTo("/admin/calendar/2027");
		assertThat(admin.get("#nav-calendar").attr("href")).isEqualTo("/admin/calendar");

		HtmlPage manager = html(get("/").with(signedIn("manager1", "吴", "卫东", "hall-manager")), 200);
		assertThat(manager.get("#calendar-missing").text()).startsWith("2027 年工作日历尚未录入");
		assertThat(manager.get("#calendar-missing-link").text()).isEqualTo("查看工作日历");
		assertThat(manager.all("#nav-calendar")).hasSize(1);

		for (OidcLoginRequestPostProcessor staff : List.of(clerk(), signedIn("reviewer1", "张", "建国", "hpf-first-reviewer"),
				signedIn("bank1", "陈", "海燕", "bank-loan-officer"), signedIn("agent-a", "黄", "文杰", "developer-agent"))) {
			HtmlPage home = html(get("/").with(staff), 200);
			assertThat(home.all("#calendar-missing")).isEmpty();
			assertThat(home.all("#nav-calendar")).isEmpty();
		}

		// in March 2026 the next 90 days lie within 2026, which is entered
		at("2026-03-02T10:00");
		assertThat(html(get("/").with(signedIn("admin1", "孙", "磊", "system-admin")), 200).all("#calendar-missing")).isEmpty();
	}

	private MvcResult submitForm(String key) throws Exception {
		return this.mvc.perform(post("/applications/resale").with(clerk()).with(csrf())
			.param("idempotencyKey", key)
			.param("borrower.name", "张伟")
			.param("borrower.idNumber", ZHANG_WEI)
			.param("borrower.maritalStatus", "MARRIED")
			.param("borrower.monthlyIncome", "12000.00")
			.param("coBorrower.name", "李娜")
			.param("coBorrower.idNumber", LI_NA)
			.param("coBorrower.maritalStatus", "MARRIED")
			.param("coBorrower.monthlyIncome", "8000.00")
			.param("property.certificateNo", FLAT_2008)
			.param("property.contractPrice", "1200000.00")
			.param("property.assessedPrice", "1150000.00")
			.param("property.firstHome", "true")
			.param("property.seller.name", "王强")
			.param("property.seller.idNumber", WANG_QIANG)
			.param("property.seller.bank", "中国建设银行焦作分行")
			.param("property.seller.accountNo", "6217000010012345678")
			.param("property.seller.accountName", "王强")
			.param("loan.requestedAmount", "600000.00")
			.param("loan.termMonths", "240")
			.param("loan.repaymentMethod", "EQUAL_INSTALMENT"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from intake_case").query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

	private HtmlPage html(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		return HtmlPage.parse(page(request, expectedStatus));
	}

	/** Sets the hall's (and the engine's) clock to a time in the hall's zone. */
	private static void at(String localTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
	}

	private OidcLoginRequestPostProcessor clerk() {
		return signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk");
	}

	private OidcLoginRequestPostProcessor signedIn(String username, String familyName, String givenName,
			String... groups) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", familyName)
				.claim("given_name", givenName)
				.claim("groups", Arrays.asList(groups)))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toArray(SimpleGrantedAuthority[]::new));
	}

}
