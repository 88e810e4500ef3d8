package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;

/**
 * A new-house (期房) loan the whole way through the pages, each person as themselves in a real browser signed in through
 * Keycloak: the developer's agent applies and uploads the buyer's materials, answers the one-time notice (补正) by
 * uploading what was missing and resubmitting, the fund centre accepts, reviews and approves, the agent books the buyer's signing slot, on the day the counter checks the buyer in and calls the number,
 * the buyer signs with the fund centre, the bank and the guarantor, the registry records the pre-mortgage, the loan is
 * paid once into the project's escrow account and the case is completed; the agent sees it and the buyer's receipts.
 */
class NewHouseJourneyBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("期房贷款全程：开发企业网上申请、公积金中心受理审批、预约面签、取号叫号、面签、预抵押、放款至监管账户、办结")
	void aNewHouseLoanFromTheSalesOfficeToTheEscrowAccount() {
		// Monday 2026-03-09, 10:00 in the hall
		at("2026-03-09T10:00");
		String buyerId = LoanFixtures.newBuyerIdNumber();
		String unit = "6-" + (System.nanoTime() % 100000) + "-601";
		String filingNo = NewHouseSales.fileContract(this.jdbc, "滨江花园", NewHouseSales.PERMIT_A, unit, "孙八", buyerId,
				"FILED");
		this.keycloak.awaitReady();
		Path scan = pdf();

		String caseNo;
		try (Browser agent = signIn("agent-a")) {
			WebDriver page = agent.driver();
			page.get(HALL + "/sales-office/applications/new");
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			type(page, "so-unit", unit);
			type(page, "so-filing", filingNo);
			type(page, "so-name", "孙八");
			type(page, "so-id-number", buyerId);
			type(page, "so-amount", "600000");
			type(page, "so-term", "300");
			page.findElement(By.cssSelector("#application-form button[type=submit]")).click();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-case-page")));
			caseNo = page.findElement(By.id("sales-office-case-page")).getDomAttribute("data-case");
			List<String> checklist = page.findElements(By.cssSelector("#so-material-list tr[data-material]")).stream()
				.map(row -> row.getDomAttribute("data-material")).toList();
			assertThat(checklist).hasSize(6);
			for (String material : checklist) {
				if ("INCOME_PROOF".equals(material)) {
					continue;
				}
				page.findElement(By.id("file-" + material)).sendKeys(scan.toString());
				page.findElement(By.id("upload-" + material)).click();
				agent.waiting(PAGE).until(d -> !d.findElements(By.cssSelector("#material-" + material + " .so-uploads li"))
					.isEmpty());
			}
		}

		// 网上受理: the income proof is missing, so the clerk sends the one-time notice (补正)
		try (Browser clerk = signIn("clerk1")) {
			openCase(clerk, caseNo);
			tickEverythingBut(clerk, "INCOME_PROOF");
			submitStep(clerk, "acceptance-submit");
			assertThat(text(clerk, "case-status")).isEqualTo("待补正");
		}
		runJobs(this.engine, caseNo);

		// the agent reads the notice, uploads the income proof and resubmits
		try (Browser agent = signIn("agent-a")) {
			WebDriver page = agent.driver();
			page.get(HALL + "/sales-office/cases/" + caseNo);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("so-notice")));
			assertThat(page.findElements(By.cssSelector("#so-notice-materials li"))).extracting(WebElement::getText)
				.containsExactly("借款人及共同借款人收入证明");
			page.findElement(By.id("file-INCOME_PROOF")).sendKeys(scan.toString());
			page.findElement(By.id("upload-INCOME_PROOF")).click();
			agent.waiting(PAGE).until(d -> !d.findElements(By.cssSelector("#material-INCOME_PROOF .so-uploads li")).isEmpty());
			page.findElement(By.id("resubmit")).click();
			agent.waiting(PAGE).until(ExpectedConditions.attributeToBe(By.id("so-status"), "data-status", "SUBMITTED"));
		}

		// 网上受理 with everything, 初审, 审批
		try (Browser clerk = signIn("clerk1")) {
			openCase(clerk, caseNo);
			tickEverythingBut(clerk);
			submitStep(clerk, "acceptance-submit");
			assertThat(text(clerk, "case-status")).isEqualTo("已受理");
		}
		runJobs(this.engine, caseNo);
		try (Browser reviewer = signIn("reviewer1")) {
			openCase(reviewer, caseNo);
			review(reviewer, "first-review", "符合贷款条件");
		}
		try (Browser approver = signIn("approver1")) {
			openCase(approver, caseNo);
			type(approver.driver(), "approval-amount", "600000.00");
			review(approver, "approval", "同意贷款 60 万元");
			assertThat(text(approver, "case-status")).isEqualTo("已审批");
		}

		// 预约面签: the agent books Tuesday's first slot for the buyer
		String slot;
		try (Browser agent = signIn("agent-a")) {
			WebDriver page = agent.driver();
			page.get(HALL + "/sales-office/cases/" + caseNo);
			agent.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("signing-link"))).click();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("signing-slots")));
			WebElement first = page.findElement(By.cssSelector("#signing-slots li input:not([disabled])"));
			slot = first.getDomAttribute("value");
			assertThat(slot).startsWith("2026-03-10T08:30");
			first.click();
			type(page, "signing-phone", "13812345678");
			page.findElement(By.id("signing-submit")).click();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-case-page")));
			assertThat(page.findElement(By.id("flash")).getText()).contains("2026-03-10").contains("08:30");
		}

		// on the day: the buyer checks in at the counter, gets a number and is called to a window
		at("2026-03-10T08:20");
		try (Browser clerk = signIn("clerk1")) {
			WebDriver page = clerk.driver();
			page.get(HALL + "/hall/queue");
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-page")));
			type(page, "check-in-case", caseNo);
			page.findElement(By.cssSelector("#queue-check-in button[type=submit]")).click();
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-drawn")));
			String number = page.findElement(By.id("queue-drawn")).getText();
			assertThat(number).contains("Y");
			page.findElement(By.id("call-next")).click();
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-called")));
			assertThat(page.findElement(By.id("recent-calls")).getText()).contains(number.replaceAll(".*(Y\\d+).*", "$1"));

			// 面签: the fund centre, the bank and the guarantor
			openCase(clerk, caseNo);
			submitStep(clerk, "sign-fund-centre");
		}
		for (String[] party : List.of(new String[] { "bank1", "sign-bank" }, new String[] { "guarantor1", "sign-guarantor" })) {
			try (Browser officer = signIn(party[0])) {
				openCase(officer, caseNo);
				submitStep(officer, party[1]);
			}
		}
		assertThat(runJobs(this.engine, caseNo)).as("the contract").isPositive();

		// 预告登记 at the registry, then one payment into the escrow account, the IOU and 办结
		try (Browser registry = signIn("registry1")) {
			openCase(registry, caseNo);
			type(registry.driver(), "pre-mortgage-certificate-no", "闽(2026)福州市不动产证明第" + caseNo.substring(8) + "号");
			submitStep(registry, "pre-mortgage-submit");
		}
		runJobs(this.engine, caseNo);
		try (Browser clerk = signIn("clerk1")) {
			openCase(clerk, caseNo);
			assertThat(text(clerk, "case-status")).isEqualTo("已办结");
			assertThat(clerk.driver().findElements(By.cssSelector("#document-list tbody tr")).stream()
				.map(row -> row.getDomAttribute("data-kind")).toList()).contains("LOAN_CONTRACT", "IOU", "COMPLETION_RECEIPT");
		}
		assertThat(this.jdbc.sql("select count(*) || '/' || sum(amount) from fake_bank_payment where order_id = ?")
			.param("FK" + caseNo).query(String.class).single()).isEqualTo("1/600000.00");

		// the agent sees the case completed and the buyer's completion receipt, nothing more
		try (Browser agent = signIn("agent-a")) {
			agent.driver().get(HALL + "/sales-office/cases/" + caseNo);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("so-status")));
			assertThat(agent.driver().findElement(By.id("so-status")).getText()).isEqualTo("已办结");
			assertThat(agent.driver().findElements(By.cssSelector("#so-receipt-list li")).stream()
				.map(li -> li.getDomAttribute("data-kind")).toList())
				.as("the buyer's receipts and the disbursement notice addressed to the developer, nothing else")
				.contains("MISSING_MATERIALS_NOTICE", "COMPLETION_RECEIPT", "DISBURSEMENT_NOTICE")
				.doesNotContain("LOAN_CONTRACT", "IOU");
		}
	}

	private Browser signIn(String username) {
		Browser browser = Browser.open("zh-CN");
		browser.driver().get(HALL + "/");
		browser.signInAtKeycloak(username, this.keycloak.launcher().secrets().demoPassword());
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		return browser;
	}

	private static void at(String shanghaiTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant()));
	}

	private static void openCase(Browser browser, String caseNo) {
		browser.driver().get(HALL + "/cases/" + caseNo);
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
	}

	/** Ticks every material of the acceptance checklist but the given ones. */
	private static void tickEverythingBut(Browser browser, String... missing) {
		List<String> left = List.of(missing);
		for (WebElement box : browser.driver().findElements(By.cssSelector("#checklist input[type=checkbox]"))) {
			if (box.isSelected() == left.contains(box.getDomAttribute("value"))) {
				box.click();
			}
		}
	}

	private static void review(Browser browser, String form, String opinion) {
		browser.driver().findElement(By.id(form + "-approve")).click();
		browser.driver().findElement(By.id(form + "-opinion")).sendKeys(opinion);
		submitStep(browser, form + "-submit");
	}

	/** Clicks a step's button and waits for the page after the redirect; a refusal fails the test with its words. */
	private static void submitStep(Browser browser, String buttonId) {
		WebElement button = browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id(buttonId)));
		button.click();
		browser.waiting(PAGE).until(Browser.gone(button));
		browser.waiting(PAGE).until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("flash")),
				ExpectedConditions.presenceOfElementLocated(By.id("step-problem")),
				ExpectedConditions.presenceOfElementLocated(By.id("problem-page"))));
		assertThat(browser.driver().findElements(By.cssSelector("#step-problem, #problem-page, .field-error")))
			.as("refusal after %s: %s", buttonId, browser.driver().findElement(By.tagName("main")).getText())
			.isEmpty();
	}

	private static void type(WebDriver page, String id, String value) {
		WebElement input = page.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	private static String text(Browser browser, String id) {
		return browser.driver().findElement(By.id(id)).getText().strip();
	}

	private static Path pdf() {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			Path file = Files.createTempFile("scan-", ".pdf");
			Files.write(file, out.toByteArray());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
