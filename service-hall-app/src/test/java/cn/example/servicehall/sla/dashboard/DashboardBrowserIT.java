package cn.example.servicehall.sla.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;

/**
 * The managers' dashboard in a real browser: a hall manager signs in through Keycloak, finds the dashboard in the
 * navigation, picks a period and a branch, and sees the figures with both charts drawn by Apache ECharts.
 */
class DashboardBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private HistoryGenerator generator;

	@Autowired
	private Dashboard dashboard;

	@AfterEach
	void removeTheHistory() {
		this.generator.deleteGenerated();
	}

	@Test
	@DisplayName("大厅管理人员在浏览器中查看管理看板：筛选网点，图表绘出，数字与看板查询一致")
	void aManagerReadsTheDashboardWithItsCharts() {
		this.generator.generate(new HistoryGenerator.Plan(400, LocalDate.parse("2026-09-01"),
				LocalDate.parse("2026-10-30"), 42, true));
		DashboardFigures expected = this.dashboard.figures(new DashboardQuery(LocalDate.parse("2026-09-01"),
				LocalDate.parse("2026-10-31"), Optional.empty(), Optional.of("HQ")));
		this.keycloak.awaitReady();

		try (Browser manager = Browser.open()) {
			WebDriver page = manager.driver();
			page.get(HALL + "/");
			manager.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
			page.findElement(By.id("username")).sendKeys("manager1");
			page.findElement(By.id("password")).sendKeys(this.keycloak.launcher().secrets().demoPassword());
			page.findElement(By.id("kc-login")).click();
			manager.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("nav-dashboard"))).click();
			manager.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-filter")));

			// the period as the date pickers send it, the branch chosen from the list
			((org.openqa.selenium.JavascriptExecutor) page).executeScript(
					"document.getElementById('filter-from').value = '2026-09-01';"
							+ "document.getElementById('filter-to').value = '2026-10-31';");
			new Select(page.findElement(By.id("filter-branch"))).selectByValue("HQ");
			page.findElement(By.id("filter-submit")).click();
			manager.waiting(PAGE).until(ExpectedConditions.urlContains("branch=HQ"));
			manager.waiting(PAGE)
				.until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-charts", "2"));

			assertThat(page.findElement(By.id("kpi-in")).getText()).isEqualTo(String.valueOf(expected.cases().in()));
			assertThat(page.findElement(By.id("kpi-one-visit")).getText())
				.isEqualTo(expected.cases().oneVisitRate().percent().orElseThrow() + "%");
			assertThat(page.findElements(By.cssSelector("#stages tbody tr"))).hasSize(expected.stages().size());
			assertThat(page.findElements(By.cssSelector("#chart-stages svg"))).isNotEmpty();
			assertThat(page.findElements(By.cssSelector("#chart-weeks svg"))).isNotEmpty();
			assertThat(page.findElement(By.id("chart-weeks")).getText()).contains("收件").contains("时限内办结率");
			assertThat(page.findElement(By.id("export-xlsx")).getDomAttribute("href"))
				.endsWith("export.xlsx?from=2026-09-01&to=2026-10-31&branch=HQ");
		}
	}

}
