package cn.example.servicehall.workflow.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** The inbox: posts that work cases. Each sees only its own post's tasks (candidate groups). */
@Component
class WorkflowAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/tasks"),
				path.matcher(HttpMethod.POST, "/api/tasks/{taskId}/claim"),
				path.matcher(HttpMethod.POST, "/api/tasks/{taskId}/unclaim"))
			.hasAnyAuthority(Groups.CASE_POSTS.toArray(String[]::new));
	}

}
