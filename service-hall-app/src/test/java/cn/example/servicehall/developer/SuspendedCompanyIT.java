package cn.example.servicehall.developer;

import static cn.example.servicehall.support.NewHouseSales.COMPANY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/**
 * The company fence holds after the fund centre suspends a company: its agents and its system are refused in words
 * (403) on every sales-office API and page, not only at submission, and see no case in any list or count; once the
 * company is active again they see their cases as before.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class SuspendedCompanyIT {

	private static final String SYSTEM = "service-account-sales-office-system";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CaseFiles cases;

	@Test
	void agentsAndTheSystemOfASuspendedCompanySeeNothingAndAreToldWhy() throws Exception {
		Api agent = Api.as(this.http, TestTokens.developerAgent("agent-a", COMPANY_A));
		Api system = Api.as(this.http, TestTokens.developerAgent(SYSTEM, COMPANY_A));
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, COMPANY_A, "钱七", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		assertThat(agent.get("/api/cases/" + caseNo).getStatusCode()).isEqualTo(HttpStatus.OK);

		suspend(true);
		try {
			for (Api who : List.of(agent, system)) {
				for (String path : List.of("/api/cases/" + caseNo, "/api/cases?size=50", "/api/cases/" + caseNo
						+ "/materials", "/api/bookings/branches")) {
					ResponseEntity<Map<String, Object>> refused = who.get(path);
					assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(refused.getBody()).as(path).containsEntry("type", "/problems/developer-suspended");
					assertThat((String) refused.getBody().get("detail")).contains("福州示例房地产开发有限公司")
						.contains("已被公积金中心暂停")
						.contains("suspended");
				}
				ResponseEntity<Map<String, Object>> withdrawal = who.post(
						"/api/loan/new-house-applications/" + caseNo + "/withdrawal", Map.of("reason", "放弃"));
				assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			}
			assertThat(status(caseNo)).isEqualTo("SUBMITTED");

			// the pages say it in words, as a page
			for (String path : List.of("/sales-office", "/sales-office/cases/" + caseNo,
					"/sales-office/applications/new")) {
				MvcResult page = this.mvc
					.perform(get(path).with(SignedIn.developerAgent(this.registrations, "agent-a", COMPANY_A)))
					.andReturn();
				assertThat(page.getResponse().getStatus()).as(path).isEqualTo(403);
				String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
				assertThat(html).as(path).contains("已被公积金中心暂停");
			}

			// and whatever asks intake: no case of the company in any list, count or lookup
			CurrentOfficer officer = new CurrentOfficer("agent-a", "agent-a", List.of(Groups.DEVELOPER_AGENT),
					Optional.of(COMPANY_A));
			assertThat(this.cases.findVisible(new CaseNo(caseNo), officer)).isEmpty();
			assertThat(this.cases.list(officer, Optional.empty(), 0, 50).total()).isZero();
		}
		finally {
			suspend(false);
		}
		assertThat(agent.get("/api/cases/" + caseNo).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(system.get("/api/cases/" + caseNo).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void suspend(boolean suspended) {
		Api manager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER));
		ResponseEntity<Map<String, Object>> changed = manager.exchange(HttpMethod.PUT, "/api/developers/" + COMPANY_A,
				Map.of("name", "福州示例房地产开发有限公司", "status", suspended ? "SUSPENDED" : "ACTIVE"), null);
		assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single();
	}

}
