package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report for what its connector refuses before the hall sees it ({@code %00} or {@code %2F} in the
 * address, control characters or raw non-ASCII bytes in the request line or a header, {@code ..} above the root, a
 * header too large): an RFC 9457 problem instead of Tomcat's HTML page. Errors inside the hall never reach it: they
 * go to the error controller first ({@link ProblemErrorController}).
 */
public class ProblemReportValve extends ErrorReportValve {

	private final ObjectMapper json;

	public ProblemReportValve() {
		this(new ObjectMapper());
	}

	ProblemReportValve(ObjectMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemDetail problem = status == 400 ? Problems.malformedRequest() : Problems.forStatus(status);
		try {
			String body = this.json.writeValueAsString(problem);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer was committed meanwhile: nothing more to say
		}
	}

}
