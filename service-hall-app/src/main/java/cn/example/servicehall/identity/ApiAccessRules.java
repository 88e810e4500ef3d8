package cn.example.servicehall.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * A capability's rules for its part of {@code /api/**}: which post may call which endpoint. Each capability declares
 * its own; the security configuration applies them all and denies everything no rule names.
 */
@FunctionalInterface
public interface ApiAccessRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path);

}
