package cn.example.servicehall.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;

/**
 * The new-house loan's checklist and its correction round (补正) online: the clerk marks what is missing at online
 * acceptance, one notice lists all of it, the sales office uploads and resubmits, and the case is back at acceptance
 * where it stopped; the sales office can withdraw the case before approval. Wrong states are refused in words.
 */
@ServiceHallIntegrationTest
class NewHouseCorrectionRoundIT {

	private static final String CHECKLIST = List.of("BORROWER_ID", "MARITAL_PROOF", "INCOME_PROOF", "PURCHASE_CONTRACT",
			"DOWN_PAYMENT_RECEIPT", "REPAYMENT_CARD").toString();

	private static final String AGENT_A = TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	void aCorrectionRoundIsAnsweredOnlineAndTheCaseResumesAtAcceptance() throws IOException {
		Api agent = Api.as(this.http, AGENT_A);
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		String caseNo = submit(agent);
		String resubmit = "/api/loan/new-house-applications/" + caseNo + "/resubmission";

		// the checklist a buyer's new-house loan needs, the filed purchase contract on it
		List<Map<String, Object>> checklist = agent.getList("/api/loan/applications/" + caseNo + "/checklist").getBody();
		assertThat(checklist.stream().map(m -> (String) m.get("code")).toList().toString()).isEqualTo(CHECKLIST);
		assertThat(checklist).extracting(m -> m.get("name")).contains("商品房买卖合同（网签备案）");
		assertThat(upload(caseNo, "BORROWER_ID").getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// nothing to answer yet: refused in words, nothing changes
		ResponseEntity<Map<String, Object>> early = agent.post(resubmit, Map.of("remark", "已补传"));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(early.getBody()).containsEntry("type", "/problems/not-awaiting-materials");
		assertThat((String) early.getBody().get("detail")).contains("不在等待补正材料");
		assertThat(status(caseNo)).isEqualTo("SUBMITTED");

		// the clerk marks the income proof and the down-payment receipt missing: one notice lists both
		ResponseEntity<Map<String, Object>> accepted = clerk.post("/api/loan/applications/" + caseNo + "/acceptance",
				materials("INCOME_PROOF", "DOWN_PAYMENT_RECEIPT"));
		assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody().get("missingMaterials").toString()).contains("INCOME_PROOF", "DOWN_PAYMENT_RECEIPT");
		LoanFixtures.runJobs(this.engine, caseNo);
		assertThat(status(caseNo)).isEqualTo("AWAITING_MATERIALS");
		assertThat(this.jdbc.sql("select count(*) from documents_document where case_no = ? and kind = 'MISSING_MATERIALS_NOTICE'")
			.param(caseNo).query(Integer.class).single()).isOne();

		// another company's agent cannot answer it, nor can staff through the sales office's door
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", NewHouseSales.COMPANY_B));
		assertThat(agentB.post(resubmit, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(clerk.post(resubmit, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		// the agent uploads and resubmits: back at online acceptance, where it stopped
		assertThat(upload(caseNo, "INCOME_PROOF").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(upload(caseNo, "DOWN_PAYMENT_RECEIPT").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map<String, Object>> answered = agent.post(resubmit, Map.of("remark", "已补传收入证明和首付款收据"));
		assertThat(answered.getStatusCode()).as(String.valueOf(answered.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(answered.getBody()).containsEntry("status", "SUBMITTED");
		assertThat(LoanFixtures.dueSteps(this.engine, caseNo)).isEmpty();
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getTaskDefinitionKey()).isEqualTo("Task_AcceptOnlineApplication");
		// a second resubmission is one too many
		assertThat(agent.post(resubmit, Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		// all there now: accepted, on to the first review
		assertThat(clerk.post("/api/loan/applications/" + caseNo + "/acceptance", materials()).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		LoanFixtures.runJobs(this.engine, caseNo);
		assertThat(status(caseNo)).isEqualTo("ACCEPTED");
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getTaskDefinitionKey()).isEqualTo("Task_FirstReview");
	}

	@Test
	void theSalesOfficeWithdrawsBeforeApprovalAndNotAfter() {
		Api agent = Api.as(this.http, AGENT_A);
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		String caseNo = submit(agent);
		String withdraw = "/api/loan/new-house-applications/" + caseNo + "/withdrawal";

		// waiting for materials: withdrawn, every open step ends
		clerk.post("/api/loan/applications/" + caseNo + "/acceptance", materials("INCOME_PROOF"));
		LoanFixtures.runJobs(this.engine, caseNo);
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", NewHouseSales.COMPANY_B));
		assertThat(agentB.post(withdraw, Map.of("reason", "购房人放弃")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map<String, Object>> withdrawn = agent.post(withdraw, Map.of("reason", "购房人放弃购房"));
		assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(status(caseNo)).isEqualTo("WITHDRAWN");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
			.isZero();

		// twice: refused in words
		ResponseEntity<Map<String, Object>> again = agent.post(withdraw, Map.of("reason", "再撤一次"));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("type", "/problems/withdrawal-not-possible");
		assertThat((String) again.getBody().get("detail")).contains("已结束");
		// and resubmitting a withdrawn case too
		assertThat(agent.post("/api/loan/new-house-applications/" + caseNo + "/resubmission", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);

		// approved: too late
		String approved = submit(agent);
		String path = "/api/loan/applications/" + approved;
		assertThat(clerk.post(path + "/acceptance", materials()).getStatusCode()).isEqualTo(HttpStatus.OK);
		LoanFixtures.runJobs(this.engine, approved);
		assertThat(Api.as(this.http, TestTokens.user("reviewer1", "hpf-first-reviewer"))
			.post(path + "/first-review", Map.of("outcome", "APPROVE", "opinion", "同意")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(Api.as(this.http, TestTokens.user("approver1", "hpf-approver"))
			.post(path + "/approval", Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map<String, Object>> late = agent.post("/api/loan/new-house-applications/" + approved
				+ "/withdrawal", Map.of("reason", "购房人放弃购房"));
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) late.getBody().get("detail")).contains("已审批");
		assertThat(status(approved)).isEqualTo("APPROVED");
	}

	@Test
	void theSalesOfficeHasTheBuyersReceiptsAndNothingElse() {
		Api agent = Api.as(this.http, AGENT_A);
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		String caseNo = submit(agent);
		clerk.post("/api/loan/applications/" + caseNo + "/acceptance", materials("INCOME_PROOF"));
		LoanFixtures.runJobs(this.engine, caseNo);
		String notice = this.jdbc.sql("select document_no from documents_document where case_no = ? and kind = ?")
			.params(caseNo, "MISSING_MATERIALS_NOTICE").query(String.class).single();
		// a document of the case that is not the buyer's receipt (as a loan contract will be)
		String contract = "HT-" + caseNo;
		this.jdbc.sql("""
				insert into documents_document (document_no, case_no, kind, occurrence, issuer, title, sha256, size_bytes,
				                                content, issued_at)
				values (?, ?, 'LOAN_CONTRACT', '1', 'HPF', '个人住房公积金借款合同', ?, 4, ?, now())""")
			.params(contract, caseNo, UUID.randomUUID().toString(), new byte[] { 37, 80, 68, 70 }).update();

		String documents = "/api/cases/" + caseNo + "/documents";
		assertThat(agent.getList(documents).getBody()).extracting(d -> d.get("documentNo")).containsExactly(notice);
		assertThat(clerk.getList(documents).getBody()).extracting(d -> d.get("documentNo")).contains(notice, contract);
		assertThat(agent.raw(HttpMethod.GET, documents + "/" + contract, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(agent.raw(HttpMethod.GET, documents + "/" + notice, null).getStatusCode()).isEqualTo(HttpStatus.OK);
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", NewHouseSales.COMPANY_B));
		assertThat(agentB.raw(HttpMethod.GET, documents + "/" + notice, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private String submit(Api agent) {
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "钱七", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		Map<String, Object> caseFile = (Map<String, Object>) created.getBody().get("caseFile");
		return (String) caseFile.get("caseNo");
	}

	/** Every material of the new-house checklist, provided but the ones named. */
	private static Map<String, Object> materials(String... missing) {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("BORROWER_ID", "MARITAL_PROOF", "INCOME_PROOF", "PURCHASE_CONTRACT",
				"DOWN_PAYMENT_RECEIPT", "REPAYMENT_CARD")) {
			materials.put(code, !List.of(missing).contains(code));
		}
		return Map.of("materials", materials, "remark", missing.length == 0 ? "材料齐全" : "请补传");
	}

	private ResponseEntity<Map<String, Object>> upload(String caseNo, String material) throws IOException {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(AGENT_A);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		headers.set("Idempotency-Key", UUID.randomUUID().toString());
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(pdf()) {
			@Override
			public String getFilename() {
				return material + ".pdf";
			}
		});
		return this.http.exchange("/api/cases/" + caseNo + "/materials/" + material, HttpMethod.POST,
				new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
				});
	}

	private static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single();
	}

}
