package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.WANG_QIANG;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.calendar.TestCalendars;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.LoanFixtures;

/**
 * A resale-house loan (二手房公积金贷款) from the window to the payment to the seller, entirely through the workbench
 * pages in a real browser: each agency's officer signs in through Keycloak's own login page and does their own step
 * on the case page. The jobs the engine would run in the background (the agencies' systems, the assessment, the
 * payment) are run by the test, since the job executor is off in tests.
 */
class WorkbenchJourneyIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final String INCOME_PROOF = "借款人及共同借款人收入证明";

	private static final String SELLER_ACCOUNT = "卖方收款账户证明";

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private ProcessEngine processEngine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WorkingCalendar calendar;

	private String password;

	@Test
	@DisplayName("二手房公积金贷款：各部门在工作台页面上逐步办理，从窗口受理到放款办结")
	void runsAResaleLoanFromTheWindowToDisbursementThroughThePages() {
		this.keycloak.awaitReady();
		this.password = this.keycloak.launcher().secrets().demoPassword();

		try (Browser clerk = signIn("clerk1")) {
			// 窗口申请: the clerk enters the application from the start page; the first field has the focus
			String caseNo = enterApplication(clerk);
			assertThat(text(clerk, "flash")).contains(caseNo);
			assertThat(text(clerk, "case-status")).isEqualTo("已提交");

			// the registry's clerk sees the case but not the acceptance, which is the fund centre's step
			try (Browser registry = signIn("registry1")) {
				openCase(registry, caseNo);
				assertThat(registry.driver().findElements(By.id("acceptance-form"))).isEmpty();
				assertThat(registry.driver().findElements(By.id("no-steps"))).hasSize(1);
			}

			// 受理 with two materials missing: the one-time notice lists both, the case waits for the citizen
			tickMaterialsExcept(clerk, "INCOME_PROOF", "SELLER_ACCOUNT");
			submitStep(clerk, "acceptance-submit");
			assertThat(texts(clerk, By.cssSelector("#flash-items li"))).containsExactly(INCOME_PROOF, SELLER_ACCOUNT);
			assertThat(text(clerk, "case-status")).isEqualTo("待补正");
			assertThat(texts(clerk, By.cssSelector("#notice-materials li"))).containsExactly(INCOME_PROOF, SELLER_ACCOUNT);

			// 补正, then 受理 with everything
			assertThat(runJobs(this.processEngine, caseNo)).as("the one-time notice").isEqualTo(1);
			clerk.driver().findElement(By.id("supplement-remark")).sendKeys("已补收入证明和收款账户证明");
			submitStep(clerk, "supplement-submit");
			assertThat(text(clerk, "case-status")).isEqualTo("已提交");
			tickMaterialsExcept(clerk);
			submitStep(clerk, "acceptance-submit");
			assertThat(text(clerk, "case-status")).isEqualTo("已受理");

			// the receipt is issued; the bank's and the registry's systems answer
			assertThat(runJobs(this.processEngine, caseNo)).isEqualTo(3);

			// the fund centre's clerk does not get the bank's review form
			openCase(clerk, caseNo);
			assertThat(clerk.driver().findElements(By.id("credit-review-form"))).isEmpty();
			assertThat(clerk.driver().findElements(By.id("no-steps"))).hasSize(1);

			// each agency's officer gives an opinion; the bank's officer comes from the inbox
			try (Browser bank = signIn("bank1")) {
				WebElement inboxLine = bank.waiting(PAGE)
					.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#inbox tr[data-case-no='" + caseNo
							+ "'][data-step='Task_ReviewCredit'] a")));
				inboxLine.click();
				bank.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("credit-review-form")));
				review(bank, "credit-review", "approve", "征信良好，还款能力充足");
			}
			try (Browser registry = signIn("registry1")) {
				openCase(registry, caseNo);
				review(registry, "title-review", "approve", "权属清晰，无抵押查封");
			}
			try (Browser guarantor = signIn("guarantor1")) {
				openCase(guarantor, caseNo);
				review(guarantor, "guarantee-assessment", "approve", "同意提供阶段性担保");
			}

			// 资格审查与额度测算, then 初审: the decision explains that the policy's cap binds
			assertThat(runJobs(this.processEngine, caseNo)).isEqualTo(1);
			try (Browser reviewer = signIn("reviewer1")) {
				openCase(reviewer, caseNo);
				assertThat(text(reviewer, "decision-explanation")).contains("最高额度");
				assertThat(reviewer.driver().findElement(By.cssSelector("#limits tr.binding")).getDomAttribute("data-kind"))
					.isEqualTo("CAP");
				review(reviewer, "first-review", "approve", "符合贷款条件");
			}

			// 审批 by a third person, the amount prefilled with what the rules grant
			try (Browser approver = signIn("approver1")) {
				openCase(approver, caseNo);
				assertThat(approver.driver().findElement(By.id("approval-amount")).getDomProperty("value"))
					.isEqualTo("600000.00");
				review(approver, "approval", "approve", "同意贷款 60 万元");
				assertThat(text(approver, "case-status")).isEqualTo("已审批");
				assertThat(approver.driver().findElements(By.id("schedule-summary"))).hasSize(1);
			}

			// 合同面签 by every party
			try (Browser bank = signIn("bank1")) {
				openCase(bank, caseNo);
				submitStep(bank, "sign-bank");
			}
			try (Browser guarantor = signIn("guarantor1")) {
				openCase(guarantor, caseNo);
				submitStep(guarantor, "sign-guarantor");
			}
			openCase(clerk, caseNo);
			submitStep(clerk, "sign-fund-centre");
			assertThat(text(clerk, "case-status")).isEqualTo("已签约");
			assertThat(text(clerk, "contract-no")).matches("JK\\d{10}");
			assertThat(runJobs(this.processEngine, caseNo)).as("the contract").isEqualTo(1);

			// 抵押登记 at the registry
			try (Browser registry = signIn("registry1")) {
				openCase(registry, caseNo);
				registry.driver()
					.findElement(By.id("mortgage-certificate-no"))
					.sendKeys("豫(2026)焦作市不动产证明第" + caseNo.substring(caseNo.length() - 7) + "号");
				submitStep(registry, "mortgage-submit");
				assertThat(text(registry, "case-status")).isEqualTo("已抵押");
			}

			// 放款 and 办结; the case page shows one timeline of every agency's steps
			assertThat(runJobs(this.processEngine, caseNo)).isEqualTo(4);
			openCase(clerk, caseNo);
			assertThat(text(clerk, "case-status")).isEqualTo("已办结");
			assertThat(((org.openqa.selenium.JavascriptExecutor) clerk.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("the completed case page, clocks and all, fits the counter's 1280 px screen without scrolling sideways")
				.isEqualTo(true);
			assertThat(clerk.driver().findElements(By.cssSelector("#timeline tbody tr"))
				.stream()
				.map(row -> row.getDomAttribute("data-action") + "/" + row.getDomAttribute("data-actor"))
				.toList()).containsExactly("SUBMITTED/clerk1", "MISSING_MATERIALS_NOTIFIED/clerk1",
						"MATERIALS_SUPPLEMENTED/clerk1", "ACCEPTED/clerk1", "CREDIT_REVIEWED/bank1",
						"TITLE_REVIEWED/registry1", "GUARANTEE_REVIEWED/guarantor1", "ASSESSED/system",
						"FIRST_REVIEWED/reviewer1", "APPROVAL_DECIDED/approver1", "CONTRACT_SIGNED_BY_BANK/bank1",
						"CONTRACT_SIGNED_BY_GUARANTOR/guarantor1", "CONTRACT_SIGNED_BY_FUND_CENTRE/clerk1",
						"CONTRACT_RECORDED/system", "MORTGAGE_REGISTERED/registry1", "DISBURSED/system",
						"COMPLETED/system");
			assertThat(Set.copyOf(texts(clerk, By.cssSelector("#timeline td.actor")))).as("staff by name, as they signed in")
				.containsExactlyInAnyOrder("王晓明", "陈海燕", "杨秀英", "赵国栋", "张建国", "刘志强", "系统自动");
			assertThat(texts(clerk, By.cssSelector("#timeline td.action"))).contains("受理", "银行信贷审查",
					"不动产权属审查", "担保评估", "初审", "审批", "抵押登记", "放款", "办结");
			assertThat(text(clerk, "disbursed-amount")).isEqualTo("600,000.00");
			assertThat(text(clerk, "iou-no")).matches("JJ\\d{10}");

			// the documents the citizen takes away, each opened from the case page (and the opening recorded)
			assertThat(clerk.driver().findElements(By.cssSelector("#document-list tbody tr"))
				.stream()
				.map(row -> row.getDomAttribute("data-kind"))
				.toList()).containsExactly("MISSING_MATERIALS_NOTICE", "ACCEPTANCE_RECEIPT", "LOAN_CONTRACT", "IOU",
						"DISBURSEMENT_NOTICE", "COMPLETION_RECEIPT");
			assertThat(clerk.driver().findElements(By.id("background-steps"))).isEmpty();
			String contractLink = clerk.driver()
				.findElement(By.cssSelector("#document-list tr[data-kind='LOAN_CONTRACT'] a.document-download"))
				.getDomProperty("href");
			Object opened = ((org.openqa.selenium.JavascriptExecutor) clerk.driver()).executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
							+ " + r.headers.get('content-type') + ' '"
							+ " + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))));",
					contractLink);
			assertThat(opened).isEqualTo("200 application/pdf %PDF-");
			assertThat(row("select downloaded_by || '/' || channel from documents_download d join documents_document x "
					+ "on x.document_no = d.document_no where x.case_no = ? and x.kind = 'LOAN_CONTRACT'", caseNo))
				.isEqualTo("clerk1/PAGE");

			// the full schedule, one line a month
			clerk.driver().findElement(By.id("schedule-link")).click();
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("schedule")));
			assertThat(clerk.driver().findElements(By.cssSelector("#schedule tbody tr"))).hasSize(240);

			// the counter's calculator recomputes as the clerk types, and says what is wrong
			clerk.driver().findElement(By.id("nav-calculator")).click();
			clerk.waiting(PAGE).until(ExpectedConditions.textToBe(By.id("quote-monthly"), "3,208.73"));
			new Select(clerk.driver().findElement(By.id("calc-method"))).selectByValue("EQUAL_PRINCIPAL");
			clerk.waiting(PAGE).until(ExpectedConditions.textToBe(By.id("quote-first"), "3,800.00"));
			assertThat(clerk.driver().findElement(By.id("quote-monthly")).isDisplayed()).isFalse();
			type(clerk.driver(), "calc-amount", "abc");
			clerk.waiting(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("calc-amount-error")));
			assertThat(text(clerk, "calc-amount-error")).contains("请填写数字");

			// and in the tables: completed, paid once, the schedule kept
			assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
			assertThat(row("select count(*) || '/' || sum(amount) from fake_bank_payment where order_id = ?",
					"FK" + caseNo)).isEqualTo("1/600000.00");
			assertThat(row("select count(*) from loan_repayment_schedule where case_no = ?", caseNo)).isEqualTo("240");
		}
	}

	@Test
	@DisplayName("工作日历与来访登记：系统管理员在页面上录入 2027 年，窗口人员在案件页用键盘登记来访")
	void entersAYearOnTheCalendarPageAndChecksInAVisitOnTheCasePage() {
		this.keycloak.awaitReady();
		this.password = this.keycloak.launcher().secrets().demoPassword();

		// other tests of this hall expect 2027 to be missing: it goes again, whatever happens here
		TestCalendars.remove(2027, this.jdbc, this.calendar);
		try (Browser admin = signIn("admin1")) {
			WebDriver page = admin.driver();
			page.findElement(By.id("nav-calendar")).click();
			admin.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-form")));
			assertThat(texts(admin, By.cssSelector("#calendar-years tbody td.year"))).containsExactly("2025", "2026");

			type(page, "calendar-year", "2027");
			type(page, "calendar-source", "测试数据（非真实通知）：国务院办公厅关于2027年部分节假日安排的通知 https://www.gov.cn/test");
			WebElement days = page.findElement(By.id("calendar-days-text"));
			days.clear();
			days.sendKeys("2027-01-01 放假 元旦\n2027-01-02 放假 元旦\n2027-01-03 放假 元旦\n");
			for (int day = 5; day <= 12; day++) {
				days.sendKeys("2027-02-" + String.format("%02d", day) + " 休 春节\n");
			}
			days.sendKeys("2027-02-20 上班 春节");
			submitStep(admin, "calendar-submit");

			assertThat(text(admin, "flash")).isEqualTo("2027 年工作日历已保存：放假 11 天，调休上班 1 天，全年工作日 255 天。");
			assertThat(texts(admin, By.cssSelector("#calendar-years tbody td.year"))).containsExactly("2025", "2026", "2027");
			assertThat(texts(admin, By.cssSelector("#calendar-years tr[data-year='2027'] td.working-days")))
				.containsExactly("255");
			assertThat(texts(admin, By.cssSelector("#calendar-days tr[data-kind='MAKEUP']")))
				.containsExactly("2027-02-20 星期六 调休上班 春节");
			screenshot(admin, "calendar-page");
		}
		finally {
			TestCalendars.remove(2027, this.jdbc, this.calendar);
		}

		try (Browser clerk = signIn("clerk1")) {
			String caseNo = enterApplication(clerk);
			assertThat(texts(clerk, By.cssSelector("#sla-clocks tr[data-definition='step:Task_AcceptApplication'] td")))
				.startsWith("窗口受理 环节", "公积金中心", "2 个工作小时");
			assertThat(texts(clerk, By.cssSelector("#visits td.purpose"))).containsExactly("提交申请");

			// 4 is 领取文书 in the list; Enter checks the citizen in
			WebElement purpose = clerk.driver().findElement(By.id("check-in-purpose"));
			purpose.sendKeys("4");
			purpose.sendKeys(Keys.ENTER);
			clerk.waiting(PAGE).until(Browser.gone(purpose));
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
			assertThat(text(clerk, "flash")).isEqualTo("已登记来访，此案件累计来访 2 次。");
			assertThat(texts(clerk, By.cssSelector("#visits td.purpose"))).containsExactly("提交申请", "领取文书");
			assertThat(row("select string_agg(purpose || '/' || recorded_by, ',' order by visited_at) from intake_visit "
					+ "where case_no = ?", caseNo)).isEqualTo("SUBMISSION/clerk1,COLLECTION/clerk1");
			screenshot(clerk, "sla-section");
			screenshot(clerk, "visits-section");
		}
	}

	/**
	 * Fills the new-application page with 张伟 and 李娜 (namesakes of the demo couple no other case names) buying a
	 * flat of 王强's and submits it with Enter.
	 */
	private String enterApplication(Browser clerk) {
		LoanFixtures.Couple couple = LoanFixtures.newCouple();
		WebDriver page = clerk.driver();
		clerk.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("new-application"))).click();
		clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("borrower-name");

		type(page, "borrower-name", "张伟");
		type(page, "borrower-id-number", couple.husband());
		new Select(page.findElement(By.id("borrower-marital-status"))).selectByValue("MARRIED");
		type(page, "borrower-monthly-income", "12000.00");
		type(page, "borrower-phone", "13800000000");
		type(page, "co-borrower-name", "李娜");
		type(page, "co-borrower-id-number", couple.wife());
		new Select(page.findElement(By.id("co-borrower-marital-status"))).selectByValue("MARRIED");
		type(page, "co-borrower-monthly-income", "8000.00");
		type(page, "property-certificate-no", LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008));
		type(page, "property-contract-price", "1200000.00");
		type(page, "property-assessed-price", "1150000.00");
		page.findElement(By.id("property-first-home-yes")).click();
		type(page, "seller-name", "王强");
		type(page, "seller-id-number", WANG_QIANG);
		type(page, "seller-bank", "中国建设银行焦作分行");
		type(page, "seller-account-no", "6217000010012345678");
		type(page, "seller-account-name", "王强");
		type(page, "loan-requested-amount", "600000.00");
		type(page, "loan-term-months", "240");
		new Select(page.findElement(By.id("loan-repayment-method"))).selectByValue("EQUAL_INSTALMENT");

		WebElement form = page.findElement(By.id("application-form"));
		page.findElement(By.id("loan-term-months")).sendKeys(Keys.ENTER);
		clerk.waiting(PAGE).until(Browser.gone(form));
		clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
		return text(clerk, "case-no");
	}

	private Browser signIn(String username) {
		Browser browser = Browser.open();
		WebDriver page = browser.driver();
		page.get(HALL + "/");
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(this.password);
		page.findElement(By.id("kc-login")).click();
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		assertThat(page.getCurrentUrl()).startsWith(HALL + "/");
		return browser;
	}

	private static void openCase(Browser browser, String caseNo) {
		browser.driver().get(HALL + "/cases/" + caseNo);
		browser.waiting(PAGE)
			.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("case-status")),
					ExpectedConditions.presenceOfElementLocated(By.id("problem-page"))));
		assertThat(browser.driver().findElements(By.id("problem-page")))
			.as("case page of %s: %s", caseNo, browser.driver().findElement(By.tagName("body")).getText())
			.isEmpty();
	}

	/** Ticks every material on the checklist but the given ones. */
	private static void tickMaterialsExcept(Browser browser, String... missing) {
		List<String> left = List.of(missing);
		List<WebElement> boxes = browser.driver().findElements(By.cssSelector("#checklist input[type=checkbox]"));
		assertThat(boxes).hasSize(10);
		for (WebElement box : boxes) {
			boolean provided = !left.contains(box.getDomAttribute("value"));
			if (box.isSelected() != provided) {
				box.click();
			}
		}
	}

	private static void review(Browser browser, String form, String outcome, String opinion) {
		browser.driver().findElement(By.id(form + "-" + outcome)).click();
		browser.driver().findElement(By.id(form + "-opinion")).sendKeys(opinion);
		submitStep(browser, form + "-submit");
	}

	/** Clicks a step's button and waits for the page after the redirect: its message, or the refusal. */
	private static void submitStep(Browser browser, String buttonId) {
		WebElement button = browser.driver().findElement(By.id(buttonId));
		button.click();
		browser.waiting(PAGE).until(Browser.gone(button));
		browser.waiting(PAGE)
			.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("flash")),
					ExpectedConditions.presenceOfElementLocated(By.id("step-problem")),
					ExpectedConditions.presenceOfElementLocated(By.id("problem-page"))));
		assertThat(browser.driver().findElements(By.cssSelector("#step-problem, #problem-page, .field-error")))
			.as("refusal after %s: %s", buttonId, browser.driver().findElement(By.tagName("main")).getText())
			.isEmpty();
	}

	/** Keeps what a part of the page looked like under target/screenshots, for a person to look at. */
	private static void screenshot(Browser browser, String id) {
		try {
			Path file = Path.of("target/screenshots", id + ".png");
			Files.createDirectories(file.getParent());
			// tall enough for the part to be seen whole
			browser.driver().manage().window().setSize(new Dimension(1280, 2400));
			byte[] png = browser.driver().findElement(By.id(id)).getScreenshotAs(OutputType.BYTES);
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			Files.write(file, png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void type(WebDriver page, String id, String value) {
		WebElement input = page.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	private static String text(Browser browser, String id) {
		return browser.driver().findElement(By.id(id)).getText().strip();
	}

	private static List<String> texts(Browser browser, By selector) {
		return browser.driver().findElements(selector).stream().map(element -> element.getText().strip()).toList();
	}

	private String row(String sql, String parameter) {
		return this.jdbc.sql(sql).param(parameter).query((rs, row) -> rs.getString(1)).single();
	}

}
