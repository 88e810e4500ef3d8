package cn.example.servicehall.withdrawal.web;

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
 * The counter's clerk and the online hall submit and assess, and end a standing monthly repayment offset; the first reviewer reviews, the approver approves;
 * everyone who may see cases reads one (the online hall only its own).
 */
@Component
class WithdrawalAccessRules implements ApiAccessRules {

	private static final String CASE = "/api/withdrawals/{caseNo}";

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.ONLINE_HALL));
		requests
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/withdrawals"),
					path.matcher(HttpMethod.POST, "/api/withdrawals/assessment"))
			.hasAnyAuthority(Groups.HPF_ACCEPTANCE_CLERK, Groups.ONLINE_HALL)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/offset-agreement/termination"))
			.hasAnyAuthority(Groups.HPF_ACCEPTANCE_CLERK, Groups.ONLINE_HALL)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/review"))
			.hasAuthority(Groups.HPF_FIRST_REVIEWER)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/approval"))
			.hasAuthority(Groups.HPF_APPROVER)
			.requestMatchers(path.matcher(HttpMethod.GET, CASE))
			.hasAnyAuthority(readers.toArray(String[]::new));
	}

}
