package cn.example.servicehall.intake.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.example.servicehall.intake.CaseLogging;
import cn.example.servicehall.intake.CaseNo;

/**
 * Puts the case number of a request about one case ({@code /api/cases/DK2026112300001}) into the logging context,
 * so every log line it causes carries it. Work done by the engine gets it from the process's business key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CaseLoggingContext extends OncePerRequestFilter {

	private static final Pattern CASE_NO_IN_PATH = Pattern.compile("/(" + CaseNo.PATTERN.pattern() + ")(?:/|$)");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = CASE_NO_IN_PATH.matcher(request.getRequestURI());
		if (!matcher.find()) {
			chain.doFilter(request, response);
			return;
		}
		try (CaseLogging.Scope ignored = CaseLogging.of(matcher.group(1))) {
			chain.doFilter(request, response);
		}
	}

}
