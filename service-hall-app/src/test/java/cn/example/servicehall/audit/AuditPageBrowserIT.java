package cn.example.servicehall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;

/**
 * 稽核岗 in a real browser, signed in through Keycloak: finds 审计日志 in the navigation, verifies a day an insider
 * changed with the triggers off and reads where, and finds their own sign-in and a citizen's entries with the ID
 * number in full.
 */
class AuditPageBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final String CITIZEN = "410802198703080422";

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private AuditTrail trail;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("稽核岗登录后校验被改动的一天（第 3 条被改动），并查到自己的登录记录和市民的完整身份证号")
	void theAuditorFindsTheAlteredEntryAndTheirOwnSignIn() {
		LocalDate day = LocalDate.of(2031, 4, 8);
		Insider.fill(this.trail, day, 4, CITIZEN);
		ClockUtil.reset();
		new Insider(this.jdbc, this.transaction)
			.change("update audit_entry set subject = '/cases/changed' where day = '2031-04-08' and seq = 3");
		this.keycloak.awaitReady();

		try (Browser auditor = Browser.open()) {
			WebDriver page = auditor.driver();
			page.get(HALL + "/");
			auditor.signInAtKeycloak("auditor1", this.keycloak.launcher().secrets().demoPassword());
			auditor.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("nav-audit"))).click();
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-verify")));
			assertThat(page.findElements(By.id("audit-masked"))).as("the auditor sees ID numbers in full").isEmpty();

			((JavascriptExecutor) page).executeScript("document.getElementById('audit-day').value = '2031-04-08';");
			page.findElement(By.id("audit-verify-submit")).click();
			auditor.waiting(PAGE).until(ExpectedConditions.attributeToBe(By.id("audit-report"), "data-outcome", "ALTERED"));
			assertThat(page.findElement(By.id("audit-report")).getText()).contains("记录被改动")
				.contains("第 3 条")
				.contains("入库后被改动");
			page.findElement(By.id("audit-day-entries")).click();
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
			assertThat(page.findElements(By.cssSelector("#audit-entries tr.broken"))).as("the altered entry, marked")
				.singleElement()
				.satisfies(row -> assertThat(row.getDomAttribute("data-seq")).isEqualTo("3"));
			auditor.screenshot("audit-altered-day");

			page.get(HALL + "/audit");
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-staff")));
			page.findElement(By.id("audit-staff")).sendKeys("auditor1");
			page.findElement(By.id("audit-search-submit")).click();
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
			assertThat(page.findElement(By.id("audit-entries")).getText()).contains("登录").contains("大厅页面")
				.contains("查阅审计日志");

			page.findElement(By.id("audit-staff")).clear();
			page.findElement(By.id("audit-person")).sendKeys(CITIZEN);
			page.findElement(By.id("audit-search-submit")).click();
			auditor.waiting(PAGE).until(ExpectedConditions.urlContains("person=" + CITIZEN));
			assertThat(page.findElements(By.cssSelector("#audit-entries tr[data-day='2031-04-08']"))).hasSize(4);
			assertThat(page.findElement(By.cssSelector("#audit-entries tr[data-day='2031-04-08'] .id-no")).getText())
				.isEqualTo(CITIZEN);
			auditor.screenshot("audit-search-person");
		}
	}

}
