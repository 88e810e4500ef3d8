package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * The API's own documentation serves a program as well as a person: the OpenAPI document answers a bearer token,
 * declares how to get one (OAuth2 authorization code with PKCE at the hall's identity provider, or a bearer token got
 * elsewhere), and lists only parameters a client sends.
 */
@ServiceHallIntegrationTest
class ApiDocumentationIT {

	@Autowired
	private TestRestTemplate http;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void answersABearerTokenWithTheSpecAndItsSecuritySchemes() throws Exception {
		ResponseEntity<String> docs = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.raw(HttpMethod.GET, "/v3/api-docs", null);

		assertThat(docs.getStatusCode().value()).as(docs.getBody()).isEqualTo(200);
		assertThat(docs.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		JsonNode spec = this.json.readTree(docs.getBody());

		JsonNode schemes = spec.path("components").path("securitySchemes");
		JsonNode signIn = schemes.path("sign-in");
		assertThat(signIn.path("type").asText()).isEqualTo("oauth2");
		JsonNode code = signIn.path("flows").path("authorizationCode");
		assertThat(code.path("authorizationUrl").asText())
			.isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth");
		assertThat(code.path("tokenUrl").asText()).isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/token");
		assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
		assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
		List<String> required = new ArrayList<>();
		spec.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
		assertThat(required).containsExactlyInAnyOrder("sign-in", "bearer");

		// the signed-in officer is the token's, never a query parameter
		assertThat(spec.findValues("parameters")).isNotEmpty();
		assertThat(spec.findValues("parameters").stream().flatMap(parameters -> {
			List<String> names = new ArrayList<>();
			parameters.forEach(parameter -> names.add(parameter.path("name").asText()));
			return names.stream();
		})).doesNotContain("officer");
		assertThat(docs.getBody()).doesNotContain("CurrentOfficer");

		// the developers' administration, and a new-house application naming the project and the filed contract
		assertThat(spec.path("paths").has("/api/developers/{uscc}/projects/{code}")).isTrue();
		assertThat(spec.path("paths").path("/api/developers").path("post").path("responses").has("409")).isTrue();
		assertThat(spec.path("components").path("schemas").path("SubmitNewHouseLoanApplication").path("properties")
			.has("contractFilingNo")).isTrue();
	}

	@Test
	void refusesTheSpecWithoutCredentialsAsAProblem() {
		ResponseEntity<String> anonymous = Api.anonymous(this.http).raw(HttpMethod.GET, "/v3/api-docs", null);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");

		ResponseEntity<String> forged = Api.as(this.http, TestTokens.forged("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.raw(HttpMethod.GET, "/v3/api-docs", null);
		assertThat(forged.getStatusCode().value()).isEqualTo(401);
	}

}
