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

	protected ProblemException(HttpStatus status, String type, HallMessages.Text text) {
		this(status, type, text.title(), text.detail());
	}

	/**
	 * A refusal in the words of the hall's message bundle ({@link HallMessages#problem}).
	 * @param status the status
	 * @param type the problem's type ({@code calendar-year-missing})
	 * @param code the messages' code: its title is {@code <code>.title}, its detail {@code <code>.detail}
	 * @param args what the detail's {@code {0}}, {@code {1}}, … stand for
	 */
	public static ProblemException refusal(HttpStatus status, String type, String code, Object... args) {
		return new ProblemException(status, type, HallMessages.problem(code, args));
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
