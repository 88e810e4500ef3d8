package cn.example.servicehall.calendar.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/**
 * The working-day calendar: every post of the hall's staff, managers and administrators read it; only system
 * administrators enter a year. Developer agents have no business with it.
 */
@Component
class CalendarAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN));
		requests
			.requestMatchers(path.matcher(HttpMethod.GET, "/api/sla/calendar"),
					path.matcher(HttpMethod.GET, "/api/sla/calendar/{year}"))
			.hasAnyAuthority(readers.toArray(String[]::new))
			.requestMatchers(path.matcher(HttpMethod.PUT, "/api/sla/calendar/{year}"))
			.hasAuthority(Groups.SYSTEM_ADMIN);
	}

}
