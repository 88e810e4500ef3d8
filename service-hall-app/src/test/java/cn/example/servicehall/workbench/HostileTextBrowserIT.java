package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * Free text that is HTML and script, typed by a staff member, as the next people meet it in a real browser: the case
 * page (the reviewer's opinion, the case history) and the auditor's page show it as the text it is; nothing of it
 * runs, no element of it is made, and the page's content security policy is never called upon (the browser closes
 * failing the test on any refusal it logged).
 */
class HostileTextBrowserIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'"
			+ "</script>\" onmouseover=\"document.title='pwned'";

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
	@DisplayName("审核意见里的 HTML 和脚本：案件页和审计日志页原样显示为文字，不生成元素，不执行")
	void htmlAndScriptInAnOpinionAreShownAsTextOnTheCasePageAndTheAuditorsPage() {
		WithdrawalFixtures.Depositor owner = WithdrawalFixtures.depositor(this.jdbc, "脚本测", LocalDate.of(1988, 3, 3),
				true, "40000.00");
		WithdrawalFixtures.home(this.jdbc, owner, LocalDate.of(2020, 6, 1));
		Map<String, Boolean> materials = new LinkedHashMap<>();
		WithdrawalType.RENT.checklist(Set.of()).items().forEach(i -> materials.put(i.material().code(), true));
		String caseNo = this.withdrawals.submit(new WithdrawalApplication(WithdrawalType.RENT,
				new WithdrawalApplication.Applicant(owner.name(), owner.id(), "13900139000", false), null,
				new WithdrawalApplication.Card(WithdrawalFixtures.CARD, "中国建设银行焦作分行"),
				new WithdrawalApplication.Claim(null, null, null, null,
						new WithdrawalApplication.Lease(new BigDecimal("1500.00"),
								LocalDate.now(this.clock).withDayOfMonth(1).minusMonths(3), true),
						List.of(), null, null),
				materials), new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK), Optional.empty()))
			.value();
		runJobs(this.engine, caseNo);
		this.withdrawals.review(new CaseNo(caseNo),
				new CurrentOfficer("reviewer1", "张建国", List.of(Groups.HPF_FIRST_REVIEWER), Optional.empty()), false,
				HOSTILE);
		runJobs(this.engine, caseNo);
		this.keycloak.awaitReady();

		try (Browser reviewer = Browser.open("zh-CN")) {
			WebDriver page = reviewer.driver();
			page.get(HALL + "/");
			reviewer.signInAtKeycloak("reviewer1", this.keycloak.launcher().secrets().demoPassword());
			reviewer.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
			page.get(HALL + "/cases/" + caseNo);
			reviewer.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("wd-opinions")));

			assertThat(page.findElement(By.cssSelector("#wd-opinions tbody tr")).getText()).contains(HOSTILE);
			assertNothingOfItRan(page);
		}

		try (Browser auditor = Browser.open("zh-CN")) {
			WebDriver page = auditor.driver();
			page.get(HALL + "/");
			auditor.signInAtKeycloak("auditor1", this.keycloak.launcher().secrets().demoPassword());
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
			page.get(HALL + "/audit?case=" + caseNo);
			auditor.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));

			assertThat(page.findElement(By.id("audit-entries")).getText()).contains(HOSTILE);
			assertNothingOfItRan(page);
		}
	}

	private static void assertNothingOfItRan(WebDriver page) {
		assertThat(page.getTitle()).doesNotContain("pwned");
		assertThat(page.findElements(By.cssSelector("main img[src='x'], main script"))).isEmpty();
		assertThat(page.findElements(By.cssSelector("[onmouseover], [onerror]"))).isEmpty();
	}

}
