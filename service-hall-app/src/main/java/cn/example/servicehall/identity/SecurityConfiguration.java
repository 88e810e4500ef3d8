package cn.example.servicehall.identity;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may reach what. Three chains, most specific first:
 * <ol>
 * <li>the hall's API and the engine's REST API: credentials on every request, 401 otherwise, no session;</li>
 * <li>actuator: health and info for anyone (details for operators only), everything else for operators;</li>
 * <li>pages and the Camunda consoles: a signed-in session; anonymous visitors are sent to the sign-in page.</li>
 * </ol>
 * Matchers are {@link PathPatternRequestMatcher}s: the engine REST API is a Jersey servlet, and MVC-aware string
 * matchers miss it, letting {@code /engine-rest/**} through unauthenticated (stack-notes §8).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path.matcher("/engine-rest/**")).hasAuthority(Groups.SYSTEM_ADMIN)
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
				.anyRequest().hasAnyAuthority(Groups.SYSTEM_ADMIN, Groups.HALL_MANAGER))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
				.requestMatchers(path.matcher("/css/**"), path.matcher("/js/**"), path.matcher("/favicon.ico"),
						path.matcher("/login"))
				.permitAll()
				.requestMatchers(path.matcher("/camunda/**"))
				.hasAnyAuthority(Groups.SYSTEM_ADMIN, Groups.HALL_MANAGER)
				.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			// the Camunda webapps bring their own CSRF protection (X-XSRF-TOKEN) and run in frames of their own
			.csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService operators(AdminAccountSettings settings, PasswordEncoder encoder) {
		List<String> groups = settings.groups();
		return new InMemoryUserDetailsManager(User.withUsername(settings.username())
			.password(encoder.encode(AdminAccount.password(settings)))
			.authorities(groups.toArray(String[]::new))
			.build());
	}

}
