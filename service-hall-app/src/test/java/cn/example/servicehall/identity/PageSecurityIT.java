package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;

/**
 * Pages for a signed-in session: each user's start page shows their own posts and inbox; the consoles are for
 * administrators and managers; forms need the CSRF token; signing out goes to Keycloak's end-session endpoint
 * (RP-initiated logout) and back to the hall.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class PageSecurityIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Test
	void showsEachUserTheirOwnPostsOnTheStartPage() throws Exception {
		String clerk = this.mvc.perform(get("/").with(signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(clerk).contains("王晓明").contains("受理岗（公积金中心）").doesNotContain("consoles-title");

		String manager = this.mvc.perform(get("/").with(signedIn("manager1", "吴", "卫东", "hall-manager")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(manager).contains("吴卫东").contains("大厅管理人员").contains("consoles-title").doesNotContain("受理岗");
	}

	@Test
	void opensTheConsolesToAdministratorsAndManagersOnly() throws Exception {
		this.mvc.perform(get("/camunda/app/cockpit/default/").with(signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/camunda/app/cockpit/default/").with(signedIn("agent-a", "黄", "文杰", "developer-agent")))
			.andExpect(status().isForbidden());
		// MockMvc has no Camunda webapp behind it (KeycloakSignInIT opens Cockpit in a browser): past security is enough
		assertThat(this.mvc.perform(get("/camunda/app/cockpit/default/").with(signedIn("manager1", "吴", "卫东", "hall-manager")))
			.andReturn().getResponse().getStatus()).isNotIn(401, 403);
		assertThat(this.mvc.perform(get("/camunda/app/admin/default/").with(signedIn("admin1", "孙", "磊", "system-admin")))
			.andReturn().getResponse().getStatus()).isNotIn(401, 403);
	}

	@Test
	void refusesAFormPostWithoutItsCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk")))
			.andExpect(status().isForbidden());
	}

	@Test
	void signsOutAtKeycloakToo() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/logout").with(signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		URI target = URI.create(result.getResponse().getRedirectedUrl());
		assertThat(target.toString()).startsWith("http://localhost:8180/realms/service-hall/protocol/openid-connect/logout");
		assertThat(target.getQuery()).contains("id_token_hint=").contains("post_logout_redirect_uri=http://localhost/");
	}

	private OidcLoginRequestPostProcessor signedIn(String username, String familyName, String givenName,
			String... groups) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", familyName)
				.claim("given_name", givenName)
				.claim("groups", Arrays.asList(groups)))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toArray(SimpleGrantedAuthority[]::new));
	}

}
