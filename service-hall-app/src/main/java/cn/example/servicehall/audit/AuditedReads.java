package cn.example.servicehall.audit;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every read of a case's data, through the pages or the API, recorded once after it was served (2xx): any GET whose
 * path names a case ({@code {caseNo}}) is {@link AuditAction#CASE_VIEWED}, or {@link AuditAction#DOCUMENT_DOWNLOADED}
 * when it also names a document ({@code {documentNo}}); a case search ({@code q}) is
 * {@link AuditAction#CASES_SEARCHED}; a dashboard export {@link AuditAction#EXPORTED}. One rule for every endpoint, so
 * a new one that shows a case is audited without being told. (A material's download is a line of the case's history,
 * recorded as its step.) Registered by {@link AuditWebConfiguration}.
 */
class AuditedReads implements HandlerInterceptor {

	private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9Xx]");

	private final AuditTrail trail;

	private final AuditedCases cases;

	AuditedReads(AuditTrail trail, AuditedCases cases) {
		this.trail = trail;
		this.cases = cases;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		if (!"GET".equals(request.getMethod()) || ex != null || response.getStatus() < 200 || response.getStatus() >= 300
				|| !(handler instanceof HandlerMethod)) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String caseNo = variables == null ? null : variables.get("caseNo");
		String query = request.getParameter("q");
		if (path.startsWith("/dashboard/export") || path.contains("/export")) {
			this.trail.record(AuditEvent.of(AuditAction.EXPORTED, withQuery(path, request)));
		}
		else if (caseNo != null && !variables.containsKey("uploadId")) {
			AuditAction action = variables.containsKey("documentNo") ? AuditAction.DOCUMENT_DOWNLOADED
					: AuditAction.CASE_VIEWED;
			this.trail.record(AuditEvent.onCase(action, caseNo, path).person(this.cases.personOf(caseNo).orElse(null)));
		}
		else if (StringUtils.hasText(query)) {
			String q = query.trim();
			this.trail.record(AuditEvent.of(AuditAction.CASES_SEARCHED, path + " q=" + q)
				.person(RESIDENT_ID.matcher(q).matches() ? q.toUpperCase(java.util.Locale.ROOT) : null));
		}
	}

	private static String withQuery(String path, HttpServletRequest request) {
		return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
	}

}
