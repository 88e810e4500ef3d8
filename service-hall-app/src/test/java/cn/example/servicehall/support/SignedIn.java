package cn.example.servicehall.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * A page request on a session signed in through the hall's Keycloak client, for MockMvc: the ID token carries what
 * Keycloak puts there (user name, family and given name, groups, a developer agent's company).
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** A member of the hall's staff in the given groups. */
	public static OidcLoginRequestPostProcessor as(ClientRegistrationRepository registrations, String username,
			String familyName, String givenName, String... groups) {
		return SecurityMockMvcRequestPostProcessors.oidcLogin()
			.clientRegistration(registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", familyName)
				.claim("given_name", givenName)
				.claim("groups", Arrays.asList(groups)))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toArray(SimpleGrantedAuthority[]::new));
	}

	/** A developer company's agent. */
	public static OidcLoginRequestPostProcessor developerAgent(ClientRegistrationRepository registrations,
			String username, String companyId) {
		return SecurityMockMvcRequestPostProcessors.oidcLogin()
			.clientRegistration(registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", "经办")
				.claim("given_name", "人")
				.claim("groups", List.of("developer-agent"))
				.claim("developer_company_id", companyId))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(new SimpleGrantedAuthority("developer-agent"));
	}

}
