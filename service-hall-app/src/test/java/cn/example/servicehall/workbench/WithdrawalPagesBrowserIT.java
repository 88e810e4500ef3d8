package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * Withdrawals as the people at the counter meet them in a real browser, signed in through Keycloak: a clerk filling
 * a withdrawal with the keyboard alone and watching the rules' answer follow the type and the lease, the case page
 * with the decision, and after the jobs the payment and the text message; a reviewer refusing a case a fraud rule
 * held back; a manager's list of the flags.
 */
class WithdrawalPagesBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	/** Luhn-valid. */
	private static final String CARD = "6212345678901234569";

	private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private Withdrawals withdrawals;

	@Autowired
	private Clock clock;

	@Test
	@DisplayName("提取申请：受理岗只用键盘录入，类型和租金一变，右侧的核定随之变化；提交后案件页显示核定，转账后显示到账和短信")
	void aClerkFillsARentWithdrawalByKeyboardAndSeesItPaid() {
		String renter = person("钱租客", LocalDate.of(1992, 3, 3), "30000.00");
		this.keycloak.awaitReady();

		try (Browser clerk = signIn("clerk1")) {
			WebDriver page = clerk.driver();
			page.findElement(By.id("new-withdrawal")).sendKeys(Keys.ENTER);
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawal-form")));
			// the cursor starts at the type; nothing of any type is shown before one is chosen
			assertThat(active(page)).isEqualTo("wd-type");
			assertThat(page.findElement(By.id("wd-rent")).isDisplayed()).isFalse();

			// 离休、退休: the first type; then the applicant and the card, moving on with Tab
			page.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
			type(page, Keys.TAB, "wd-name", "钱租客");
			type(page, Keys.TAB, "wd-id-number", renter);
			type(page, Keys.TAB, "wd-phone", "13800138000");
			// a man's ID number: no 女干部 question, Tab goes on to the card
			assertThat(page.findElement(By.id("wd-female-cadre")).isDisplayed()).isFalse();
			type(page, Keys.TAB, "wd-card-no", CARD);
			type(page, Keys.TAB, "wd-bank", "中国建设银行焦作分行");
			WebElement route = routeOnceChecked(clerk, "NOT_ELIGIBLE");
			assertThat(page.findElement(By.id("wd-unmet")).getText()).contains("退休");
			assertThat(route.getText()).isEqualTo("不符合提取条件");

			// to 租房提取 with the arrow keys: the lease appears, the retirement's papers go
			WebElement typeField = page.findElement(By.id("wd-type"));
			for (int i = 0; i < WithdrawalType.RENT.ordinal(); i++) {
				typeField.sendKeys(Keys.ARROW_DOWN);
			}
			assertThat(new org.openqa.selenium.support.ui.Select(typeField).getFirstSelectedOption().getDomAttribute("value"))
				.isEqualTo("RENT");
			assertThat(page.findElement(By.id("wd-rent")).isDisplayed()).isTrue();
			assertThat(page.findElement(By.id("wd-paper-retirementProof")).isDisplayed()).isFalse();
			assertThat(page.findElement(By.id("wd-material-LEASE")).isDisplayed()).isTrue();
			assertThat(page.findElement(By.id("wd-material-RETIREMENT_PROOF")).isDisplayed()).isFalse();

			LocalDate leaseStarts = LocalDate.now(this.clock).withDayOfMonth(1).minusMonths(2);
			page.findElement(By.id("wd-rent")).sendKeys("500");
			type(page, Keys.TAB, "wd-lease-starts-on", leaseStarts.toString());
			page.switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(active(page)).isEqualTo("wd-lease-filed");
			page.switchTo().activeElement().sendKeys(Keys.SPACE);
			routeOnceChecked(clerk, "PAY_AUTOMATICALLY");
			String atFiveHundred = text(page, "wd-amount");

			// a dearer lease: another amount (the city's cap, or the rent)
			WebElement rent = page.findElement(By.id("wd-rent"));
			rent.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3000");
			clerk.waiting(PAGE).until(d -> !text(d, "wd-amount").equals(atFiveHundred)
					&& !"true".equals(d.findElement(By.id("wd-assessment-panel")).getDomAttribute("aria-busy")));
			String amount = text(page, "wd-amount");
			assertThat(text(page, "wd-basis")).isNotBlank();
			assertThat(text(page, "wd-balance")).isEqualTo("30,000.00");

			for (Checklist.Item item : WithdrawalType.RENT.checklist(Set.of()).items()) {
				page.findElement(By.id("wd-material-" + item.material().code())).sendKeys(Keys.SPACE);
			}
			// leaving the rent field asked once more; the picture shows the answer, not "正在核定…"
			clerk.waiting(PAGE).until(
					d -> !"true".equals(d.findElement(By.id("wd-assessment-panel")).getDomAttribute("aria-busy")));
			page.manage().window().setSize(new Dimension(1280, 1700));
			shot(clerk, "withdrawal-form");
			page.findElement(By.id("wd-submit")).sendKeys(Keys.ENTER);

			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("case-no")));
			String caseNo = text(page, "case-no");
			assertThat(text(page, "flash")).contains(caseNo);
			assertThat(page.findElement(By.id("wd-case-type")).getDomAttribute("data-type")).isEqualTo("RENT");
			assertThat(text(page, "wd-case-card")).contains("4569").doesNotContain(CARD);

			runJobs(this.engine, caseNo);
			page.navigate().refresh();
			clerk.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("wd-payment-reference")));
			assertThat(page.findElement(By.id("wd-decision-route")).getDomAttribute("data-route"))
				.isEqualTo("PAY_AUTOMATICALLY");
			assertThat(text(page, "wd-decision-amount")).isEqualTo(amount);
			assertThat(text(page, "wd-payment-amount")).isEqualTo(amount);
			assertThat(text(page, "wd-payment-reference")).isNotEqualTo("尚未转账");
			assertThat(text(page, "wd-payment-closed")).isEqualTo("否");
			assertThat(text(page, "wd-messages-list")).contains("138****8000", caseNo).doesNotContain("13800138000");
			assertThat(text(page, "case-status")).isEqualTo("已办结");
			assertThat(text(page, "timeline")).contains("规则核定（符合条件，系统秒批）", "扣划公积金账户", "转账至申请人银行卡")
				.doesNotContain("TRANSFERRED");
			page.manage().window().setSize(new Dimension(1280, 2600));
			shot(clerk, "case-page");
		}
	}

	@Test
	@DisplayName("骗提预警：在本市有房的人申请租房提取，不自动支付；初审岗在案件页不同意，申请人收到短信；管理人员的预警页列出此案")
	void aReviewerRefusesAFlaggedCaseAndTheManagerSeesTheFlag() {
		String owner = person("孙有房", LocalDate.of(1988, 8, 8), "40000.00");
		String title = "豫(2020)焦作市不动产权第07" + SEQUENCE.incrementAndGet() + "号";
		this.jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市解放区测试路 1 号', 90.00, 2015, '孙有房', false, false)""").param(title).update();
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(title, owner, LocalDate.of(2020, 6, 1))
			.update();
		Map<String, Boolean> materials = new LinkedHashMap<>();
		WithdrawalType.RENT.checklist(Set.of()).items().forEach(i -> materials.put(i.material().code(), true));
		String caseNo = this.withdrawals.submit(new WithdrawalApplication(WithdrawalType.RENT,
				new WithdrawalApplication.Applicant("孙有房", owner, "13900139000", false), null,
				new WithdrawalApplication.Card(CARD, "中国建设银行焦作分行"),
				new WithdrawalApplication.Claim(null, null, null, null,
						new WithdrawalApplication.Lease(new BigDecimal("1500.00"),
								LocalDate.now(this.clock).withDayOfMonth(1).minusMonths(3), true),
						List.of(), null, null),
				materials), new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK), Optional.empty()))
			.value();
		runJobs(this.engine, caseNo);
		this.keycloak.awaitReady();

		try (Browser reviewer = signIn("reviewer1")) {
			WebDriver page = reviewer.driver();
			page.get(HALL + "/cases/" + caseNo);
			reviewer.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawal-review-form")));
			assertThat(page.findElement(By.cssSelector("#wd-decision-flags li")).getDomAttribute("data-rule"))
				.isEqualTo("RENT_WHILE_OWNING_HOME");
			assertThat(text(page, "wd-decision-flags")).contains("本市有房而租房提取");
			assertThat(text(page, "withdrawal-review-decision")).contains("骗提预警");
			assertThat(text(page, "wd-payment-none")).isEqualTo("尚未扣划。");

			page.findElement(By.id("withdrawal-review-reject")).sendKeys(Keys.SPACE);
			page.switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(active(page)).isEqualTo("withdrawal-review-opinion");
			page.switchTo().activeElement().sendKeys("申请人在本市有自有住房，不符合租房提取条件");
			page.switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(active(page)).isEqualTo("withdrawal-review-submit");
			page.switchTo().activeElement().sendKeys(Keys.ENTER);
			reviewer.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
			assertThat(page.findElements(By.id("withdrawal-review-form"))).isEmpty();

			runJobs(this.engine, caseNo);
			page.navigate().refresh();
			reviewer.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("wd-opinions")));
			WebElement opinion = page.findElement(By.cssSelector("#wd-opinions tbody tr"));
			assertThat(opinion.getDomAttribute("data-outcome")).isEqualTo("REJECT");
			assertThat(opinion.getText()).contains("不同意", "自有住房");
			assertThat(text(page, "case-status")).isEqualTo("不予办理");
			assertThat(text(page, "timeline")).contains("规则核定，转人工审核", "提取审核", "不予提取").doesNotContain("不予贷款");
			assertThat(text(page, "wd-messages-list")).contains("139****9000", "未获批准");
			assertThat(text(page, "wd-payment-none")).isEqualTo("尚未扣划。");
		}

		try (Browser manager = signIn("manager1")) {
			WebDriver page = manager.driver();
			page.findElement(By.id("nav-flags")).sendKeys(Keys.ENTER);
			manager.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("flag-counts")));
			WebElement row = page.findElement(By.cssSelector("#flagged-cases tr[data-case='" + caseNo + "']"));
			assertThat(row.getText()).contains("孙有房", "租房提取", "本市有房而租房提取");
			assertThat(page.findElements(By.cssSelector("#flag-counts tr[data-rule='RENT_WHILE_OWNING_HOME'][data-type='RENT']")))
				.isNotEmpty();
			page.manage().window().setSize(new Dimension(1280, 1200));
			shot(manager, "flags");
			row.findElement(By.tagName("a")).sendKeys(Keys.ENTER);
			manager.waiting(PAGE).until(ExpectedConditions.textToBe(By.id("case-no"), caseNo));
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

	/** Tab (or another key) to the next field, which must be {@code id}, and types there. */
	private static void type(WebDriver page, CharSequence key, String id, String text) {
		page.switchTo().activeElement().sendKeys(key);
		assertThat(active(page)).isEqualTo(id);
		page.switchTo().activeElement().sendKeys(text);
	}

	private static WebElement routeOnceChecked(Browser browser, String route) {
		return browser.waiting(PAGE)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wd-route[data-route='" + route + "']")));
	}

	private static String active(WebDriver page) {
		return page.switchTo().activeElement().getDomAttribute("id");
	}

	private static String text(WebDriver page, String id) {
		return page.findElement(By.id(id)).getText().strip();
	}

	/** Keeps what the window shows under target/screenshots, for a person to look at. */
	private static void shot(Browser browser, String name) {
		try {
			Path file = Path.of("target/screenshots", "withdrawal-" + name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A depositor of the fake account system, with a valid ID number of their own. */
	private String person(String name, LocalDate born, String balance) {
		return cn.example.servicehall.support.WithdrawalFixtures.depositor(this.jdbc, name, born, true, balance).id();
	}


}
