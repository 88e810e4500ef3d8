package cn.example.servicehall.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.identity.Groups;

/**
 * Which requests to the consoles' API pass the fence, for a manager and an administrator. ConsoleFenceIT tries the
 * same against the real consoles and engine.
 */
class ConsoleFenceTest {

	private final ConsoleFence fence = new ConsoleFence(new CurrentOfficers(), new ObjectMapper());

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest(name = "{0} {1}: manager {2}")
	@CsvSource({ "GET, /camunda/api/engine/engine/default/process-instance/1/variables, 200",
			"HEAD, /camunda/api/engine/engine/default/process-definition, 200",
			"GET, /camunda/api/engine/engine/, 200",
			"POST, /camunda/api/engine/engine/default/process-instance, 200",
			"POST, /camunda/api/engine/engine/default/process-instance/count, 200",
			"POST, /camunda/api/engine/engine/default/history/process-instance, 200",
			"POST, /camunda/api/engine/engine/default/variable-instance, 200",
			"POST, /camunda/api/engine/engine/default/filter/f1/list, 200",
			"POST, /camunda/api/cockpit/plugin/base/default/process-instance, 200",
			"POST, /camunda/api/cockpit/plugin/base/default/incident/count, 200",
			"GET, /camunda/api/cockpit/plugin/base/default/process-definition/statistics, 200",
			"GET, /camunda/api/cockpit/plugin/base/static/app/plugin.js, 200",
			"GET, /camunda/api/admin/plugin/adminPlugins/static/app/plugin.js, 200",
			"GET, /camunda/api/admin/auth/user/default, 200",
			"POST, /camunda/api/admin/auth/user/default/logout, 200",
			"POST, /camunda/api/engine/engine/default/process-instance/1/variables, 403",
			"PUT, /camunda/api/engine/engine/default/process-instance/1/variables/x, 403",
			"DELETE, /camunda/api/engine/engine/default/process-instance/1, 403",
			"POST, /camunda/api/engine/engine/default/process-instance/1/modification, 403",
			"PUT, /camunda/api/engine/engine/default/process-instance/1/suspended, 403",
			"POST, /camunda/api/engine/engine/default/process-instance/delete, 403",
			"POST, /camunda/api/engine/engine/default/process-instance/count/, 403",
			"PUT, /camunda/api/engine/engine/default/job/1/retries, 403",
			"POST, /camunda/api/engine/engine/default/job/1/execute, 403",
			"POST, /camunda/api/engine/engine/default/task/1/claim, 403",
			"POST, /camunda/api/engine/engine/default/task/1/complete, 403",
			"POST, /camunda/api/engine/engine/default/process-definition/key/p/start, 403",
			"POST, /camunda/api/engine/engine/default/condition, 403",
			"POST, /camunda/api/engine/engine/default/message, 403",
			"POST, /camunda/api/engine/engine/default/authorization/create, 403",
			"POST, /camunda/api/cockpit/plugin/base/default/process-instance/1, 403",
			"GET, /camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated, 403",
			"POST, /camunda/api/admin/setup/default/user/create, 403",
			"POST, /camunda/api/admin/auth/user/default/login/cockpit, 403",
			"GET, /camunda/api/tasklist/plugin/some/default/anything, 403" })
	void letsManagersReadAndAdministratorsDoAnything(String method, String uri, int forManager) throws Exception {
		assertThat(status(method, uri, Groups.HALL_MANAGER)).isEqualTo(forManager);
		assertThat(status(method, uri, Groups.SYSTEM_ADMIN)).isEqualTo(200);
	}

	private int status(String method, String uri, String group) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", null, group));
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.fence.doFilter(request, response, new MockFilterChain());
		if (response.getStatus() == 403) {
			assertThat(response.getContentType()).startsWith("application/json");
			assertThat(response.getContentAsString()).contains("\"type\":\"AuthorizationException\"");
		}
		return response.getStatus();
	}

}
