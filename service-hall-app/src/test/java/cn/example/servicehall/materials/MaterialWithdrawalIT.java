package cn.example.servicehall.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * An upload can be taken back or replaced by another file for the same material until the clerk accepts the
 * material set (and again while a correction round is open); then it is locked. Nothing is deleted: the row is
 * marked withdrawn with who and when, the content stays, the case's history says so; and every download of a
 * material is in the case's history too.
 */
@ServiceHallIntegrationTest
class MaterialWithdrawalIT {

	private static final String AGENT_A = TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A);

	private static final String CLERK = TestTokens.user("clerk1", "hpf-acceptance-clerk");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	void uploadsAreWithdrawnOrReplacedUntilAcceptanceAndTheHistorySaysWhoDidWhat() throws Exception {
		Api agent = Api.as(this.http, AGENT_A);
		Api clerk = Api.as(this.http, CLERK);
		String caseNo = submit(agent);
		String materials = "/api/cases/" + caseNo + "/materials";

		String first = id(send(materials + "/INCOME_PROOF", "收入证明-旧.pdf", MaterialUploadsIT.pdf(1), AGENT_A));
		String second = id(send(materials + "/INCOME_PROOF", "收入证明-第二页.pdf", MaterialUploadsIT.pdf(2), AGENT_A));
		assertThat(current(agent, caseNo, "INCOME_PROOF")).containsExactly(first, second);

		// another company's agent: as if there were no such case
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", NewHouseSales.COMPANY_B));
		assertThat(agentB.post(materials + "/" + first + "/withdrawal", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(agent.post(materials + "/" + UUID.randomUUID() + "/withdrawal", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		// withdrawn: not listed any more, the row kept with who and when, the content kept
		ResponseEntity<Map<String, Object>> withdrawn = agent.post(materials + "/" + first + "/withdrawal", Map.of());
		assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(current(agent, caseNo, "INCOME_PROOF")).containsExactly(second);
		assertThat(this.jdbc.sql("select withdrawn_by from materials_upload where id = ?::uuid and withdrawn_at is not null")
			.param(first).query(String.class).single()).isEqualTo("agent-a");
		assertThat(this.jdbc.sql("select count(*) from materials_blob b join materials_upload u on u.sha256 = b.sha256"
				+ " where u.id = ?::uuid").param(first).query(Long.class).single()).isOne();
		// a second time: refused in words, nothing changes
		ResponseEntity<Map<String, Object>> again = agent.post(materials + "/" + first + "/withdrawal", Map.of());
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) again.getBody().get("detail")).contains("已撤回");

		// replaced by the clerk at the counter: the new file counts, the old one is withdrawn
		ResponseEntity<Map<String, Object>> replaced = send(materials + "/" + second + "/replacement", "收入证明.png",
				MaterialUploadsIT.image("png", 800, 600), CLERK);
		assertThat(replaced.getStatusCode()).as(String.valueOf(replaced.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(replaced.getBody()).containsEntry("material", "INCOME_PROOF").containsEntry("mediaType", "image/png");
		String third = (String) replaced.getBody().get("id");
		assertThat(current(agent, caseNo, "INCOME_PROOF")).containsExactly(third);
		assertThat(this.jdbc.sql("select withdrawn_by from materials_upload where id = ?::uuid").param(second)
			.query(String.class).single()).isEqualTo("clerk1");
		assertThat(this.jdbc.sql("select count(*) from materials_upload where case_no = ?").param(caseNo)
			.query(Long.class).single()).as("nothing deleted").isEqualTo(3);

		// a download is in the history: who looked at which material
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(CLERK);
		assertThat(this.http.exchange(materials + "/" + third, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> history = history(caseNo);
		assertThat(history).filteredOn(e -> "MATERIAL_WITHDRAWN".equals(e.get("action")))
			.extracting(e -> e.get("actor_id"), e -> e.get("remark"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("agent-a", "借款人及共同借款人收入证明：收入证明-旧.pdf"));
		assertThat(history).filteredOn(e -> "MATERIAL_REPLACED".equals(e.get("action")))
			.extracting(e -> e.get("actor_id"), e -> e.get("remark"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("clerk1", "借款人及共同借款人收入证明：收入证明-第二页.pdf → 收入证明.png"));
		assertThat(history).filteredOn(e -> "MATERIAL_DOWNLOADED".equals(e.get("action")))
			.extracting(e -> e.get("actor_id"), e -> e.get("remark"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("clerk1", "借款人及共同借款人收入证明：收入证明.png"));
		assertThat(history).extracting(e -> e.get("status")).containsOnly("SUBMITTED");

		// accepted: locked, in words
		assertThat(clerk.post("/api/loan/applications/" + caseNo + "/acceptance", NewHouseSales.everyMaterialProvided())
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		LoanFixtures.runJobs(this.engine, caseNo);
		ResponseEntity<Map<String, Object>> locked = agent.post(materials + "/" + third + "/withdrawal", Map.of());
		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(locked.getBody()).containsEntry("type", "/problems/material-locked");
		assertThat((String) locked.getBody().get("detail")).contains("已由公积金中心受理").contains("accepted");
		assertThat(send(materials + "/" + third + "/replacement", "x.pdf", MaterialUploadsIT.pdf(3), AGENT_A)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(current(agent, caseNo, "INCOME_PROOF")).containsExactly(third);
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

	@SuppressWarnings("unchecked")
	private static List<String> current(Api who, String caseNo, String material) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) who.get("/api/cases/" + caseNo + "/materials")
			.getBody()
			.get("items");
		return items.stream()
			.filter(i -> material.equals(i.get("code")))
			.flatMap(i -> ((List<Map<String, Object>>) i.get("uploads")).stream())
			.map(u -> (String) u.get("id"))
			.toList();
	}

	private List<Map<String, Object>> history(String caseNo) {
		return this.jdbc.sql("select action, actor_id, remark, status from intake_case_event where case_no = ?"
				+ " order by occurred_at, id").param(caseNo).query().listOfRows();
	}

	private static String id(ResponseEntity<Map<String, Object>> created) {
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("id");
	}

	private ResponseEntity<Map<String, Object>> send(String path, String fileName, byte[] content, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		headers.set("Idempotency-Key", UUID.randomUUID().toString());
		HttpHeaders part = new HttpHeaders();
		part.setContentDispositionFormData("file", fileName);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, part));
		return this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				new ParameterizedTypeReference<>() {
				});
	}

}
