package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
import cn.example.servicehall.calendar.TestCalendars;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.support.HtmlPage;

/**
 * 工作日历 on its page, on a signed-in session: what the administrator and the manager see, a year entered from the
 * text box, and a refused entry shown again with the text as typed and each line's mistake. The hall's clock is set
 * to 1 December 2026, when 2027 is the next year to enter and is due within the warning's 90 days.
 * <p>
 * Other test classes of the same Spring context rely on 2027 being missing: the test that enters it deletes it again
 * (before each test too, should an earlier run have been killed).
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class CalendarPagesIT {

	private static final String SOURCE = "测试数据（非真实通知）：国务院办公厅关于2027年部分节假日安排的通知 https://www.gov.cn/test";

	/** Test data shaped like a notice: 元旦 01-01 to 01-03, 春节 02-05 (Fri) to 02-12 (Fri), make-up Sat 02-20. */
	private static final String DAYS_2027 = """
			2027-01-01 放假 元旦
			2027-01-02 放假 元旦
			2027-01-03 休 元旦

			2027-02-05 放假 春节
			2027-02-06\t放假\t春节
			2027-02-07 OFF 春节
			2027-02-08 放假 春节
			2027-02-09 放假 春节
			2027-02-10 放假 春节
			2027-02-11 放假 春节
			2027-02-12 放假 春节
			2027-02-20 上班 春节
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WorkingCalendar calendar;

	@BeforeEach
	void firstOfDecember2026() {
		leave2027Missing();
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
	}

	@AfterEach
	void realTimeAnd2027Missing() {
		ClockUtil.reset();
		leave2027Missing();
	}

	@Test
	@DisplayName("系统管理员：已录入的年份、办公时间、缺失年份的提示，以及录入 2027 年的表单")
	void showsTheAdministratorTheYearsTheOfficeHoursTheWarningAndTheFormForTheNextYear() throws Exception {
		HtmlPage page = page(get("/admin/calendar").with(admin()), 200);

		assertThat(page.title()).startsWith("工作日历");
		assertThat(page.all("#nav-calendar")).hasSize(1);
		assertThat(years(page)).containsExactly(
				"2025 28 5 248 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号） 系统预置",
				"2026 33 6 248 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日） 系统预置");
		assertThat(page.get("#calendar-years tr[data-year=2025] td.source a").attr("href"))
			.isEqualTo("https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm");
		assertThat(page.texts("#office-hours li")).containsExactly("08:30-12:00", "13:30-17:30");
		assertThat(page.get("#office-hours-section").text()).contains("每个工作日共 7.5 小时")
			.contains("servicehall.sla.office-hours");
		assertThat(page.get("#calendar-missing").text()).startsWith("2027 年工作日历尚未录入，时限将无法计算");
		assertThat(page.get("#calendar-missing-link").attr("href")).isEqualTo("/admin/calendar/2027");
		assertThat(page.get("#next-missing").text()).contains("下一个未录入的年份：2027 年");

		assertThat(page.get("#calendar-form-title").text()).isEqualTo("录入 2027 年工作日历");
		assertThat(page.get("#calendar-year").value()).isEqualTo("2027");
		assertThat(page.get("#calendar-source").value()).isEmpty();
		assertThat(page.get("#calendar-days-text").value()).isEmpty();
		assertThat(page.get("label[for=calendar-days-text]").text()).isEqualTo("放假和调休日期（每行一天）");
	}

	@Test
	@DisplayName("查看 2026 年：逐日列出放假和调休，并以现有内容预填替换表单")
	void showsAYearDayByDayAndPrefillsTheFormToReplaceIt() throws Exception {
		HtmlPage page = page(get("/admin/calendar/2026").with(admin()), 200);

		assertThat(page.get("#year-days-title").text()).isEqualTo("2026 年放假和调休安排");
		assertThat(page.get("#year-summary").text()).startsWith("放假 33 天，调休上班 6 天，全年工作日 248 天。");
		assertThat(page.all("#calendar-days tbody tr")).hasSize(39);
		assertThat(page.get("#calendar-days").rows()).startsWith("2026-01-01 星期四 放假 元旦",
				"2026-01-02 星期五 放假 元旦", "2026-01-03 星期六 放假 元旦", "2026-01-04 星期日 调休上班 元旦");
		assertThat(page.get("#calendar-years tr.selected").attr("data-year")).isEqualTo("2026");

		assertThat(page.get("#calendar-form-title").text()).isEqualTo("替换 2026 年工作日历");
		assertThat(page.get("#calendar-year").value()).isEqualTo("2026");
		assertThat(page.get("#calendar-source").value()).contains("国务院办公厅关于2026年部分节假日安排的通知");
		assertThat(page.get("#calendar-days-text").value()).startsWith("2026-01-01 放假 元旦\n2026-01-02 放假 元旦\n")
			.contains("2026-01-04 上班 元旦\n")
			.endsWith("2026-10-10 上班 国庆节\n");
	}

	@Test
	@DisplayName("录入 2027 年：保存后列出该年，提示消失")
	void entersAYearFromTheTextBoxAndListsIt() throws Exception {
		MvcResult saved = this.mvc.perform(post("/admin/calendar").with(admin())
			.with(csrf())
			.param("year", "2027")
			.param("source", SOURCE)
			.param("days", DAYS_2027)).andReturn();

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/calendar/2027");
		// the browser follows the redirect with its session cookie: the message waits in the session (in the database)
		HtmlPage page = page(get("/admin/calendar/2027").with(admin()).cookie(saved.getResponse().getCookie("SESSION")), 200);
		assertThat(page.get("#flash").text())
			.isEqualTo("2027 年工作日历已保存：放假 11 天，调休上班 1 天，全年工作日 255 天。");
		assertThat(years(page)).hasSize(3)
			.last()
			.isEqualTo("2027 11 1 255 测试数据（非真实通知）：国务院办公厅关于2027年部分节假日安排的通知 admin1");
		assertThat(page.get("#calendar-days").rows()).contains("2027-02-20 星期六 调休上班 春节");
		assertThat(page.all("#calendar-missing")).isEmpty();
		assertThat(page.get("#calendar-form-title").text()).isEqualTo("替换 2027 年工作日历");
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2027-02-20"))).isTrue();
		assertThat(page(get("/").with(admin()), 200).all("#calendar-missing")).isEmpty();
	}

	@Test
	@DisplayName("录入有误：保留所填内容，逐行列出错误，不作任何修改")
	void showsARefusedEntryAgainWithTheTextAsTypedAndEachLinesMistake() throws Exception {
		String typed = "2027-01-01 放假 元旦\n\n2027-01-06 上班 元旦\n2027-13-01 放假 元旦\n2027-02-05 假 春节\n2027-02-06 放假";

		HtmlPage page = page(post("/admin/calendar").with(admin())
			.with(csrf())
			.param("year", "2027")
			.param("source", "  ")
			.param("days", typed), 400);

		assertThat(page.get("#calendar-problem").text()).startsWith("未保存：请更正以下内容后重新提交");
		assertThat(page.get("#calendar-source-error").text()).startsWith("请填写依据：国务院办公厅部分节假日安排通知的标题和网址。");
		assertThat(page.texts("#calendar-line-errors li")).containsExactly(
				"第 2 行（2027-01-06 调休上班日 元旦）：调休上班日 2027-01-06 是星期三，调休上班日只能是星期六或星期日。"
						+ "Line 2: the make-up working day 2027-01-06 is a Wednesday; make-up working days are Saturdays or Sundays.",
				"第 3 行（2027-13-01 放假 元旦）：无法识别日期“2027-13-01”，请写作 2027-01-01。"
						+ "Line 3: \"2027-13-01\" is not a date; write it as 2027-01-01.",
				"第 4 行（2027-02-05 假 春节）：无法识别类型“假”，请写 放假（休、OFF）或 上班（班、MAKEUP）。"
						+ "Line 4: \"假\" is not a kind; write OFF (放假) or MAKEUP (上班).",
				"第 5 行（2027-02-06 放假日）：缺少节日名称（如 春节、国庆节）。Line 5: the holiday's name is missing (e.g. 春节).");
		// the text as typed, blank lines left out so that the line numbers match
		assertThat(page.get("#calendar-days-text").value())
			.isEqualTo("2027-01-01 放假 元旦\n2027-01-06 上班 元旦\n2027-13-01 放假 元旦\n2027-02-05 假 春节\n2027-02-06 放假");
		assertThat(page.get("#calendar-year").value()).isEqualTo("2027");
		assertThat(page.get("#calendar-days-text").attr("aria-invalid")).isEqualTo("true");
		assertThat(this.calendar.year(2027)).isEmpty();
	}

	@Test
	void asksForTheYearWhenItIsNotANumber() throws Exception {
		HtmlPage page = page(post("/admin/calendar").with(admin())
			.with(csrf())
			.param("year", "二〇二七")
			.param("source", SOURCE)
			.param("days", DAYS_2027), 400);

		assertThat(page.get("#calendar-form-title").text()).isEqualTo("工作日历");
		assertThat(page.get("#calendar-year-error").text()).isEqualTo("请填写整数");
		assertThat(page.get("#calendar-year").value()).isEqualTo("二〇二七");
		assertThat(page.get("#calendar-days-text").value()).startsWith("2027-01-01 放假 元旦");
		assertThat(this.calendar.year(2027)).isEmpty();

		// a year in the address that is not a number is a wrong address (400), not a failure with a reference
		HtmlPage wrongAddress = page(get("/admin/calendar/二〇二七").with(admin()), 400);
		assertThat(wrongAddress.get("#problem-page").attr("data-status")).isEqualTo("400");
		assertThat(wrongAddress.all("#problem-reference")).isEmpty();
	}

	@Test
	@DisplayName("大厅管理人员只能查看；其他岗位无权打开")
	void letsTheManagerReadOnlyAndKeepsOtherStaffOut() throws Exception {
		HtmlPage manager = page(get("/admin/calendar/2026").with(manager()), 200);
		assertThat(manager.all("#calendar-form")).isEmpty();
		assertThat(manager.get("#calendar-read-only").text()).isEqualTo("您可以查看工作日历；录入和修改由系统管理员办理。");
		assertThat(manager.all("#calendar-days tbody tr")).hasSize(39);
		assertThat(manager.get("#calendar-missing-link").text()).isEqualTo("查看工作日历");
		assertThat(manager.get("#view-2026").text()).isEqualTo("查看");

		HtmlPage refused = page(post("/admin/calendar").with(manager())
			.with(csrf())
			.param("year", "2027")
			.param("source", SOURCE)
			.param("days", DAYS_2027), 403);
		assertThat(refused.get("#problem-detail").text()).isEqualTo("只有系统管理员可以录入或修改工作日历。");
		assertThat(this.calendar.year(2027)).isEmpty();

		HtmlPage clerk = page(get("/admin/calendar").with(signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk")), 403);
		assertThat(clerk.get("#problem-detail").text()).isEqualTo("工作日历页面供系统管理员和大厅管理人员使用。");
		assertThat(clerk.all("#nav-calendar")).isEmpty();
	}

	@Test
	void speaksEnglishWhenAsked() throws Exception {
		HtmlPage page = page(get("/admin/calendar/2026").param("lang", "en").with(admin()), 200);

		assertThat(page.get("#calendar-title").text()).isEqualTo("Working-day calendar");
		assertThat(page.get("#calendar-missing").text())
			.startsWith("The working-day calendar of 2027 has not been entered: time limits cannot be counted.")
			.contains("State Council's notice");
		assertThat(page.get("#calendar-days").rows()).startsWith("2026-01-01 Thursday Day off 元旦");
		assertThat(page.get("#calendar-form-title").text()).isEqualTo("Replace the calendar of 2026");
		assertThat(page.get("#calendar-days-text").value()).startsWith("2026-01-01 OFF 元旦\n");
	}

	private void leave2027Missing() {
		TestCalendars.remove(2027, this.jdbc, this.calendar);
	}

	private HtmlPage page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return HtmlPage.parse(body);
	}

	/** Each year's line as the list shows it, without when it was entered and the link. */
	private static List<String> years(HtmlPage page) {
		return page.all("#calendar-years tbody tr")
			.stream()
			.map(row -> String.join(" ", Stream.of("year", "off-days", "makeup-days", "working-days", "source", "entered-by")
				.map(cell -> row.get("td." + cell).text())
				.toList()))
			.toList();
	}

	private OidcLoginRequestPostProcessor admin() {
		return signedIn("admin1", "孙", "磊", "system-admin");
	}

	private OidcLoginRequestPostProcessor manager() {
		return signedIn("manager1", "吴", "卫东", "hall-manager");
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
