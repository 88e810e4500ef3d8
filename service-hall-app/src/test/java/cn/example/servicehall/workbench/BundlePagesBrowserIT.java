package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 一件事 at the counter in a real browser, signed in through Keycloak: the clerk finds the bundle in the catalogue,
 * fills its one form with the keyboard alone, is told in words which material of the merged checklist is not checked
 * (what was typed kept), ticks it and accepts; the case page shows one case number with its parts under it, and once
 * the parts ran, the bundle completed with its receipts.
 */
class BundlePagesBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	@DisplayName("退休一件事：受理岗从目录进入，只用键盘填写一张表；漏勾材料时提示缺哪一份且已填内容保留；受理后一个办件编号下列出各事项，办结后有回执")
	void aClerkAcceptsARetirementBundleWithOneFormByKeyboard() {
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "键盘退休");
		this.keycloak.awaitReady();

		try (Browser clerk = signIn("clerk1")) {
			WebDriver page = clerk.driver();
			page.manage().window().setSize(new Dimension(1280, 1000));
			page.findElement(By.id("nav-bundles")).sendKeys(Keys.ENTER);
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("bundles-title")));
			WebElement retirement = page.findElement(By.id("bundle-RETIREMENT"));
			assertThat(retirement.getText()).contains("退休一件事", "5个工作日", "离休、退休提取并销户");
			shot(clerk, "catalogue");
			page.findElement(By.id("bundle-apply-RETIREMENT")).sendKeys(Keys.ENTER);
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("bundle-form")));
			assertThat(page.findElement(By.id("bundle-form-title")).getText()).contains("退休一件事");
			// one ID card on the merged checklist, however many parts ask for it
			assertThat(page.findElements(By.id("bundle-material-APPLICANT_ID"))).hasSize(1);

			page.findElement(By.id("bundle-name")).click();
			page.switchTo().activeElement().sendKeys(retired.name());
			type(page, "bundle-id-number", retired.id());
			type(page, "bundle-phone", "13800138000");
			type(page, "bundle-female-cadre", "");
			type(page, "bundle-card-no", WithdrawalFixtures.CARD);
			type(page, "bundle-bank", "中国建设银行焦作分行");
			// every material but the retirement proof, ticked with the space bar
			for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM")) {
				page.findElement(By.id("bundle-material-" + code)).sendKeys(Keys.SPACE);
			}
			page.findElement(By.id("bundle-submit")).sendKeys(Keys.ENTER);

			WebElement problem = clerk.waiting(PAGE)
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-problem")));
			assertThat(problem.getText()).contains("退休证或退休审批表");
			assertThat(page.findElement(By.id("bundle-id-number")).getDomProperty("value")).isEqualTo(retired.id());
			assertThat(page.findElement(By.id("bundle-material-APPLICANT_ID")).isSelected()).isTrue();
			assertThat(this.jdbc.sql("select count(*) from intake_case where applicant_id_no = ?").param(retired.id())
				.query(Integer.class).single()).as("nothing opened").isZero();
			shot(clerk, "form-refused");

			page.findElement(By.id("bundle-material-RETIREMENT_PROOF")).sendKeys(Keys.SPACE);
			page.findElement(By.id("bundle-submit")).sendKeys(Keys.ENTER);
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("case-no")));
			String caseNo = page.findElement(By.id("case-no")).getText().strip();
			assertThat(caseNo).matches("YS\\d{13}");
			assertThat(page.findElement(By.id("case-parts")).getText()).contains(caseNo + "-1", caseNo + "-2",
					"离休、退休提取");

			runJobs(this.engine, caseNo);
			page.navigate().refresh();
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
			assertThat(page.findElement(By.id("case-status")).getDomAttribute("data-status")).isEqualTo("COMPLETED");
			assertThat(page.getPageSource()).contains("受理回执", "办结回执");
			Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth");
			assertThat(width.intValue()).as("no sideways scroll on a 1,280 px counter screen").isLessThanOrEqualTo(1280);
			shot(clerk, "case-completed");
		}
	}

	private Browser signIn(String username) {
		Browser browser = Browser.open("zh-CN");
		WebDriver page = browser.driver();
		page.get(HALL + "/");
		browser.signInAtKeycloak(username, this.keycloak.launcher().secrets().demoPassword());
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		return browser;
	}

	/** Tab to the next field, which must be {@code id}, and types there. */
	private static void type(WebDriver page, String id, String text) {
		page.switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo(id);
		if (!text.isEmpty()) {
			page.switchTo().activeElement().sendKeys(text);
		}
	}

	/** Keeps what the window shows under target/screenshots, for a person to look at. */
	private static void shot(Browser browser, String name) {
		try {
			Path file = Path.of("target/screenshots", "bundle-" + name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
