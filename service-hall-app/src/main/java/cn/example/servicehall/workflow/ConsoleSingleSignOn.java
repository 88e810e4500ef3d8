package cn.example.servicehall.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.example.servicehall.identity.CurrentOfficers;

/**
 * Cockpit, Tasklist and Admin trust the hall's sign-in instead of keeping their own: the user Spring Security
 * authenticated is the console user, with the hall groups as engine groups. Who may open {@code /camunda/**} at all
 * (administrators and managers) is decided by the security configuration; what a manager may do there — read, in
 * Cockpit — by the {@link ConsoleFence} on the consoles' API and by the apps a manager is given here.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSingleSignOn {

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> consoleAuthenticationFilter() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new HallUserFilter());
		registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUser.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setName("camunda-console-sso");
		// after Spring Security's filter chain, which has established who the user is
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ConsoleFence> consoleFence(CurrentOfficers officers, ObjectMapper json) {
		FilterRegistrationBean<ConsoleFence> registration = new FilterRegistrationBean<>(
				new ConsoleFence(officers, json));
		registration.addUrlPatterns(ConsoleFence.URL_PATTERN);
		registration.setName("camunda-console-fence");
		// after Spring Security, before Camunda's own filters (its CSRF check and the API itself)
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/**
	 * Camunda's filter builds the console session from the engine's own user table, where hall users do not live
	 * (they are the identity provider's). This one builds it from the signed-in user and the groups the hall gave
	 * them; whether they may open {@code /camunda} at all was decided before.
	 */
	static class HallUserFilter extends ContainerBasedAuthenticationFilter {

		private static final String COCKPIT = "cockpit";

		@Override
		protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
				List<String> tenants) {
			UserAuthentication authentication = new UserAuthentication(username, engine.getName());
			authentication.setGroupIds(groups == null ? List.of() : groups);
			authentication.setTenantIds(tenants == null ? List.of() : tenants);
			// managers read in Cockpit; Tasklist (working tasks) and Admin are the administrators'
			Set<String> apps = new HashSet<>(groups != null && groups.contains(Groups.CAMUNDA_ADMIN)
					? List.of(AuthenticationUtil.APPS) : List.of(COCKPIT));
			apps.add(AuthenticationUtil.APP_WELCOME);
			authentication.setAuthorizedApps(apps);
			return authentication;
		}

	}

	/** Hands the Spring Security user to the consoles. Instantiated by Camunda's filter by class name. */
	public static class SpringSecurityUser implements AuthenticationProvider {

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()
					|| authentication instanceof AnonymousAuthenticationToken) {
				return AuthenticationResult.unsuccessful();
			}
			List<String> groups = new ArrayList<>();
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				groups.add(authority.getAuthority());
			}
			if (groups.contains(cn.example.servicehall.identity.Groups.SYSTEM_ADMIN)) {
				groups.add(Groups.CAMUNDA_ADMIN);
			}
			// only the hall's groups: a token's other groups mean nothing to the engine
			groups.removeIf(group -> !cn.example.servicehall.identity.Groups.ALL.contains(group)
					&& !Groups.CAMUNDA_ADMIN.equals(group));
			AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
			result.setGroups(groups);
			return result;
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			// the challenge (a redirect to sign-in) comes from Spring Security before this filter runs
		}

	}

}
