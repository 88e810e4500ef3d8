package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;

/**
 * The developer's sales office in a real browser, signed in through Keycloak as agent-a: a new-house application
 * submitted from its form with the keyboard, materials uploaded per checklist item, a correction round from the fund
 * centre's clerk answered by uploading and resubmitting, and the case on to first review with the buyer's receipts;
 * agent-b of another company sees nothing of it in the list, the count, the case page or a receipt's download.
 */
class SalesOfficePagesBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final CurrentOfficer CLERK = new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK),
			Optional.empty());

	private static final List<String> CHECKLIST = List.of("BORROWER_ID", "MARITAL_PROOF", "INCOME_PROOF",
			"PURCHASE_CONTRACT", "DOWN_PAYMENT_RECEIPT", "REPAYMENT_CARD");

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private LoanApplications applications;

	@Test
	@DisplayName("开发企业经办人：网上提交申请并上传材料，收到一次性告知后补传并重新提交，案件进入初审；他企业经办人看不到")
	void agentASubmitsAnswersACorrectionRoundAndAgentBSeesNothing() throws Exception {
		String buyerId = LoanFixtures.newBuyerIdNumber();
		String unit = "7-" + (System.nanoTime() % 100000) + "-801";
		String filingNo = NewHouseSales.fileContract(this.jdbc, "滨江花园", NewHouseSales.PERMIT_A, unit, "钱七", buyerId,
				"FILED");
		Path scan = pdf(1);
		this.keycloak.awaitReady();

		String caseNo;
		try (Browser agent = signIn("agent-a")) {
			WebDriver page = agent.driver();
			viewport(page, 1280, 800);
			page.findElement(By.id("nav-sales-office")).click();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-page")));
			agent.screenshot("sales-office-1-list");
			page.findElement(By.id("new-application")).sendKeys(Keys.ENTER);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			agent.screenshot("sales-office-2-form");
			// the fields as wide as the workbench's: a label above each, the project across the form
			assertThat(page.findElement(By.id("so-unit")).getRect().getWidth()).isGreaterThan(200);
			assertThat(page.findElement(By.id("so-project")).getRect().getWidth())
				.isGreaterThan(page.findElement(By.id("so-unit")).getRect().getWidth());
			assertThat(page.findElement(By.cssSelector("label[for=so-unit]")).getRect().getY())
				.isLessThan(page.findElement(By.id("so-unit")).getRect().getY());

			// the keyboard alone: the project first, then Tab from field to field, Enter submits
			assertThat(active(page)).isEqualTo("so-project");
			type(page, Keys.TAB, "so-unit", unit);
			type(page, Keys.TAB, "so-filing", filingNo);
			type(page, Keys.TAB, "so-name", "钱七");
			type(page, Keys.TAB, "so-id-number", buyerId);
			type(page, Keys.TAB, "so-amount", "600000");
			type(page, Keys.TAB, "so-term", "300");
			page.switchTo().activeElement().sendKeys(Keys.ENTER);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-case-page")));
			caseNo = page.findElement(By.id("sales-office-case-page")).getDomAttribute("data-case");
			assertThat(page.findElement(By.id("flash")).getText()).contains(caseNo);
			assertThat(page.findElement(By.id("so-status")).getText()).isEqualTo("已提交");
			assertThat(page.findElements(By.cssSelector("#so-material-list tr[data-material]")))
				.extracting(row -> row.getDomAttribute("data-material")).containsExactlyElementsOf(CHECKLIST);
			assertThat(page.findElement(By.id("material-PURCHASE_CONTRACT")).getText()).contains("商品房买卖合同（网签备案）");

			// every material but the income proof, each with its progress
			for (String material : CHECKLIST) {
				if (!"INCOME_PROOF".equals(material)) {
					upload(agent, material, scan);
				}
			}
			assertThat(this.jdbc.sql("select count(*) from materials_upload where case_no = ?").param(caseNo)
				.query(Integer.class).single()).isEqualTo(5);

			// a scan replaced by another (with its progress), then one taken back: the checklist shows what counts
			page.findElement(By.id("material-BORROWER_ID")).findElement(By.cssSelector("details.replace summary")).click();
			page.findElement(By.id("material-BORROWER_ID")).findElement(By.cssSelector(".replace-form input[type=file]"))
				.sendKeys(pdf(2).toString());
			((JavascriptExecutor) page).executeScript("document.getElementById('so-materials').scrollIntoView()");
			agent.screenshot("sales-office-3-case-uploads");
			page.findElement(By.id("material-BORROWER_ID")).findElement(By.cssSelector(".replace-form button"))
				.sendKeys(Keys.ENTER);
			// the page reloads itself once the file is in
			agent.waiting(PAGE).ignoring(StaleElementReferenceException.class)
				.until(d -> d.findElement(By.cssSelector("#material-BORROWER_ID .so-uploads li")).getText().contains("scan-2"));
			assertThat(page.findElements(By.cssSelector("#material-BORROWER_ID .so-uploads li"))).singleElement()
				.satisfies(li -> assertThat(li.getText()).contains("scan-2"));
			page.findElement(By.id("material-MARITAL_PROOF")).findElement(By.cssSelector(".upload-withdraw-form button"))
				.sendKeys(Keys.ENTER);
			agent.waiting(PAGE).until(d -> d.findElements(By.cssSelector("#material-MARITAL_PROOF .so-uploads li"))
				.isEmpty());
			assertThat(page.findElement(By.id("flash")).getText()).contains("材料已撤回");
			assertThat(page.findElements(By.cssSelector("#so-history tr[data-action]"))).extracting(
					tr -> tr.getDomAttribute("data-action")).contains("MATERIAL_REPLACED", "MATERIAL_WITHDRAWN");
			upload(agent, "MARITAL_PROOF", scan);

			// the clerk checks the materials and marks the income proof missing: one notice lists it
			Map<String, Boolean> checked = new LinkedHashMap<>();
			CHECKLIST.forEach(code -> checked.put(code, !"INCOME_PROOF".equals(code)));
			this.applications.accept(new CaseNo(caseNo), CLERK, checked, "缺收入证明");
			runJobs(this.engine, caseNo);

			page.navigate().refresh();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("so-notice")));
			((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
			agent.screenshot("sales-office-4-correction-round");
			assertThat(page.findElement(By.id("so-status")).getText()).isEqualTo("待补正");
			assertThat(page.findElements(By.cssSelector("#so-notice-materials li"))).extracting(WebElement::getText)
				.containsExactly("借款人及共同借款人收入证明");
			assertThat(page.findElements(By.cssSelector("#so-receipt-list li"))).extracting(li -> li.getDomAttribute("data-kind"))
				.containsExactly("MISSING_MATERIALS_NOTICE");

			// answered: the income proof uploaded, resubmitted, back at the fund centre's online acceptance
			upload(agent, "INCOME_PROOF", scan);
			page.findElement(By.id("resubmit")).sendKeys(Keys.ENTER);
			agent.waiting(PAGE).until(ExpectedConditions.attributeToBe(By.id("so-status"), "data-status", "SUBMITTED"));
			assertThat(page.findElements(By.id("so-notice"))).isEmpty();
			assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
				.getTaskDefinitionKey()).isEqualTo("Task_AcceptOnlineApplication");

			// all there now: accepted, on to the first review; the agent sees it and the acceptance receipt
			CHECKLIST.forEach(code -> checked.put(code, true));
			this.applications.accept(new CaseNo(caseNo), CLERK, checked, "材料齐全");
			runJobs(this.engine, caseNo);
			assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
				.getTaskDefinitionKey()).isEqualTo("Task_FirstReview");
			page.navigate().refresh();
			assertThat(page.findElement(By.id("so-status")).getText()).isEqualTo("已受理");
			// (the new-house model issues no acceptance receipt yet: the notice is the buyer's receipt so far)
			assertThat(page.findElements(By.cssSelector("#so-receipt-list li")))
				.extracting(li -> li.getDomAttribute("data-kind"))
				.contains("MISSING_MATERIALS_NOTICE");
			String receipt = page.findElement(By.cssSelector("#so-receipt-list li[data-kind=MISSING_MATERIALS_NOTICE] a"))
				.getDomAttribute("href");
			assertThat(get(agent, receipt).statusCode()).isEqualTo(200);

			// refused in words beside the field, what was typed kept
			page.get(HALL + "/sales-office/applications/new");
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			page.findElement(By.id("so-unit")).sendKeys("9-9-909");
			page.findElement(By.id("so-filing")).sendKeys("WQ-NOT-FILED-9");
			page.findElement(By.id("so-name")).sendKeys("钱七");
			page.findElement(By.id("so-id-number")).sendKeys("110101199003070000");
			page.findElement(By.id("so-amount")).sendKeys("600000");
			page.findElement(By.id("so-term")).sendKeys("300");
			page.findElement(By.id("submit-application")).sendKeys(Keys.ENTER);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("so-id-number-error")));
			assertThat(page.findElement(By.id("so-id-number-error")).getText()).contains("身份证");
			assertThat(page.findElement(By.id("so-name")).getDomProperty("value")).isEqualTo("钱七");
			assertThat(active(page)).isEqualTo("so-id-number");
			agent.screenshot("sales-office-5-form-refused");

			// the list shows the case with its state
			page.get(HALL + "/sales-office/cases/" + caseNo);
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("back-to-list")));
			agent.screenshot("sales-office-6-case-accepted");
			page.findElement(By.id("back-to-list")).click();
			agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-cases")));
			assertThat(page.findElement(By.cssSelector("tr[data-case='" + caseNo + "'] .status")).getText())
				.isEqualTo("已受理");

			// fenced: agent-b of another company sees nothing of it
			try (Browser other = signIn("agent-b")) {
				WebDriver b = other.driver();
				b.get(HALL + "/sales-office");
				other.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("sales-office-page")));
				assertThat(b.getPageSource()).doesNotContain(caseNo);
				long companyB = this.jdbc.sql("select count(*) from intake_case where developer_company_id = ?")
					.param(NewHouseSales.COMPANY_B).query(Long.class).single();
				assertThat(Long.parseLong(b.findElement(By.id("sales-office-total")).getText())).isEqualTo(companyB);
				b.get(HALL + "/sales-office/cases/" + caseNo);
				assertThat(b.findElement(By.id("problem-page")).getDomAttribute("data-status")).isEqualTo("404");
				assertThat(b.getPageSource()).doesNotContain("钱七");
				assertThat(get(other, receipt).statusCode()).isEqualTo(404);
				assertThat(get(other, "/cases/" + caseNo).statusCode()).isEqualTo(404);
			}
		}
	}

	/** Chooses the file for the item, sends it, and waits for the page to show it uploaded. */
	private static void upload(Browser agent, String material, Path file) {
		WebDriver page = agent.driver();
		int before = page.findElements(By.cssSelector("#material-" + material + " .so-uploads li")).size();
		page.findElement(By.id("file-" + material)).sendKeys(file.toString());
		page.findElement(By.id("upload-" + material)).sendKeys(Keys.ENTER);
		agent.waiting(PAGE).until(d -> d.findElements(By.cssSelector("#material-" + material + " .so-uploads li"))
			.size() > before);
	}

	/** The address with the browser's session, outside the browser (a download the browser would save). */
	private static HttpResponse<byte[]> get(Browser browser, String path) throws IOException, InterruptedException {
		String cookies = String.join("; ", browser.driver().manage().getCookies().stream()
			.map(c -> c.getName() + "=" + c.getValue()).toList());
		HttpRequest request = HttpRequest.newBuilder(URI.create(HALL + path)).header("Cookie", cookies).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private Browser signIn(String username) {
		Browser browser = Browser.open("zh-CN");
		WebDriver page = browser.driver();
		page.get(HALL + "/");
		browser.signInAtKeycloak(username, this.keycloak.launcher().secrets().demoPassword());
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		return browser;
	}

	/** The page's own area at this size, whatever the browser's frame takes (for screenshots people compare). */
	private static void viewport(WebDriver page, int width, int height) {
		page.manage().window().setSize(new Dimension(width, height));
		Number innerWidth = (Number) ((JavascriptExecutor) page).executeScript("return window.innerWidth");
		Number innerHeight = (Number) ((JavascriptExecutor) page).executeScript("return window.innerHeight");
		page.manage().window().setSize(new Dimension(2 * width - innerWidth.intValue(),
				2 * height - innerHeight.intValue()));
	}

	private static String active(WebDriver page) {
		return page.switchTo().activeElement().getDomAttribute("id");
	}

	/** Tab (or another key) to the next field, which must be {@code id}, and types there. */
	private static void type(WebDriver page, CharSequence key, String id, String text) {
		page.switchTo().activeElement().sendKeys(key);
		assertThat(active(page)).isEqualTo(id);
		page.switchTo().activeElement().sendKeys(text);
	}

	/** A scan of so many pages, named {@code scan-<pages>-….pdf}. */
	private static Path pdf(int pages) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			document.save(out);
			Path file = Files.createTempFile("scan-" + pages + "-", ".pdf");
			Files.write(file, out.toByteArray());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
