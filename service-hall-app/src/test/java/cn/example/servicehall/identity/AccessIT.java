package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * Nothing of the hall, its engine or its consoles answers without a valid token or sign-in: API and engine REST
 * get 401 (problem details, {@code WWW-Authenticate: Bearer}); expired, forged, foreign-issuer and wrong-audience
 * tokens get 401 too. In this test the identity provider is down, so pages say so plainly (503), not 500.
 */
@ServiceHallIntegrationTest
class AccessIT {

	@Autowired
	private TestRestTemplate http;

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/engine",
			"/api/tasks", "/api/cases", "/api/cases/DK2026112300001", "/actuator/prometheus", "/actuator/metrics" })
	void refusesAnonymousRequestsToTheApiAndTheEngine(String path) {
		ResponseEntity<String> response = this.http.getForEntity(path, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(String.valueOf(response.getBody())).doesNotContain("ResaleLoanProcess");
	}

	@Test
	void answersAnAnonymousApiCallWithAProblemDetail() {
		ResponseEntity<Map<String, Object>> response = Api.anonymous(this.http).get("/api/cases");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getContentType()).matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(response.getBody()).containsEntry("type", "/problems/unauthenticated").containsEntry("status", 401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "expired", "forged", "wrong-audience", "wrong-issuer", "garbage" })
	void refusesTokensThatAreNotValidForThisHall(String kind) {
		String token = switch (kind) {
			case "expired" -> TestTokens.expired("admin1", "system-admin");
			case "forged" -> TestTokens.forged("admin1", "system-admin");
			case "wrong-audience" -> TestTokens.forAnotherAudience("admin1", "system-admin");
			case "wrong-issuer" -> TestTokens.fromAnotherIssuer("admin1", "system-admin");
			default -> "not.a.token";
		};
		for (String path : new String[] { "/api/cases", "/engine-rest/process-definition" }) {
			ResponseEntity<String> response = Api.as(this.http, token).raw(HttpMethod.GET, path, null);
			assertThat(response.getStatusCode()).as(kind + " " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
		}
		assertThat(Api.as(this.http, TestTokens.user("admin1", "system-admin"))
			.raw(HttpMethod.GET, "/engine-rest/process-definition", null)
			.getStatusCode()).as("the same user with a valid token").isEqualTo(HttpStatus.OK);
	}

	@Test
	void letsOnlyAdministratorsUseTheEngineRestApi() {
		ResponseEntity<String> admin = Api.as(this.http, TestTokens.user("admin1", "system-admin"))
			.raw(HttpMethod.GET, "/engine-rest/process-definition?key=ResaleLoanProcess", null);
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(admin.getBody()).contains("\"key\":\"ResaleLoanProcess\"");

		for (String group : Groups.ALL) {
			if (!group.equals(Groups.SYSTEM_ADMIN)) {
				assertThat(Api.as(this.http, TestTokens.user("someone", group))
					.raw(HttpMethod.GET, "/engine-rest/process-definition", null)
					.getStatusCode()).as(group).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/camunda/app/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/" })
	void tellsAnonymousVisitorsPlainlyThatSignInIsUnavailableWhileTheProviderIsDown(String path) {
		ResponseEntity<String> response = this.http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
			.getForEntity(path, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).contains("统一身份认证服务暂时无法访问").doesNotContain("Exception");
	}

	@Test
	void reportsHealthToAnyoneAndItsPartsToOperators() {
		ResponseEntity<Map<String, Object>> publicHealth = Api.anonymous(this.http).get("/actuator/health");
		assertThat(publicHealth.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(publicHealth.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

		ResponseEntity<Map<String, Object>> detailed = Api.as(this.http, TestTokens.user("manager1", "hall-manager"))
			.get("/actuator/health");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) detailed.getBody()
			.get("components");
		assertThat(components).containsKeys("db", "processEngine");
		assertThat(components.get("db")).containsEntry("status", "UP");
		assertThat(components.get("processEngine")).containsEntry("status", "UP");
	}

	@Test
	void exposesPrometheusMetricsToOperatorsOnly() {
		ResponseEntity<String> metrics = Api.as(this.http, TestTokens.user("admin1", "system-admin"))
			.raw(HttpMethod.GET, "/actuator/prometheus", null);
		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("hikaricp_connections_active{application=\"service-hall\"")
			.contains("jvm_memory_used_bytes");

		assertThat(Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.raw(HttpMethod.GET, "/actuator/prometheus", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
