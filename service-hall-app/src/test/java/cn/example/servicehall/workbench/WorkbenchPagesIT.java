package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;

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

	@Autowired
	private ProcessEngine engine;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void showsTheClerkTheNewApplicationButtonAndTheCaseWithItsAcceptanceForm() throws Exception {
		LoanFixtures.Couple couple = LoanFixtures.newCouple();
		String caseNo = submit(this.http,
				LoanFixtures.resaleApplication(couple, LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008)));

		// the inbox and the cases are a page at a time: the clerk finds this case by its number
		String home = page(get("/").param("q", caseNo).with(clerk()), 200);
		assertThat(home).contains("id=\"new-application\"").contains("新建二手房贷款申请").contains("/cases/" + caseNo);

		String casePage = page(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(casePage).contains("id=\"acceptance-form\"")
			.contains("借款人居民身份证")
			.contains("共同借款人（配偶）居民身份证")
			.contains("已提交")
			.contains("录入申请")
			.contains("焦作市解放区民主南路 88 号")
			.contains(LoanFixtures.masked(couple.husband()))
			.doesNotContain(couple.husband());

		String registry = page(get("/cases/" + caseNo).with(signedIn("registry1", "杨", "秀英", "registry-clerk")), 200);
		assertThat(registry).doesNotContain("acceptance-form").contains("id=\"no-steps\"");

		String schedule = page(get("/cases/" + caseNo + "/schedule").with(clerk()), 200);
		assertThat(schedule).contains("id=\"no-schedule\"");
	}

	@Test
	void opensOneCaseForADoubleSubmission() throws Exception {
		String key = UUID.randomUUID().toString();
		long before = cases();

		LoanFixtures.Couple couple = LoanFixtures.newCouple();
		String flat = LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008);
		MvcResult first = submitForm(key, couple, flat);
		MvcResult second = submitForm(key, couple, flat);

		assertThat(first.getResponse().getRedirectedUrl()).startsWith("/cases/DK");
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(second.getFlashMap().get("flashKey")).isEqualTo("workbench.flash.submitted-once");
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void answersACaseNobodyMaySeeWithAFriendlyNotFoundPage() throws Exception {
		String caseNo = submit(this.http, newResaleApplication());

		assertThat(page(get("/cases/DK2099010100001").with(clerk()), 404)).contains("没有找到").contains("problem-page");
		assertThat(page(get("/cases/not-a-case").with(clerk()), 404)).contains("没有找到");
		String agent = page(get("/cases/" + caseNo).with(signedIn("agent-a", "黄", "文杰", "developer-agent")), 404);
		assertThat(agent).contains("没有找到").doesNotContain("张伟");
	}

	@Test
	void showsARefusalOfTheDomainOnThePageNotAStackTrace() throws Exception {
		String caseNo = submit(this.http, newResaleApplication());

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
		String caseNo = submit(this.http, newResaleApplication());
		String taskId = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		assertThat(page(get("/").param("q", caseNo).with(clerk()), 200)).contains("id=\"claim-" + taskId + "\"")
			.doesNotContain("即将到期");

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:40:00Z")));
		String home = page(get("/").param("q", caseNo).with(clerk()), 200);
		assertThat(home).contains("id=\"claim-" + taskId + "\"").contains("即将到期").contains("2026-03-02 11:00");

		MvcResult claimed = this.mvc.perform(post("/tasks/" + taskId + "/claim").with(clerk()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(claimed.getFlashMap().get("flashKey")).isEqualTo("workbench.flash.claimed");
		assertThat(page(get("/").param("q", caseNo).with(clerk()), 200)).contains("id=\"unclaim-" + taskId + "\"");
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
		String caseNo = submit(this.http, newResaleApplication());

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
		String caseNo = submit(this.http, newResaleApplication());

		String english = page(get("/cases/" + caseNo).param("lang", "en").with(clerk()), 200);
		assertThat(english).contains("lang=\"en\"").contains("My open steps").contains("Progress").contains("Application entered")
			.contains("Submitted");
	}

	@Test
	@DisplayName("办理时限：各时限的要求、到期时间、已用时间和状态，随计时变化")
	void showsEachTimeLimitOfTheCaseWithItsStateAsTheClockMoves() throws Exception {
		// Monday 2026-03-02 09:00: acceptance at the window within two working hours, due at 11:00, due soon from 10:36
		at("2026-03-02T09:00");
		String caseNo = submit(this.http, newResaleApplication());

		at("2026-03-02T09:30");
		HtmlPage early = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(early.get("#sla-title").text()).isEqualTo("办理时限");
		assertThat(clockStates(early)).containsExactly("window-acceptance 正常", "step:Task_AcceptApplication 正常");

		at("2026-03-02T10:40");
		HtmlPage dueSoon = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(dueSoon.get("#sla-clocks").rows()).containsExactly(
				"窗口受理 阶段 公积金中心 2 个工作小时 2026-03-02 09:00 2026-03-02 11:00 1 小时 40 分钟 即将到期",
				"窗口受理 环节 公积金中心 2 个工作小时 2026-03-02 09:00 2026-03-02 11:00 1 小时 40 分钟 即将到期");

		at("2026-03-02T11:05");
		assertThat(clockStates(html(get("/cases/" + caseNo).with(clerk()), 200)))
			.containsExactly("window-acceptance 已超时", "step:Task_AcceptApplication 已超时");

		// accepted late with the income proof missing: the step is done, late; the window's clock waits for the citizen
		ok(clerkApi().post("/api/loan/applications/" + caseNo + "/acceptance", withMissing("INCOME_PROOF")));
		runJobs(this.engine, caseNo);
		at("2026-03-02T11:10");
		HtmlPage waiting = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(waiting.get("#sla-clocks tr[data-definition=window-acceptance]").text())
			.isEqualTo("窗口受理 阶段 公积金中心 2 个工作小时 2026-03-02 09:00 暂停中，恢复计时后重新计算 2 小时 5 分钟 暂停计时（补正中）");
		assertThat(waiting.get("#sla-clocks tr[data-definition=step:Task_AcceptApplication] td.sla-state-cell").text())
			.isEqualTo("已完成（超时） 于 2026-03-02 11:05");

		// the materials come, the clerk accepts at once: the second acceptance is on time; the spans after acceptance
		// start, the window-to-signing one suspended while the other agencies check
		ok(clerkApi().post("/api/loan/applications/" + caseNo + "/materials-supplemented", Map.of("remark", "补齐收入证明")));
		at("2026-03-02T11:20");
		ok(clerkApi().post("/api/loan/applications/" + caseNo + "/acceptance", allMaterials(true)));
		HtmlPage accepted = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(clockStates(accepted)).startsWith("window-acceptance 已完成（超时）", "step:Task_AcceptApplication 已完成（超时）",
				"step:Task_AcceptApplication 已完成（按时）")
			.contains("window-to-signing 暂停计时（其他部门办理中）", "statutory-decision 正常");
		assertThat(accepted.get("#sla-clocks tr[data-definition=statutory-decision]").text())
			.startsWith("法定审批时限（15日） 阶段 公积金中心 15 日（自然日） 2026-03-02 11:20 2026-03-17 23:59 0 分钟 正常");

		// withdrawn: what was running ends without counting. The window's clock counted 09:00 to 11:20 less the five
		// minutes waiting for the citizen (11:05 to 11:10), which also moved its due time to 11:05
		this.mvc.perform(post("/cases/" + caseNo + "/withdrawal").with(clerk()).with(csrf()).param("reason", "申请人改用商业贷款"))
			.andExpect(status().is3xxRedirection());
		HtmlPage withdrawn = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(clockStates(withdrawn)).contains("window-to-signing 已取消", "statutory-decision 已取消");

		HtmlPage english = html(get("/cases/" + caseNo).param("lang", "en").with(clerk()), 200);
		assertThat(english.get("#sla-clocks tr[data-definition=window-acceptance]").text())
			.isEqualTo("Acceptance at the window stage Fund centre 2 working hours 2026-03-02 09:00 2026-03-02 11:05 2 h 15 min "
					+ "Done (late) at 2026-03-02 11:20");
	}

	@Test
	@DisplayName("来访登记：列出来访，窗口人员在案件页登记来访")
	void listsTheVisitsAndChecksACitizenInFromTheCasePage() throws Exception {
		at("2026-03-02T09:00");
		String caseNo = submit(this.http, newResaleApplication());

		HtmlPage before = html(get("/cases/" + caseNo).with(clerk()), 200);
		assertThat(before.get("#visits").rows()).containsExactly("2026-03-02 09:00 市民之家综合服务大厅 提交申请 clerk1");
		assertThat(before.texts("#check-in-purpose option")).containsExactly("请选择", "1 提交申请", "2 补正材料", "3 面签",
				"4 领取文书", "5 咨询", "6 其他");

		at("2026-03-02T10:15");
		HtmlPage noPurpose = html(post("/cases/" + caseNo + "/visits").with(clerk()).with(csrf()), 400);
		assertThat(noPurpose.get("#check-in-purpose-error").text()).isEqualTo("请选择来访事由");
		assertThat(noPurpose.all("#visits tbody tr")).hasSize(1);

		MvcResult checkedIn = this.mvc
			.perform(post("/cases/" + caseNo + "/visits").with(clerk()).with(csrf()).param("purpose", "SUPPLEMENT"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(checkedIn.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNo);
		// the browser follows the redirect with its session cookie: the message waits in the session (in the database)
		HtmlPage after = html(get("/cases/" + caseNo).with(clerk()).cookie(checkedIn.getResponse().getCookie("SESSION")), 200);
		assertThat(after.get("#flash").text()).isEqualTo("已登记来访，此案件累计来访 2 次。");
		assertThat(after.get("#visits-count").text()).isEqualTo("2");
		assertThat(after.get("#visits").rows()).containsExactly("2026-03-02 09:00 市民之家综合服务大厅 提交申请 clerk1",
				"2026-03-02 10:15 市民之家综合服务大厅 补正材料 clerk1");

		// every counter checks citizens in (the bank's, for signing); managers read
		assertThat(html(get("/cases/" + caseNo).with(signedIn("bank1", "陈", "海燕", "bank-loan-officer")), 200)
			.all("#check-in-form")).hasSize(1);
		HtmlPage manager = html(get("/cases/" + caseNo).with(signedIn("manager1", "吴", "卫东", "hall-manager")), 200);
		assertThat(manager.all("#check-in-form")).isEmpty();
		assertThat(manager.all("#visits tbody tr")).hasSize(2);
		HtmlPage refused = html(post("/cases/" + caseNo + "/visits").with(signedIn("manager1", "吴", "卫东", "hall-manager"))
			.with(csrf())
			.param("purpose", "ENQUIRY"), 403);
		assertThat(refused.get("#step-problem").text()).startsWith("来访登记由各部门窗口人员办理。");
		assertThat(refused.all("#visits tbody tr")).hasSize(2);

		HtmlPage english = html(get("/cases/" + caseNo).param("lang", "en").with(clerk()), 200);
		assertThat(english.get("#visits-title").text()).isEqualTo("Visits 2");
		assertThat(english.texts("#visits td.purpose")).containsExactly("Submitting the application",
				"Bringing missing materials");
	}

	@Test
	@DisplayName("案件页和接口以姓名显示经办人，登录名留作审计")
	void showsTheStaffByNameOnTheCasePageAndInTheApi() throws Exception {
		String caseNo = submit(this.http, LoanFixtures.newResaleApplication());
		String path = "/api/loan/applications/" + caseNo;
		ok(named("clerk1", "王", "晓明", "hpf-acceptance-clerk").post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		ok(named("bank1", "陈", "海燕", "bank-loan-officer").post(path + "/credit-review",
				Map.of("outcome", "APPROVE", "opinion", "征信良好")));

		HtmlPage page = html(get("/cases/" + caseNo).with(signedIn("manager1", "吴", "卫东", "hall-manager")), 200);
		assertThat(page.get("#timeline tr[data-action=ACCEPTED] td.actor").text()).isEqualTo("王晓明");
		assertThat(page.get("#timeline tr[data-action=ACCEPTED]").attr("data-actor")).as("the login, for the audit")
			.isEqualTo("clerk1");
		assertThat(page.get("#timeline tr[data-action=CREDIT_REVIEWED] td.actor").text()).isEqualTo("陈海燕");
		assertThat(page.get("#reviews tr[data-stage=CREDIT] td.reviewer").text()).isEqualTo("陈海燕");
		assertThat(page.texts("#timeline td.actor")).doesNotContain("bank1");

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> history = (List<Map<String, Object>>) ((Map<String, Object>) clerkApi().get(path)
			.getBody()
			.get("caseFile")).get("history");
		assertThat(history).filteredOn(e -> "ACCEPTED".equals(e.get("action")))
			.singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actorId", "clerk1").containsEntry("actorName", "王晓明"));
		assertThat(history).filteredOn(e -> "CREDIT_REVIEWED".equals(e.get("action")))
			.singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actorId", "bank1").containsEntry("actorName", "陈海燕"));
	}

	@Test
	@DisplayName("审批表单所示可批金额即服务端执行的上限，超出时提示同一金额")
	void showsTheApproverTheOneLimitTheServerEnforces() throws Exception {
		String caseNo = submit(this.http, LoanFixtures.newResaleApplication());
		String path = "/api/loan/applications/" + caseNo;
		ok(clerkApi().post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		Map<String, Object> agree = Map.of("outcome", "APPROVE", "opinion", "同意");
		ok(Api.as(this.http, TestTokens.user("bank1", "bank-loan-officer")).post(path + "/credit-review", agree));
		ok(Api.as(this.http, TestTokens.user("registry1", "registry-clerk")).post(path + "/title-review", agree));
		ok(Api.as(this.http, TestTokens.user("guarantor1", "guarantor-officer")).post(path + "/guarantee-assessment", agree));
		runJobs(this.engine, caseNo);
		ok(Api.as(this.http, TestTokens.user("reviewer1", "hpf-first-reviewer")).post(path + "/first-review", agree));
		@SuppressWarnings("unchecked")
		Map<String, Object> decision = (Map<String, Object>) ((Map<String, Object>) clerkApi().get(path)
			.getBody()
			.get("loan")).get("decision");
		String enforced = String.format(java.util.Locale.ROOT, "%,.2f",
				new java.math.BigDecimal(decision.get("grantedAmount").toString()));
		assertThat(enforced).isEqualTo("600,000.00");

		OidcLoginRequestPostProcessor approver = signedIn("approver1", "刘", "志强", "hpf-approver");
		HtmlPage form = html(get("/cases/" + caseNo).with(approver), 200);
		assertThat(form.get("#approval-limit").text()).isEqualTo("可批金额 " + enforced + " 元，批准金额不得超过此数。");
		assertThat(form.get("#approval-form").text()).as("one limit on the form, named once")
			.doesNotContain("可贷额度");
		assertThat(form.get("#approval-form").text().split("可批金额", -1)).hasSize(2);

		HtmlPage refused = html(post("/cases/" + caseNo + "/approval").with(approver)
			.with(csrf())
			.param("outcome", "APPROVE")
			.param("approvedAmount", "600000.01")
			.param("opinion", "同意"), 422);
		assertThat(refused.get("#step-problem").text()).startsWith("批准金额 600,000.01 元超过可批金额 " + enforced + " 元");
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

	private MvcResult submitForm(String key, LoanFixtures.Couple couple, String flat) throws Exception {
		return this.mvc.perform(LoanFixtures.resaleForm(post("/applications/resale").with(clerk()).with(csrf())
			.param("idempotencyKey", key), couple, flat))
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

	/** Each clock of the case page as its definition and state: {@code window-acceptance 正常}. */
	private static List<String> clockStates(HtmlPage page) {
		return page.all("#sla-clocks tbody tr")
			.stream()
			.map(row -> row.attr("data-definition") + " " + row.get("span.sla-state").text())
			.toList();
	}

	/** Sets the hall's (and the engine's) clock to a time in the hall's zone. */
	private static void at(String localTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
	}

	/** An API user signed in with their name, as Keycloak's tokens carry it. */
	private Api named(String username, String familyName, String givenName, String group) {
		return Api.as(this.http,
				TestTokens.withClaims(Map.of("family_name", familyName, "given_name", givenName), username, group));
	}

	private Api clerkApi() {
		return Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
	}

	private static void ok(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
	}

	private static Map<String, Object> withMissing(String code) {
		Map<String, Object> check = new LinkedHashMap<>(allMaterials(true));
		@SuppressWarnings("unchecked")
		Map<String, Boolean> materials = new LinkedHashMap<>((Map<String, Boolean>) check.get("materials"));
		materials.put(code, false);
		check.put("materials", materials);
		return check;
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
