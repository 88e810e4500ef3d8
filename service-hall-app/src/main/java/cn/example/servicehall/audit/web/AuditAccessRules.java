package cn.example.servicehall.audit.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** The audit trail is read by the auditor and the hall's managers (masked); nobody writes it through the API. */
@Component
class AuditAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		requests
			.requestMatchers(path.matcher(HttpMethod.GET, "/api/audit/entries"),
					path.matcher(HttpMethod.GET, "/api/audit/days/{day}"))
			.hasAnyAuthority(Groups.AUDITOR, Groups.HALL_MANAGER);
	}

}
