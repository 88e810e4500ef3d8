package cn.example.servicehall.loan.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** Each loan step is its post's: the window clerk, the developer agent, the first reviewer, the approver. */
@Component
class LoanAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		requests
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/resale-applications"),
					path.matcher(HttpMethod.POST, "/api/loan/applications/{caseNo}/acceptance"))
			.hasAuthority(Groups.HPF_ACCEPTANCE_CLERK)
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/new-house-applications"))
			.hasAuthority(Groups.DEVELOPER_AGENT)
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/applications/{caseNo}/first-review"))
			.hasAuthority(Groups.HPF_FIRST_REVIEWER)
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/applications/{caseNo}/approval"))
			.hasAuthority(Groups.HPF_APPROVER);
	}

}
