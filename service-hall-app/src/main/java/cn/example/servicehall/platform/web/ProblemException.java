package cn.example.servicehall.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the hall refuses for a reason the person at the counter can act on. Answered as an RFC 9457 problem
 * detail whose {@code type} names the problem ({@code /problems/case-not-found}) and whose {@code detail} says what
 * to do, in the words a clerk would use.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		super(status, Problems.of(status, type, title, detail), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
