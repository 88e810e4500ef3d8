package cn.example.servicehall.materials.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.materials.Materials;

/**
 * 申请材料: whoever may see cases reads a case's materials (an agent only their company's cases, the online hall only
 * the cases it submitted: {@code intake.CaseVisibility}); the acceptance clerk scans at the window, an agent and the
 * online hall upload for their own cases; the same withdraw and replace uploads until the materials are accepted.
 */
@Component
class MaterialsAccessRules implements ApiAccessRules {

	private static final String MATERIALS = "/api/cases/{caseNo}/materials";

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> readers = new ArrayList<>(Groups.CASE_POSTS);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN, Groups.DEVELOPER_AGENT, Groups.ONLINE_HALL));
		requests
			.requestMatchers(path.matcher(HttpMethod.GET, MATERIALS), path.matcher(HttpMethod.GET, MATERIALS + "/{uploadId}"))
			.hasAnyAuthority(readers.toArray(String[]::new))
			.requestMatchers(path.matcher(HttpMethod.POST, MATERIALS + "/{material}"),
					path.matcher(HttpMethod.POST, MATERIALS + "/{uploadId}/withdrawal"),
					path.matcher(HttpMethod.POST, MATERIALS + "/{uploadId}/replacement"))
			.hasAnyAuthority(Materials.CHANGERS.toArray(String[]::new));
	}

}
