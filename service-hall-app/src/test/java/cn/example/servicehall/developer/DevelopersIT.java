package cn.example.servicehall.developer;

import static cn.example.servicehall.support.NewHouseSales.COMPANY_A;
import static cn.example.servicehall.support.NewHouseSales.COMPANY_B;
import static cn.example.servicehall.support.NewHouseSales.PERMIT_A;
import static cn.example.servicehall.support.NewHouseSales.PROJECT_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;

/**
 * Developers as data: the fund centre registers companies, projects with their pre-sale permit and escrow account,
 * and agents; an agent submits only as a registered agent of an active company, against one of its own projects,
 * with a purchase contract filed at the housing authority for that buyer, project and unit.
 */
@ServiceHallIntegrationTest
class DevelopersIT {

	private static final String NEW_HOUSE = "/api/loan/new-house-applications";

	/** A valid GB 32100 code of a company no seed registers. */
	private static final String NEW_COMPANY = NewHouseSales.validCreditCode("91120000MA07KXPL");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FakeOutages outages;

	private Api manager;

	@BeforeEach
	void manager() {
		this.manager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER));
	}

	@AfterEach
	void reset() {
		this.outages.allUp();
		ClockUtil.reset();
	}

	@Test
	void theFundCentreRegistersACompanyItsProjectAndAgentsAndRefusesBadInput() {
		String uscc = NewHouseSales.validCreditCode("91440300MA5FXT4K");
		ResponseEntity<Map<String, Object>> badCheck = this.manager.post("/api/developers",
				Map.of("uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'), "name", "深圳示例置业有限公司"));
		assertThat(badCheck.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(badCheck.getBody())).contains("uscc").contains("统一社会信用代码校验位（最后一位）不符");

		ResponseEntity<Map<String, Object>> created = this.manager.post("/api/developers",
				Map.of("uscc", uscc.toLowerCase(), "name", "深圳示例置业有限公司"));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("uscc", uscc).containsEntry("status", "ACTIVE");

		ResponseEntity<Map<String, Object>> duplicate = this.manager.post("/api/developers",
				Map.of("uscc", uscc, "name", "另一个名字有限公司"));
		assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(duplicate.getBody()).containsEntry("type", "/problems/duplicate-developer");

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-08T02:00:00Z")));
		Map<String, Object> project = project("SZ-HWY", "深房许字（2026）第101号", "2024-12-01", "2026-12-07", "44200001234567890");
		ResponseEntity<Map<String, Object>> expired = this.manager.exchange(HttpMethod.PUT,
				"/api/developers/" + uscc + "/projects/SZ-HWY", project, null);
		assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(expired.getBody()).containsEntry("type", "/problems/permit-expired");
		assertThat((String) expired.getBody().get("detail")).contains("已于 2026-12-07 到期");

		project.put("permitValidUntil", "2028-11-30");
		project.put("escrowAccountNo", "4420-0001-2345");
		ResponseEntity<Map<String, Object>> malformed = this.manager.exchange(HttpMethod.PUT,
				"/api/developers/" + uscc + "/projects/SZ-HWY", project, null);
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(malformed.getBody())).contains("escrowAccountNo").contains("监管账户账号应为 8 至 32 位数字");

		project.put("escrowAccountNo", "4420 0001 2345 6789 0");
		ResponseEntity<Map<String, Object>> saved = this.manager.exchange(HttpMethod.PUT,
				"/api/developers/" + uscc + "/projects/SZ-HWY", project, null);
		assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(String.valueOf(saved.getBody())).contains("accountNo=4420000123456789").contains("华悦苑");

		assertThat(this.manager.exchange(HttpMethod.PUT, "/api/developers/" + uscc + "/agents/agent-sz", null, null)
			.getBody()).containsEntry("agents", List.of("agent-sz"));
		ResponseEntity<Map<String, Object>> taken = this.manager.exchange(HttpMethod.PUT,
				"/api/developers/" + uscc + "/agents/agent-a", null, null);
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) taken.getBody().get("detail")).contains("福州示例房地产开发有限公司");

		// only a hall manager changes developers
		ResponseEntity<Map<String, Object>> byClerk = Api.as(this.http, TestTokens.user("clerk9", Groups.HPF_ACCEPTANCE_CLERK))
			.post("/api/developers", Map.of("uscc", NEW_COMPANY, "name", "某公司"));
		assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anAgentSubmitsForTheirOwnCompanysProjectWithTheFiledContract() {
		String buyer = LoanFixtures.newBuyerIdNumber();
		Map<String, Object> application = NewHouseSales.application(this.jdbc, COMPANY_A, "钱七", buyer);
		ResponseEntity<Map<String, Object>> created = agentA().post(NEW_HOUSE, application, key());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(String.valueOf(created.getBody().get("loan"))).contains("滨江花园");
		String caseNo = (String) ((Map<?, ?>) created.getBody().get("caseFile")).get("caseNo");
		assertThat(this.jdbc.sql("""
				select p.code || ' ' || a.contract_filing_no from loan_application a join developer_project p on p.id = a.project_id
				 where a.case_no = ?""").param(caseNo).query(String.class).single())
			.isEqualTo(PROJECT_A + " " + application.get("contractFilingNo"));
	}

	@Test
	void agentBCannotSubmitAgainstCompanyAsProject() {
		long before = cases();
		Map<String, Object> application = NewHouseSales.application(this.jdbc, COMPANY_A, "钱七",
				LoanFixtures.newBuyerIdNumber());
		ResponseEntity<Map<String, Object>> atB = Api.as(this.http, TestTokens.developerAgent("agent-b", COMPANY_B))
			.post(NEW_HOUSE, application, key());
		assertThat(atB.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(atB.getBody()).containsEntry("type", "/problems/project-not-found");
		assertThat(String.valueOf(atB.getBody())).doesNotContain("滨江花园").doesNotContain("福州");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void agentsOfUnregisteredOrSuspendedCompaniesAndUnlistedAgentsAreRefused() {
		Map<String, Object> application = NewHouseSales.application(this.jdbc, COMPANY_A, "钱七",
				LoanFixtures.newBuyerIdNumber());
		ResponseEntity<Map<String, Object>> unregistered = Api
			.as(this.http, TestTokens.developerAgent("agent-x", NEW_COMPANY))
			.post(NEW_HOUSE, application, key());
		assertThat(unregistered.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unregistered.getBody()).containsEntry("type", "/problems/developer-not-registered");
		assertThat((String) unregistered.getBody().get("detail")).contains(NEW_COMPANY).contains("未在公积金中心登记");

		ResponseEntity<Map<String, Object>> unlisted = Api.as(this.http, TestTokens.developerAgent("agent-a9", COMPANY_A))
			.post(NEW_HOUSE, application, key());
		assertThat(unlisted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unlisted.getBody()).containsEntry("type", "/problems/agent-not-registered");

		String uscc = NewHouseSales.validCreditCode("91370200MA3CQ8LP");
		this.manager.post("/api/developers", Map.of("uscc", uscc, "name", "青岛示例地产有限公司"));
		this.manager.exchange(HttpMethod.PUT, "/api/developers/" + uscc + "/agents/agent-qd", null, null);
		ResponseEntity<Map<String, Object>> suspended = this.manager.exchange(HttpMethod.PUT, "/api/developers/" + uscc,
				Map.of("name", "青岛示例地产有限公司", "status", "SUSPENDED"), null);
		assertThat(suspended.getBody()).containsEntry("status", "SUSPENDED");
		ResponseEntity<Map<String, Object>> bySuspended = Api.as(this.http, TestTokens.developerAgent("agent-qd", uscc))
			.post(NEW_HOUSE, application, key());
		assertThat(bySuspended.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(bySuspended.getBody()).containsEntry("type", "/problems/developer-suspended");
	}

	@Test
	void theFiledContractMustBeFiledAndNameTheBuyerTheProjectAndTheUnit() {
		long before = cases();
		String buyer = LoanFixtures.newBuyerIdNumber();
		assertRefused(NewHouseSales.application(PROJECT_A, "3-1-1201", "WQ-NO-SUCH-FILING", "钱七", buyer),
				"unknown-filing", "住建局没有网签备案号为 WQ-NO-SUCH-FILING");
		String cancelled = NewHouseSales.fileContract(this.jdbc, "滨江花园", PERMIT_A, "7-1-101", "钱七", buyer, "CANCELLED");
		assertRefused(NewHouseSales.application(PROJECT_A, "7-1-101", cancelled, "钱七", buyer), "filing-cancelled",
				"已在住建局注销");
		String otherBuyer = NewHouseSales.fileContract(this.jdbc, "滨江花园", PERMIT_A, "7-1-102", "孙八",
				LoanFixtures.newBuyerIdNumber(), "FILED");
		assertRefused(NewHouseSales.application(PROJECT_A, "7-1-102", otherBuyer, "钱七", buyer), "filing-other-buyer",
				"买受人中没有申请人 钱七");
		String otherProject = NewHouseSales.fileContract(this.jdbc, "京北家园", NewHouseSales.PERMIT_B, "7-1-103", "钱七",
				buyer, "FILED");
		assertRefused(NewHouseSales.application(PROJECT_A, "7-1-103", otherProject, "钱七", buyer), "filing-other-unit",
				"京北家园");
		String filed = NewHouseSales.fileContract(this.jdbc, "滨江花园", PERMIT_A, "7-1-104", "钱七", buyer, "FILED");
		assertRefused(NewHouseSales.application(PROJECT_A, "7-1-105", filed, "钱七", buyer), "filing-other-unit",
				"7-1-105");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aHousingAuthorityOutageAnswers503WithARetryHintAndWritesNothing() {
		long before = cases();
		Map<String, Object> application = NewHouseSales.application(this.jdbc, COMPANY_A, "钱七",
				LoanFixtures.newBuyerIdNumber());
		this.outages.down(FakeSystem.HOUSING_AUTHORITY);
		String key = key();
		ResponseEntity<Map<String, Object>> down = agentA().post(NEW_HOUSE, application, key);
		assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("60");
		assertThat(down.getBody()).containsEntry("type", "/problems/housing-authority-unavailable");
		assertThat((String) down.getBody().get("detail")).contains("申请未保存，请稍后重新提交");
		assertThat(cases()).isEqualTo(before);

		this.outages.up(FakeSystem.HOUSING_AUTHORITY);
		ResponseEntity<Map<String, Object>> again = agentA().post(NEW_HOUSE, application, key);
		assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(cases()).isEqualTo(before + 1);
	}

	private void assertRefused(Map<String, Object> application, String type, String words) {
		ResponseEntity<Map<String, Object>> refused = agentA().post(NEW_HOUSE, application, key());
		assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody()).containsEntry("type", "/problems/" + type);
		assertThat((String) refused.getBody().get("detail")).contains(words).contains("申请未保存");
	}

	private static Map<String, Object> project(String code, String permit, String issued, String until, String account) {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("code", code);
		project.put("name", "华悦苑");
		project.put("district", "南山区");
		project.put("address", "深圳市南山区科苑路 8 号");
		project.put("presalePermitNo", permit);
		project.put("permitIssuedOn", issued);
		project.put("permitValidUntil", until);
		project.put("escrowBank", "招商银行深圳南山支行");
		project.put("escrowAccountNo", account);
		project.put("escrowAccountName", "深圳示例置业有限公司预售资金监管专户");
		return project;
	}


	private Api agentA() {
		return Api.as(this.http, TestTokens.developerAgent("agent-a", COMPANY_A));
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from intake_case").query(Long.class).single();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
