package cn.example.servicehall.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link AuditedReads} in front of every handler. A configuration rather than a configurer component, so that
 * web slice tests of other modules ({@code @WebMvcTest}) do not need the trail.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

	@Bean
	WebMvcConfigurer auditedReads(AuditTrail trail, AuditedCases cases) {
		AuditedReads reads = new AuditedReads(trail, cases);
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(reads);
			}
		};
	}

}
