package cn.example.servicehall.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the hall refuses for a reason the person at the counter can act on. Answered as an RFC 9457 problem
 * detail whose {@code type} names the problem ({@code /problems/case-not-found}) and whose {@code detail} says what
 * to do, in the words a clerk would use.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		super(status, problem(status, type, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
