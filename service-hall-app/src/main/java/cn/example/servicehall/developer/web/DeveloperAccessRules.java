package cn.example.servicehall.developer.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** Hall managers (大厅管理人员) administer the developers; system administrators read them. */
@Component
class DeveloperAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		requests
			.requestMatchers(path.matcher(HttpMethod.GET, "/api/developers"),
					path.matcher(HttpMethod.GET, "/api/developers/{uscc}"))
			.hasAnyAuthority(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN)
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/developers"),
					path.matcher(HttpMethod.PUT, "/api/developers/{uscc}"),
					path.matcher(HttpMethod.PUT, "/api/developers/{uscc}/projects/{code}"),
					path.matcher(HttpMethod.PUT, "/api/developers/{uscc}/agents/{username}"),
					path.matcher(HttpMethod.DELETE, "/api/developers/{uscc}/agents/{username}"))
			.hasAuthority(Groups.HALL_MANAGER);
	}

}
