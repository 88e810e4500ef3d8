package cn.example.servicehall.loan.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/** Each loan step is its post's; reading a loan case and the calculator are for everyone who may see cases. */
@Component
class LoanAccessRules implements ApiAccessRules {

	private static final String CASE = "/api/loan/applications/{caseNo}";

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.DEVELOPER_AGENT));
		requests
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/resale-applications"),
					path.matcher(HttpMethod.POST, CASE + "/acceptance"),
					path.matcher(HttpMethod.POST, CASE + "/materials-supplemented"),
					path.matcher(HttpMethod.POST, CASE + "/withdrawal"),
					path.matcher(HttpMethod.POST, CASE + "/contract-signing/fund-centre"))
			.hasAuthority(Groups.HPF_ACCEPTANCE_CLERK)
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/loan/new-house-applications"),
					path.matcher(HttpMethod.POST, "/api/loan/new-house-applications/{caseNo}/resubmission"),
					path.matcher(HttpMethod.POST, "/api/loan/new-house-applications/{caseNo}/withdrawal"))
			.hasAuthority(Groups.DEVELOPER_AGENT)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/credit-review"),
					path.matcher(HttpMethod.POST, CASE + "/contract-signing/bank"))
			.hasAuthority(Groups.BANK_LOAN_OFFICER)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/title-review"),
					path.matcher(HttpMethod.POST, CASE + "/mortgage-registration"),
					path.matcher(HttpMethod.POST, CASE + "/pre-mortgage-registration"),
					path.matcher(HttpMethod.POST, CASE + "/pre-mortgage-conversion"))
			.hasAuthority(Groups.REGISTRY_CLERK)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/guarantee-assessment"),
					path.matcher(HttpMethod.POST, CASE + "/contract-signing/guarantor"))
			.hasAuthority(Groups.GUARANTOR_OFFICER)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/first-review"))
			.hasAuthority(Groups.HPF_FIRST_REVIEWER)
			.requestMatchers(path.matcher(HttpMethod.POST, CASE + "/approval"))
			.hasAuthority(Groups.HPF_APPROVER)
			.requestMatchers(path.matcher(HttpMethod.GET, CASE), path.matcher(HttpMethod.GET, CASE + "/schedule"),
					path.matcher(HttpMethod.GET, CASE + "/checklist"), path.matcher(HttpMethod.GET, "/api/loan/calculator"),
					path.matcher(HttpMethod.GET, "/api/loan/rates"))
			.hasAnyAuthority(readers.toArray(String[]::new));
	}

}
