package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;

/**
 * The fences, enforced on the server whatever the client sends: a developer agent sees only their own company's
 * applications (another's is a 404 and in no list or count); staff see and do only their post's tasks; the approver
 * of a loan is neither its acceptance clerk nor its first reviewer.
 */
@ServiceHallIntegrationTest
class FencesIT {

	private static final String COMPANY_A = "91350100M000100Y43";

	private static final String COMPANY_B = "91110000600037341L";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	void aDeveloperAgentSeesOnlyTheApplicationsOfTheirOwnCompany() {
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", COMPANY_A));
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", COMPANY_B));
		String ofA = submitOnline(agentA, COMPANY_A, LoanFixtures.newBuyerIdNumber());
		String ofB = submitOnline(agentB, COMPANY_B, LoanFixtures.newBuyerIdNumber());

		assertThat(this.jdbc.sql("select developer_company_id from intake_case where case_no = ?").param(ofA)
			.query(String.class).single()).isEqualTo(COMPANY_A);
		assertThat(agentA.get("/api/cases/" + ofA).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map<String, Object>> foreign = agentA.get("/api/cases/" + ofB);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getBody()).containsEntry("type", "/problems/case-not-found");

		Map<String, Object> listOfA = agentA.get("/api/cases?size=200").getBody();
		assertThat(caseNumbers(listOfA)).contains(ofA).doesNotContain(ofB);
		long companyACases = this.jdbc.sql("select count(*) from intake_case where developer_company_id = ?")
			.param(COMPANY_A).query(Long.class).single();
		assertThat(((Number) listOfA.get("total")).longValue()).isEqualTo(companyACases);
		assertThat(caseNumbers(agentB.get("/api/cases?size=200").getBody())).contains(ofB).doesNotContain(ofA);

		// staff see both; the acceptance clerk's inbox has both to accept
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		assertThat(caseNumbers(clerk.get("/api/cases?size=200").getBody())).contains(ofA, ofB);
		assertThat(clerk.getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).contains(ofA, ofB);

		// an agent acting on a step of their own case is refused: steps belong to the fund centre's posts
		assertThat(agentA.post("/api/loan/applications/" + ofA + "/acceptance", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// another company's agent can neither withdraw nor resubmit it: as if it did not exist, and nothing changes
		ResponseEntity<Map<String, Object>> withdrawal = agentB.post(
				"/api/loan/new-house-applications/" + ofA + "/withdrawal", Map.of("reason", "申请人放弃购房"));
		assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(withdrawal.getBody()).containsEntry("type", "/problems/case-not-found");
		assertThat(agentB.post("/api/loan/new-house-applications/" + ofA + "/resubmission", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(ofA)).isEqualTo("SUBMITTED");
		// an agent without a company in their token sees nothing and cannot submit
		Api noCompany = Api.as(this.http, TestTokens.user("agent-x", "developer-agent"));
		assertThat(((Number) noCompany.get("/api/cases").getBody().get("total")).longValue()).isZero();
		assertThat(noCompany.post("/api/loan/new-house-applications", newHouse("360426199101010071"),
				UUID.randomUUID().toString()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void staffSeeAndDoOnlyTheirPostsTasks() {
		String waiting = submitAtWindow();
		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", "hpf-first-reviewer"));
		Api bank = Api.as(this.http, TestTokens.user("bank1", "bank-loan-officer"));

		// waiting for acceptance: not in the reviewer's nor the bank officer's inbox
		assertThat(reviewer.getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).doesNotContain(waiting);
		assertThat(bank.getList("/api/tasks").getBody()).extracting(t -> t.get("caseNo")).doesNotContain(waiting);

		// a clerk token cannot do the first review, even once the case is there
		Api clerk = clerk("clerk1");
		String caseNo = atFirstReview(clerk);
		ResponseEntity<Map<String, Object>> wrongPost = clerk.post("/api/loan/applications/" + caseNo + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "越权"));
		assertThat(wrongPost.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(caseNo)).isEqualTo("ASSESSED");

		// the reviewer sees it now, and can claim it; the bank officer can not
		List<Map<String, Object>> reviewerInbox = reviewer.getList("/api/tasks").getBody();
		String taskId = (String) reviewerInbox.stream().filter(t -> caseNo.equals(t.get("caseNo"))).findFirst()
			.orElseThrow().get("id");
		// another post's task is as invisible as one that does not exist
		assertThat(bank.post("/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(reviewer.post("/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// claimed by reviewer1: another reviewer may not do it
		Api otherReviewer = Api.as(this.http, TestTokens.user("reviewer2", "hpf-first-reviewer"));
		ResponseEntity<Map<String, Object>> claimed = otherReviewer.post(
				"/api/loan/applications/" + caseNo + "/first-review", Map.of("outcome", "APPROVE", "opinion", "抢办"));
		assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(claimed.getBody()).containsEntry("type", "/problems/claimed-by-other");
		assertThat(reviewer.post("/api/loan/applications/" + caseNo + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theApproverMayBeNeitherTheAcceptanceClerkNorTheFirstReviewer() {
		// one person holding all three posts accepts; another, holding two, reviews; neither may approve
		Api allPosts = Api.as(this.http,
				TestTokens.user("multi1", "hpf-acceptance-clerk", "hpf-first-reviewer", "hpf-approver"));
		String caseNo = atFirstReview(allPosts);
		Api reviewer = Api.as(this.http, TestTokens.user("reviewer1", "hpf-first-reviewer", "hpf-approver"));
		assertThat(reviewer.post("/api/loan/applications/" + caseNo + "/first-review",
				Map.of("outcome", "APPROVE", "opinion", "同意")).getStatusCode()).isEqualTo(HttpStatus.OK);

		Map<String, Object> approve = Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意");
		ResponseEntity<Map<String, Object>> byClerk = allPosts.post("/api/loan/applications/" + caseNo + "/approval",
				approve);
		assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(byClerk.getBody()).containsEntry("type", "/problems/four-eyes");
		assertThat((String) byClerk.getBody().get("detail")).contains("受理人");

		ResponseEntity<Map<String, Object>> byReviewer = reviewer.post("/api/loan/applications/" + caseNo + "/approval",
				approve);
		assertThat(byReviewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) byReviewer.getBody().get("detail")).contains("初审人");
		assertThat(status(caseNo)).isEqualTo("FIRST_REVIEWED");

		// whatever the client says about itself: the rule looks at the case's history, not at the request
		ResponseEntity<Map<String, Object>> lying = allPosts.post("/api/loan/applications/" + caseNo + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意", "approver", "approver1",
						"acceptedBy", "someone-else"));
		assertThat(lying.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// nor can a refusal or a return slip through
		assertThat(allPosts.post("/api/loan/applications/" + caseNo + "/approval",
				Map.of("outcome", "REJECT", "opinion", "不同意")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		Api approver = Api.as(this.http, TestTokens.user("approver1", "hpf-approver"));
		assertThat(approver.post("/api/loan/applications/" + caseNo + "/approval", approve).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(status(caseNo)).isEqualTo("APPROVED");
		// the API shows and filters by the loan's stage, as before the lifecycle was shared (issue 11)
		assertThat(approver.get("/api/cases/" + caseNo).getBody()).containsEntry("status", "APPROVED")
			.containsEntry("lifecycle", "IN_PROGRESS");
		assertThat(caseNumbers(approver.get("/api/cases?size=200&status=APPROVED&q=" + caseNo).getBody()))
			.containsExactly(caseNo);
		assertThat(caseNumbers(approver.get("/api/cases?size=200&status=IN_PROGRESS&q=" + caseNo).getBody()))
			.containsExactly(caseNo);
		assertThat(approver.get("/api/cases?status=NO_SUCH_STAGE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private String submitAtWindow() {
		return LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
	}

	/** Accepted, the agencies agreed, assessed: waiting for the first review. */
	private String atFirstReview(Api clerk) {
		String caseNo = submitAtWindow();
		String path = "/api/loan/applications/" + caseNo;
		assertThat(clerk.post(path + "/acceptance", LoanFixtures.allMaterials(true)).getStatusCode()).isEqualTo(HttpStatus.OK);
		LoanFixtures.runJobs(this.engine, caseNo);
		Map<String, Object> agree = Map.of("outcome", "APPROVE", "opinion", "同意");
		Api.as(this.http, TestTokens.user("bank1", "bank-loan-officer")).post(path + "/credit-review", agree);
		Api.as(this.http, TestTokens.user("registry1", "registry-clerk")).post(path + "/title-review", agree);
		Api.as(this.http, TestTokens.user("guarantor1", "guarantor-officer")).post(path + "/guarantee-assessment", agree);
		LoanFixtures.runJobs(this.engine, caseNo);
		return caseNo;
	}

	private String submitOnline(Api agent, String company, String idNumber) {
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, company, "钱七", idNumber),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		Map<String, Object> caseFile = (Map<String, Object>) created.getBody().get("caseFile");
		assertThat(caseFile).containsEntry("serviceType", "NEW_HOUSE_LOAN").containsEntry("channel", "ONLINE");
		return (String) caseFile.get("caseNo");
	}

	private Map<String, Object> newHouse(String idNumber) {
		return NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "钱七", idNumber);
	}

	private Api clerk(String name) {
		return Api.as(this.http, TestTokens.user(name, "hpf-acceptance-clerk"));
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

	@SuppressWarnings("unchecked")
	private static List<String> caseNumbers(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("items")).stream().map(c -> (String) c.get("caseNo")).toList();
	}

}
