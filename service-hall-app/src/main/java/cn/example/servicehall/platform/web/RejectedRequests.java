package cn.example.servicehall.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall refuses (an encoded {@code %25} or {@code %5C}, a {@code ;}, {@code //} or
 * {@code ..}, a method such as {@code TRACE}, a header value with control characters) is answered with 400 and a
 * problem, like every other malformed request. Spring Security finds this handler by its type.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

	private final ObjectMapper json;

	RejectedRequests(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		log.debug("Rejected a malformed request: {}", ex.getMessage());
		if (!response.isCommitted()) {
			Problems.write(response, Problems.malformedRequest(), this.json);
		}
	}

}
