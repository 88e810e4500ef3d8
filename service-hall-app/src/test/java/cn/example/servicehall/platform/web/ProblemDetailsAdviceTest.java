package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

	@Test
	void aParameterOfTheWrongTypeIsNamedWithWhatItShouldBe() {
		ResponseEntity<Object> answer = this.advice.handleTypeMismatch(
				new MethodArgumentTypeMismatchException("1e3", Integer.class, "year", null, null), new HttpHeaders(),
				HttpStatus.BAD_REQUEST, request());

		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType().toString()).isEqualTo("/problems/invalid-parameter");
		assertThat(problem.getDetail()).startsWith("参数 year 的值“1e3”无法识别，应为用半角数字书写的整数。");
	}

	@Test
	void whatSpringRefusesItselfIsSaidInTheHallsWords() throws Exception {
		ResponseEntity<Object> answer = this.advice.handleException(new HttpMediaTypeNotSupportedException("text/plain"),
				request());

		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(problem.getType().toString()).isEqualTo("/problems/unsupported-media-type");
		assertThat(problem.getDetail()).startsWith("请以 Content-Type: application/json 发送 JSON").doesNotContain("text/plain");
	}

	private static WebRequest request() {
		return new ServletWebRequest(new MockHttpServletRequest());
	}

}
