package cn.example.servicehall.intake.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.Visit;

/**
 * Cases and their documents: staff of every agency, managers and administrators; developer agents too, fenced to their
 * company.
 */
@Component
class IntakeAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.DEVELOPER_AGENT));
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/cases"), path.matcher(HttpMethod.GET, "/api/cases/{caseNo}"),
				path.matcher(HttpMethod.GET, "/api/cases/{caseNo}/documents"),
				path.matcher(HttpMethod.GET, "/api/cases/{caseNo}/documents/{documentNo}"))
			.hasAnyAuthority(readers.toArray(String[]::new));
		// 来访登记: the counters' staff of every agency check a citizen in
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/cases/{caseNo}/visits"))
			.hasAnyAuthority(readers.toArray(String[]::new));
		requests.requestMatchers(path.matcher(HttpMethod.POST, "/api/cases/{caseNo}/visits"))
			.hasAnyAuthority(Visit.CHECK_IN_POSTS.toArray(String[]::new));
	}

}
