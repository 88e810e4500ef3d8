package cn.example.servicehall.sla.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** The managers' dashboard: the hall's managers and administrators. */
@Component
class SlaAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		// 管理看板: the hall's managers
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/sla/dashboard"))
			.hasAnyAuthority(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN);
	}

}
