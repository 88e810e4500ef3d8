package cn.example.servicehall.workflow;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;

/** Calls to the engine's REST API run as the signed-in user, so the engine's operation log names them. */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> engineRestUser(IdentityService identity, CurrentOfficers officers) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				CurrentOfficer officer = officers.current().orElse(null);
				if (officer == null) {
					chain.doFilter(request, response);
					return;
				}
				identity.setAuthentication(officer.id(), officer.groups());
				try {
					chain.doFilter(request, response);
				}
				finally {
					identity.clearAuthentication();
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("engine-rest-user");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
