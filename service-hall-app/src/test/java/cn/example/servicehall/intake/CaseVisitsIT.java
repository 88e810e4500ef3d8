package cn.example.servicehall.intake;

import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/** 来访登记 through the API: a retried check-in is one visit, which the one-visit rate (最多跑一次) counts. */
@ServiceHallIntegrationTest
class CaseVisitsIT {

	@Autowired
	private TestRestTemplate http;

	@Test
	void aRetriedCheckInWithItsKeyRecordsOneVisit() {
		String caseNo = submit(this.http, newResaleApplication());
		Api bank = Api.as(this.http, TestTokens.user("bank1", Groups.BANK_LOAN_OFFICER));
		String key = UUID.randomUUID().toString();

		ResponseEntity<Map<String, Object>> first = bank.post("/api/cases/" + caseNo + "/visits",
				Map.of("purpose", "SIGNING"), key);
		ResponseEntity<Map<String, Object>> retried = bank.post("/api/cases/" + caseNo + "/visits",
				Map.of("purpose", "SIGNING"), key);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retried.getBody()).isEqualTo(first.getBody());
		ResponseEntity<List<Map<String, Object>>> visits = bank.getList("/api/cases/" + caseNo + "/visits");
		// the submission at the window and the one check-in
		assertThat(visits.getBody()).extracting(v -> v.get("purpose")).containsExactly("SUBMISSION", "SIGNING");

		// the same key for another check-in is a misuse, refused
		assertThat(bank.post("/api/cases/" + caseNo + "/visits", Map.of("purpose", "COLLECTION"), key).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

}
