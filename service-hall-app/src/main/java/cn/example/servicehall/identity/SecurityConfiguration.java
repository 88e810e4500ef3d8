package cn.example.servicehall.identity;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import cn.example.servicehall.identity.web.ProblemResponses;
import cn.example.servicehall.identity.web.SignInEntryPoint;

/**
 * Who may reach what. Four chains, most specific first:
 * <ol>
 * <li>the hall's API and the engine's REST API: a bearer token from the hall's identity provider, with the right
 * issuer and audience, on every request (401 otherwise); each capability's {@link ApiAccessRules} say which post may
 * call which endpoint, and whatever no rule names is denied (403);</li>
 * <li>actuator: health and info for anyone (details for operators), the rest for operators with a token;</li>
 * <li>the API's OpenAPI document: a bearer token or a page session;</li>
 * <li>pages and the Camunda consoles: an OpenID Connect sign-in (authorization code with PKCE) and a session;
 * the consoles for administrators and managers only.</li>
 * </ol>
 * Authorities are the hall's group names as they stand, from the token's {@code groups} claim.
 * Matchers are {@link PathPatternRequestMatcher}s: the engine REST API is a Jersey servlet, and MVC-aware string
 * matchers miss it, letting {@code /engine-rest/**} through unauthenticated (stack-notes §8).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REGISTRATION_ID = "keycloak";

	private static final PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, List<ApiAccessRules> rules, JwtAuthenticationConverter tokens,
			ProblemResponses problems) throws Exception {
		http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**")))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(path.matcher("/engine-rest/**")).hasAuthority(Groups.SYSTEM_ADMIN);
				rules.forEach(rule -> rule.configure(requests, path));
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(bearerTokens(tokens, problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(hardened(API_POLICY));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, JwtAuthenticationConverter tokens,
			ProblemResponses problems) throws Exception {
		// every /actuator path, so that an endpoint not exposed is a plain 404 to staff, and 401 to anyone else
		http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(), path.matcher("/actuator/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
				.anyRequest().hasAnyAuthority(Groups.SYSTEM_ADMIN, Groups.HALL_MANAGER))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(hardened(API_POLICY));
		return http.build();
	}

	/**
	 * The API's OpenAPI document, for a program with a bearer token as for a person signed in at the pages (Swagger UI
	 * fetches it with the page's session); without either, 401 as a problem, and no session is made for the asking.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain apiDocumentationSecurity(HttpSecurity http, JwtAuthenticationConverter tokens,
			ProblemResponses problems) throws Exception {
		http.securityMatcher(path.matcher("/v3/api-docs/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.oauth2ResourceServer(bearerTokens(tokens, problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.requestCache(cache -> cache.disable())
			.headers(hardened(API_POLICY));
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain pageSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
			SignInEntryPoint signIn, IdentityProviderStatus providerStatus, IdentityProvider provider)
			throws Exception {
		DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen(builder -> builder.additionalParameters(parameters -> parameters.put("ui_locales",
					SignInLanguage.ofCurrentRequest()))));
		OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout = new OidcClientInitiatedLogoutSuccessHandler(
				registrations);
		rpInitiatedLogout.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
				// /_static/**: libraries from webjars (Apache ECharts for the managers' dashboard)
				.requestMatchers(path.matcher("/css/**"), path.matcher("/js/**"), path.matcher("/_static/**"),
						path.matcher("/favicon.ico"), path.matcher("/favicon.svg"),
						path.matcher(SignInEntryPoint.UNAVAILABLE_PAGE), path.matcher(SignInEntryPoint.FAILED_PAGE))
				.permitAll()
				// 电子文书验证: public, rate-limited by the page itself
				.requestMatchers(path.matcher("/verify"), path.matcher("/verify/**"))
				.permitAll()
				// 叫号屏: the hall's calling screen, read-only, numbers and windows only (booking)
				.requestMatchers(path.matcher(HttpMethod.GET, "/hall/screen"), path.matcher(HttpMethod.GET, "/hall/screen/board"))
				.permitAll()
				.requestMatchers(path.matcher("/camunda/**"))
				.hasAnyAuthority(Groups.SYSTEM_ADMIN, Groups.HALL_MANAGER)
				.anyRequest().authenticated())
			.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
				.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(groupAuthorities()))
				.failureHandler((request, response, ex) -> {
					providerStatus.forget();
					response.sendRedirect(request.getContextPath() + SignInEntryPoint.FAILED_PAGE);
				}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn)
				.accessDeniedHandler((request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
			.logout(logout -> logout.logoutSuccessHandler(rpInitiatedLogout))
			// the Camunda webapps bring their own CSRF protection (X-XSRF-TOKEN); checking a file at the public
			// verification page changes nothing and is open to programs without a session
			.csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**"),
					path.matcher(HttpMethod.POST, "/verify")))
			.headers(headers -> {
				hardened(pagePolicy(provider), apiExplorerPolicy(provider)).customize(headers);
				headers.frameOptions(frame -> frame.sameOrigin());
			});
		return http.build();
	}

	/** What an API answer (JSON, problem details) may load or be framed by: nothing. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * The pages' content security policy: only the hall's own scripts, styles, images and fonts (no inline script, no
	 * {@code eval}; inline style attributes are allowed, they run nothing), no plug-ins, framed only by the hall's own
	 * pages (a document shown in the case page), forms posted only to the hall, and to the identity provider where a
	 * sign-out goes on to it. The Camunda console under {@code /camunda} sends its own policy (its scripts carry a
	 * nonce), so this one is not added there: two policies would both apply.
	 */
	static String pagePolicy(IdentityProvider provider) {
		return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
				+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
				+ "frame-ancestors 'self'; form-action 'self' " + origin(provider);
	}

	/**
	 * Swagger UI's policy (a developer's tool for the API, {@code /swagger-ui}): its sign-in returns to a page whose
	 * script is inline (springdoc's {@code oauth2-redirect.html}), and it fetches the token from the identity provider
	 * itself; otherwise as strict as the pages'.
	 */
	static String apiExplorerPolicy(IdentityProvider provider) {
		return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self' " + origin(provider)
				+ "; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self' " + origin(provider);
	}

	private static String origin(IdentityProvider provider) {
		java.net.URI issuer = provider.issuer();
		return issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
	}

	/**
	 * The headers every answer carries: the content security policy (not under {@code /camunda}), no MIME sniffing
	 * (Spring's default), the address kept from other sites ({@code Referrer-Policy: same-origin}), and HSTS for a
	 * year once the request came over TLS: directly, or through a proxy the hall trusts saying so with
	 * {@code X-Forwarded-Proto} ({@code server.tomcat.remoteip.internal-proxies}, README).
	 */
	private static Customizer<org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>> hardened(
			String policy) {
		return hardened(policy, policy);
	}

	/** As {@link #hardened(String)}, with Swagger UI's own policy under {@code /swagger-ui}. */
	private static Customizer<org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>> hardened(
			String policy, String apiExplorer) {
		org.springframework.security.web.util.matcher.RequestMatcher explorer = path.matcher("/swagger-ui/**");
		org.springframework.security.web.util.matcher.RequestMatcher pages = new org.springframework.security.web.util.matcher.NegatedRequestMatcher(
				new OrRequestMatcher(path.matcher("/camunda/**"), explorer));
		return headers -> headers
			.referrerPolicy(referrer -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
			.addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
					pages, new org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter(policy)))
			.addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
					explorer,
					new org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter(apiExplorer)));
	}

	/**
	 * Bearer tokens checked by {@link #jwtDecoder}, refused as problems; a token that cannot be checked because the
	 * provider is down is not a bad token: 503.
	 */
	private static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> bearerTokens(
			JwtAuthenticationConverter tokens, ProblemResponses problems) {
		return resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
			.authenticationEntryPoint(problems::unauthorized)
			.accessDeniedHandler(problems::forbidden)
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(problems::unauthorized);
					return filter;
				}
			});
	}

	/**
	 * The pages' client, built from the issuer without asking the provider at start-up, so the hall starts (and says
	 * plainly that sign-in is unavailable) while Keycloak is still starting or down.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(IdentityProvider provider) {
		ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("统一身份认证")
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.authorizationUri(provider.endpoint("auth").toString())
			.tokenUri(provider.endpoint("token").toString())
			.jwkSetUri(provider.endpoint("certs").toString())
			.userInfoUri(provider.endpoint("userinfo").toString())
			.userNameAttributeName(Claims.USERNAME)
			.issuerUri(provider.issuer().toString())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", provider.endpoint("logout").toString()))
			.build();
		return new InMemoryClientRegistrationRepository(keycloak);
	}

	/**
	 * Checks API tokens: signature against the provider's published keys (fetched when first needed, not at
	 * start-up), issuer, audience, expiry. With {@code spring.security.oauth2.resourceserver.jwt.public-key-location}
	 * set, the signature is checked against that key instead (offline installations, tests).
	 */
	@Bean
	JwtDecoder jwtDecoder(IdentityProvider provider,
			@Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:#{null}}") Resource publicKey)
			throws IOException {
		NimbusJwtDecoder decoder;
		if (publicKey != null) {
			try (InputStream in = publicKey.getInputStream()) {
				decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) RsaKeyConverters.x509().convert(in)).build();
			}
		}
		else {
			decoder = NimbusJwtDecoder.withJwkSetUri(provider.endpoint("certs").toString()).build();
		}
		OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
				&& jwt.getAudience().contains(provider.audience()) ? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
								"The token is not meant for this hall's API (aud)", null));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(provider.issuer().toString()), audience));
		return decoder;
	}

	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setPrincipalClaimName(Claims.USERNAME);
		converter.setJwtGrantedAuthoritiesConverter(jwt -> groupsOf(jwt.getClaims()));
		return converter;
	}

	static GrantedAuthoritiesMapper groupAuthorities() {
		return authorities -> authorities.stream()
			.flatMap(authority -> authority instanceof OidcUserAuthority oidc
					? groupsOf(oidc.getIdToken().getClaims()).stream() : Stream.empty())
			.collect(Collectors.toSet());
	}

	static Collection<GrantedAuthority> groupsOf(Map<String, Object> claims) {
		if (!(claims.get(Claims.GROUPS) instanceof Collection<?> groups)) {
			return Set.of();
		}
		return groups.stream()
			.map(Object::toString)
			// a provider configured with full group paths would send "/hpf-approver"
			.map(group -> group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group)
			.map(SimpleGrantedAuthority::new)
			.collect(Collectors.toSet());
	}

}
