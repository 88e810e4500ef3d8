package cn.example.servicehall.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.identity.Groups;

/**
 * The consoles' own API ({@code /camunda/api/**}: Cockpit's, Tasklist's and Admin's calls to the engine) is read-only
 * for everyone but system administrators, as {@code /engine-rest} is theirs alone: a hall manager reads processes,
 * instances, variables and history in Cockpit, but changes nothing there — no variable, modification, suspension, job
 * retry, deletion, start, task claimed or completed, nor anything in the admin app.
 * <p>
 * Why a fence and not the engine's authorization checks: with {@code camunda.bpm.authorization.enabled} the engine
 * would check every call of the hall's own steps too, which run as the officer ({@link CaseTasks#asOfficer},
 * {@link EngineRestAuthentication}), so each post would need grants on every resource its steps touch, kept in the
 * engine beside the hall's own rules. The fence is one list, of what may pass: reads (GET, HEAD) and the POSTs that are
 * queries (the engine's REST API and Cockpit's plugin take a query in a POST body); whatever it does not name, a new
 * endpoint of a future Camunda included, is refused. Refusals are in Camunda's own error format
 * ({@code AuthorizationException}), which Cockpit shows to the user as the reason the change failed.
 */
class ConsoleFence extends OncePerRequestFilter {

	static final String URL_PATTERN = "/camunda/api/*";

	private static final String ENGINE = "/camunda/api/engine/engine/{engine}/";

	/** The engine REST API's queries with a body: none changes anything. */
	private static final List<String> ENGINE_QUERIES = List.of("process-instance", "process-instance/count",
			"execution", "execution/count", "variable-instance", "variable-instance/count", "task", "task/count",
			"filter/{id}/list", "filter/{id}/count", "filter/{id}/singleResult", "job", "job/count", "job-definition",
			"job-definition/count", "external-task", "external-task/count", "case-instance", "case-instance/count",
			"case-execution", "case-execution/count", "group", "group/count", "schema/log",
			"history/process-instance", "history/process-instance/count", "history/activity-instance",
			"history/activity-instance/count", "history/variable-instance", "history/variable-instance/count",
			"history/task", "history/task/count", "history/detail", "history/job-log", "history/job-log/count",
			"history/external-task-log", "history/external-task-log/count", "history/case-instance",
			"history/case-instance/count");

	/** Cockpit's own plugin: every POST of it is a query. */
	private static final List<String> COCKPIT_QUERIES = List.of("process-instance", "process-instance/count",
			"process-instance/{id}/called-process-instances", "process-definition/{id}/called-process-definitions",
			"incident", "incident/count");

	private static final RequestMatcher READS = reads();

	private final CurrentOfficers officers;

	private final ObjectMapper json;

	ConsoleFence(CurrentOfficers officers, ObjectMapper json) {
		this.officers = officers;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentOfficer officer = this.officers.current().orElse(null);
		if ((officer != null && officer.isIn(Groups.SYSTEM_ADMIN)) || READS.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, Object> refusal = new LinkedHashMap<>();
		refusal.put("type", "AuthorizationException");
		refusal.put("message", "只有系统管理员可以通过控制台更改流程引擎中的数据，大厅管理人员可以查看。"
				+ " Only system administrators change the engine through the consoles; managers read.");
		refusal.put("userId", officer == null ? null : officer.id());
		refusal.put("missingAuthorizations", List.of());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), refusal);
	}

	private static RequestMatcher reads() {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> reads = new ArrayList<>();
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
			reads.add(path.matcher(method, "/camunda/api/engine/engine/**"));
			reads.add(path.matcher(method, "/camunda/api/cockpit/plugin/{plugin}/{engine}/**"));
			// every app's plugin scripts and styles
			reads.add(path.matcher(method, "/camunda/api/{app}/plugin/{plugin}/static/**"));
			// who is signed in, which every console asks first
			reads.add(path.matcher(method, "/camunda/api/admin/auth/user/{engine}"));
		}
		ENGINE_QUERIES.forEach(query -> reads.add(path.matcher(HttpMethod.POST, ENGINE + query)));
		COCKPIT_QUERIES
			.forEach(query -> reads.add(path.matcher(HttpMethod.POST, "/camunda/api/cockpit/plugin/base/{engine}/" + query)));
		// signing out of the consoles changes only the console's session
		reads.add(path.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout"));
		return new OrRequestMatcher(reads);
	}

}
