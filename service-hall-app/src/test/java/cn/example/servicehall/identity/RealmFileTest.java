package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm in the repository (keycloak/service-hall-realm.json) and the code agree: every hall group exists, every
 * post has a demo user with a full profile, the clients are what the hall expects (pages, developers' systems, Swagger UI,
 * the command line), and no secret is in the file.
 */
class RealmFileTest {

	private static JsonNode realm;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = RealmFileTest.class.getClassLoader().getResourceAsStream("keycloak/service-hall-realm.json")) {
			realm = new ObjectMapper().readTree(in);
		}
	}

	@Test
	void definesEveryHallGroup() {
		Set<String> groups = new HashSet<>();
		realm.get("groups").forEach(group -> groups.add(group.get("name").asText()));

		assertThat(groups).containsAll(Groups.ALL);
	}

	/** The branch (网点) of a case is its officer's: the web client's and the CLI's tokens carry it (ADR 0011). */
	@Test
	void namesTheOfficersBranchInTheirTokens() {
		for (JsonNode client : realm.get("clients")) {
			String id = client.get("clientId").asText();
			if (id.equals("service-hall-web") || id.equals("service-hall-cli") || id.equals("service-hall-api-docs")) {
				assertThat(client.get("protocolMappers").findValues("name")).as(id)
					.anySatisfy(name -> assertThat(name.asText()).isEqualTo("branch"));
			}
		}
		Set<String> branches = Set.of("HQ", "JF", "SY", "ZZ");
		realm.get("groups").forEach(group -> group.path("attributes").path("branch")
			.forEach(code -> assertThat(branches).as(group.get("name").asText()).contains(code.asText())));
	}

	@Test
	void hasADemoUserWithAFullProfileForEveryPost() {
		Set<String> covered = new HashSet<>();
		for (JsonNode user : realm.get("users")) {
			if (user.has("serviceAccountClientId")) {
				continue;
			}
			assertThat(user.get("email").asText()).as(user.get("username").asText()).endsWith("@example.test");
			assertThat(user.get("firstName").asText()).isNotBlank();
			assertThat(user.get("lastName").asText()).isNotBlank();
			assertThat(user.get("emailVerified").asBoolean()).isTrue();
			assertThat(user.get("credentials").get(0).get("value").asText()).isEqualTo("${SERVICE_HALL_DEMO_PASSWORD}");
			user.get("groups").forEach(group -> covered.add(group.asText().substring(1)));
		}
		// the online hall is a system signing in with its client's credentials, not a person
		assertThat(covered).containsAll(Groups.ALL.stream().filter(group -> !Groups.ONLINE_HALL.equals(group)).toList());
	}

	@Test
	void signsInPagesWithPkceAndDeveloperSystemsWithClientCredentials() {
		JsonNode web = client("service-hall-web");
		assertThat(web.get("publicClient").asBoolean()).isFalse();
		assertThat(web.get("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(web.path("directAccessGrantsEnabled").asBoolean(false)).isFalse();
		assertThat(web.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
		assertThat(web.get("redirectUris").get(0).asText()).isEqualTo("${SERVICE_HALL_URL}/login/oauth2/code/keycloak");

		JsonNode salesOffice = client("sales-office-system");
		assertThat(salesOffice.get("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(salesOffice.get("standardFlowEnabled").asBoolean()).isFalse();

		for (JsonNode client : List.of(web, salesOffice)) {
			List<String> mappers = new ArrayList<>();
			client.get("protocolMappers").forEach(mapper -> mappers.add(mapper.get("protocolMapper").asText()));
			assertThat(mappers).contains("oidc-group-membership-mapper", "oidc-audience-mapper",
					"oidc-usermodel-attribute-mapper");
		}
	}

	@Test
	void letsDevelopersGetTokensForTheApiWithoutAPasswordGrant() {
		// Swagger UI signs in from the browser: a public client (no secret in a page), code with PKCE, its redirect only
		JsonNode apiDocs = client("service-hall-api-docs");
		assertThat(apiDocs.get("publicClient").asBoolean()).isTrue();
		assertThat(apiDocs.get("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(apiDocs.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
		assertThat(apiDocs.get("redirectUris")).extracting(JsonNode::asText)
			.containsExactly("${SERVICE_HALL_URL}/swagger-ui/oauth2-redirect.html");
		assertThat(apiDocs.get("webOrigins")).extracting(JsonNode::asText).containsExactly("${SERVICE_HALL_URL}");

		// the command line: the device-authorization grant, approved by the user in a browser
		JsonNode cli = client("service-hall-cli");
		assertThat(cli.get("publicClient").asBoolean()).isTrue();
		assertThat(cli.get("attributes").get("oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
		assertThat(cli.get("standardFlowEnabled").asBoolean()).isFalse();

		// nobody's password goes to a program: no client takes the direct password grant, and only the command line's
		// takes the device grant
		for (JsonNode client : realm.get("clients")) {
			String id = client.get("clientId").asText();
			assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(id).isFalse();
			assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as(id).isFalse();
			assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled").asText("false"))
				.as(id)
				.isEqualTo(id.equals("service-hall-cli") ? "true" : "false");
		}
		// their tokens are the API's, with the user's groups and company, like the pages'
		for (JsonNode client : List.of(apiDocs, cli)) {
			List<String> mappers = new ArrayList<>();
			client.get("protocolMappers").forEach(mapper -> mappers.add(mapper.get("protocolMapper").asText()));
			assertThat(mappers).contains("oidc-group-membership-mapper", "oidc-audience-mapper",
					"oidc-usermodel-attribute-mapper");
		}
	}

	@Test
	void keepsNoSecretInTheRepository() {
		assertThat(client("service-hall-web").get("secret").asText()).isEqualTo("${SERVICE_HALL_WEB_CLIENT_SECRET}");
		assertThat(client("sales-office-system").get("secret").asText()).isEqualTo("${SALES_OFFICE_CLIENT_SECRET}");
	}

	private static JsonNode client(String clientId) {
		for (JsonNode client : realm.get("clients")) {
			if (clientId.equals(client.get("clientId").asText())) {
				return client;
			}
		}
		throw new AssertionError("No client " + clientId);
	}

}
