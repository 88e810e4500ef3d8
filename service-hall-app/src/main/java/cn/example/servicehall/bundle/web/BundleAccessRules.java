package cn.example.servicehall.bundle.web;

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
 * The catalogue is read by the hall's staff and the online hall (not by developer agents, who sell new houses); the
 * acceptance clerk accepts a bundle at the counter, records the citizen's choice after a refused part and confirms a
 * buyer's deed-tax payment at the tax window.
 */
@Component
class BundleAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.ONLINE_HALL));
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/bundles")).hasAnyAuthority(readers.toArray(String[]::new))
			.requestMatchers(path.matcher(HttpMethod.POST, "/api/bundles/{code}/applications"),
					path.matcher(HttpMethod.POST, "/api/bundles/cases/{caseNo}/after-refusal"),
					path.matcher(HttpMethod.POST, "/api/bundles/cases/{caseNo}/deed-tax-paid"))
			.hasAuthority(Groups.HPF_ACCEPTANCE_CLERK);
	}

}
