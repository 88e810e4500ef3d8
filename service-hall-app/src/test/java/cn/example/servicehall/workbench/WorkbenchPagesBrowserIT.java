package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.SyntheticCitizens;

/**
 * The workbench pages as people meet them in a real browser, signed in through Keycloak: a clerk searching the start
 * page from the keyboard and paging with the back button, a manager whose browser speaks American English typing
 * the dashboard's dates, and the calendar page's columns at the widths of a counter's screen.
 */
class WorkbenchPagesBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private LoanApplications applications;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectMapper json;

	@Test
	@DisplayName("工作台：按 / 键输入搜索，回车查找，翻页后用浏览器的后退键回到上一页")
	void aClerkSearchesFromTheKeyboardPagesOnAndComesBack() {
		List<String> submitted = new ArrayList<>();
		CurrentOfficer clerk1 = new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK), Optional.empty());
		for (int i = 0; i < 12; i++) {
			SyntheticCitizens.Citizen citizen = SyntheticCitizens.next("欧阳浏览");
			SyntheticCitizens.register(this.jdbc, citizen);
			submitted.add(this.applications.submitAtWindow(
					this.json.convertValue(SyntheticCitizens.application(citizen), SubmitResaleLoanApplication.class),
					clerk1).value());
		}
		this.keycloak.awaitReady();

		try (Browser clerk = signIn("clerk1", "zh-CN")) {
			WebDriver page = clerk.driver();
			// "/" from anywhere on the page puts the cursor in the search; Enter finds
			new Actions(page).sendKeys("/").perform();
			assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("search");
			page.switchTo().activeElement().sendKeys("欧阳浏览" + Keys.ENTER);
			clerk.waiting(PAGE).until(ExpectedConditions.urlContains("q="));
			assertThat(text(page, "cases-range")).isEqualTo("第 1–10 条，共 12 条");
			assertThat(text(page, "inbox-range")).isEqualTo("第 1–12 条，共 12 条");
			assertThat(text(page, "search-kind")).isEqualTo("按姓名查找（以“欧阳浏览”开头）");
			assertThat(page.findElements(By.cssSelector("#cases tbody td.case-no")).get(0).getText())
				.isEqualTo(submitted.get(11));

			page.findElement(By.id("cases-next")).click();
			clerk.waiting(PAGE).until(ExpectedConditions.urlContains("cases=2"));
			assertThat(text(page, "cases-range")).isEqualTo("第 11–12 条，共 12 条");
			screenshot(clerk, By.tagName("main"), "start-page-searched");

			// the back button shows the first page again, with the search still in its field
			page.navigate().back();
			clerk.waiting(PAGE).until(ExpectedConditions.not(ExpectedConditions.urlContains("cases=2")));
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("cases-range")));
			assertThat(text(page, "cases-range")).isEqualTo("第 1–10 条，共 12 条");
			assertThat(page.findElement(By.id("search")).getDomProperty("value")).isEqualTo("欧阳浏览");

			// a bookmark of the second page opens the second page
			page.get(HALL + "/?q=%E6%AC%A7%E9%98%B3%E6%B5%8F%E8%A7%88&cases=2");
			assertThat(text(page, "cases-range")).isEqualTo("第 11–12 条，共 12 条");
		}
	}

	@Test
	@DisplayName("管理看板的日期：浏览器为美式英语时，日期框仍显示 2026-09-01 格式，格式不对时用中文说明")
	void showsTheDashboardsDatesTheChineseWayInAnAmericanBrowser() {
		this.keycloak.awaitReady();

		try (Browser manager = signIn("manager1", "en-US")) {
			WebDriver page = manager.driver();
			page.get(HALL + "/dashboard?from=2026-09-01&to=2026-10-31");
			manager.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-filter")));
			WebElement from = page.findElement(By.id("filter-from"));
			// a text field shows its value as it stands; Chrome would draw a date field as 09/01/2026 here
			assertThat(from.getDomProperty("type")).isEqualTo("text");
			assertThat(from.getDomProperty("value")).isEqualTo("2026-09-01");
			assertThat(page.findElement(By.id("filter-to")).getDomProperty("value")).isEqualTo("2026-10-31");
			assertThat(from.getDomAttribute("placeholder")).isEqualTo("年-月-日");
			screenshot(manager, By.id("dashboard-filter"), "dashboard-dates-en-US");

			// the American way, and a day that does not exist, are refused in the browser, in Chinese
			for (String wrong : List.of("09/01/2026", "2026-02-30")) {
				from.clear();
				from.sendKeys(wrong);
				page.findElement(By.id("filter-submit")).click();
				assertThat(page.getCurrentUrl()).endsWith("from=2026-09-01&to=2026-10-31");
				assertThat(from.getDomProperty("validationMessage")).as(wrong)
					.isEqualTo("请按“年-月-日”填写日期，如 2026-01-31。");
			}
			from.clear();
			from.sendKeys("2026-09-15");
			page.findElement(By.id("filter-submit")).click();
			manager.waiting(PAGE).until(ExpectedConditions.urlContains("from=2026-09-15"));
			assertThat(page.findElement(By.id("filter-from")).getDomProperty("value")).isEqualTo("2026-09-15");
		}
	}

	@Test
	@DisplayName("工作日历页：1280 和 1024 像素宽时，操作列的链接不被挤成几行")
	void keepsTheCalendarsActionColumnReadableAt1280And1024Pixels() {
		this.keycloak.awaitReady();

		try (Browser admin = signIn("admin1", "zh-CN")) {
			WebDriver page = admin.driver();
			page.get(HALL + "/admin/calendar");
			admin.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-years")));
			for (int width : new int[] { 1280, 1024 }) {
				page.manage().window().setSize(new Dimension(width, 900));
				screenshot(admin, By.id("calendar-years"), "calendar-years-" + width);
				for (String cell : List.of("#view-2025", "#view-2026", "tr[data-year='2026'] td.entered-at",
						"tr[data-year='2026'] td.entered-by")) {
					assertThat(lines(page, "#calendar-years " + cell)).as(cell + " at " + width + " px").isEqualTo(1);
				}
			}
		}
	}

	/** On how many lines the text of the element stands. */
	private static int lines(WebDriver page, String selector) {
		Object lines = ((JavascriptExecutor) page).executeScript("""
				var range = document.createRange();
				range.selectNodeContents(document.querySelector(arguments[0]));
				var tops = new Set();
				Array.prototype.forEach.call(range.getClientRects(), function (r) { tops.add(Math.round(r.top)); });
				return tops.size;""", selector);
		return ((Number) lines).intValue();
	}

	private Browser signIn(String username, String language) {
		Browser browser = Browser.open(language);
		WebDriver page = browser.driver();
		page.get(HALL + "/");
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(this.keycloak.launcher().secrets().demoPassword());
		page.findElement(By.id("kc-login")).click();
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		return browser;
	}

	private static String text(WebDriver page, String id) {
		return page.findElement(By.id(id)).getText().strip();
	}

	/** Keeps what a part of the page looked like under target/screenshots, for a person to look at. */
	private static void screenshot(Browser browser, By part, String name) {
		try {
			Path file = Path.of("target/screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, browser.driver().findElement(part).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
