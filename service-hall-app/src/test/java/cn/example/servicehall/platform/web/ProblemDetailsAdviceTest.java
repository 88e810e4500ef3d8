package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemDetailsAdviceTest {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void aStepDoneTwiceAtOnceIsAConflictInWordsNotAFailure() {
		ResponseEntity<ProblemDetail> answer = this.advice.doneAtTheSameTime(new DuplicateKeyException(
				"duplicate key value violates unique constraint \"loan_mortgage_pkey\""));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/done-concurrently");
		assertThat(answer.getBody().getDetail()).startsWith("同一事项刚刚已由另一请求办理").doesNotContain("loan_mortgage_pkey");
	}

	@Test
	void aLockConflictOrASerializationFailureIsTheSameConflict() {
		for (Exception race : new Exception[] { new CannotAcquireLockException("deadlock detected"),
				new OptimisticLockingFailureException("row was updated"),
				new IllegalStateException("ENGINE-03083 flush failed",
						new SQLException("could not serialize access due to concurrent update", "40001")),
				new RuntimeException(new SQLException("deadlock detected", "40P01")) }) {
			ResponseEntity<ProblemDetail> answer = this.advice.unexpected(race);

			assertThat(answer.getStatusCode()).as(race.toString()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/done-concurrently");
		}
	}

	@Test
	void anythingElseUnexpectedStaysAFailureWithAReference() {
		ResponseEntity<ProblemDetail> answer = this.advice.unexpected(new IllegalStateException("a bug",
				new SQLException("syntax error", "42601")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getBody().getProperties()).containsKey("reference");
	}

}
