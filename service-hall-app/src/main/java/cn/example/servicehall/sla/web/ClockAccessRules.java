package cn.example.servicehall.sla.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** A case's SLA clocks: whoever may read the case (its visibility is checked again by the case). */
@Component
class ClockAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.DEVELOPER_AGENT));
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/cases/{caseNo}/sla"))
			.hasAnyAuthority(readers.toArray(String[]::new));
	}

}
