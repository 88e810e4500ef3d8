package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemDetailsAdviceTest {

	@Test
	void aStepDoneTwiceAtOnceIsAConflictInWordsNotAFailure() {
		ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice().doneAtTheSameTime(new DuplicateKeyException(
				"duplicate key value violates unique constraint \"loan_mortgage_pkey\""));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/done-concurrently");
		assertThat(answer.getBody().getDetail()).startsWith("同一事项刚刚已由另一请求办理").doesNotContain("loan_mortgage_pkey");
	}

}
