package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The database out of reach where no controller answers for it: the page session read or saved (sessions live in the
 * database), a security or audit step before or after the controller. The client gets what the controllers give in
 * that case ({@link DatabaseUnavailable}: 503 with {@code Retry-After}), a page for a browser and problem details for
 * everything else, instead of an internal error. Outside the session store's filter, so that it sees its failures.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class DatabaseOutOfReach extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutOfReach.class);

	private final ObjectMapper json;

	DatabaseOutOfReach(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("The database is out of reach: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = new DatabaseUnavailable().getBody();
		response.reset();
		response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!Problems.wantsPage(request, path)) {
			Problems.write(response, problem, this.json);
			return;
		}
		response.setStatus(problem.getStatus());
		response.setContentType("text/html;charset=UTF-8");
		String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(problem.getTitle()) + "</title></head><body><h1>"
				+ HtmlUtils.htmlEscape(problem.getTitle()) + "</h1><p id=\"problem-detail\">"
				+ HtmlUtils.htmlEscape(problem.getDetail()) + "</p></body></html>";
		response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
	}

}
