package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;

/** Nothing of the hall, its engine or its consoles answers without credentials; health does, for the operators. */
@ServiceHallIntegrationTest
class AccessIT {

	@Autowired
	private TestRestTemplate anonymous;

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/engine",
			"/api/tasks", "/api/cases/DK2026112300001", "/actuator/prometheus", "/actuator/metrics" })
	void refusesAnonymousRequestsToTheApiAndTheEngine(String path) {
		ResponseEntity<String> response = this.anonymous.getForEntity(path, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(String.valueOf(response.getBody())).doesNotContain("ResaleLoanProcess");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/camunda/app/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
			"/camunda/api/engine/engine/default/process-definition", "/" })
	void sendsAnonymousVisitorsOfPagesAndConsolesToSignIn(String path) {
		ResponseEntity<String> response = this.anonymous.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
			.getForEntity(path, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(response.getHeaders().getLocation()).hasPath("/login");
	}

	@Test
	void refusesWrongCredentials() {
		ResponseEntity<String> response = this.anonymous.withBasicAuth("admin", "wrong")
			.getForEntity("/engine-rest/process-definition", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void letsTheOperatorReachTheEngineApi() {
		ResponseEntity<String> response = operator().getForEntity("/engine-rest/process-definition?key=ResaleLoanProcess",
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"key\":\"ResaleLoanProcess\"");
	}

	@Test
	void reportsHealthToAnyoneAndItsPartsToTheOperator() {
		ResponseEntity<Map<String, Object>> publicHealth = this.anonymous.exchange("/actuator/health", HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});
		assertThat(publicHealth.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(publicHealth.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

		ResponseEntity<Map<String, Object>> detailed = operator().exchange("/actuator/health", HttpMethod.GET, null,
				new ParameterizedTypeReference<>() {
				});
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) detailed.getBody()
			.get("components");
		assertThat(components).containsKeys("db", "processEngine");
		assertThat(components.get("db")).containsEntry("status", "UP");
		assertThat(components.get("processEngine")).containsEntry("status", "UP");
	}

	@Test
	void exposesPrometheusMetricsToTheOperator() {
		ResponseEntity<String> metrics = operator().getForEntity("/actuator/prometheus", String.class);

		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("hikaricp_connections_active{application=\"service-hall\"")
			.contains("jvm_memory_used_bytes");
	}

	private TestRestTemplate operator() {
		return this.anonymous.withBasicAuth("admin", ServiceHallIntegrationTest.ADMIN_PASSWORD);
	}

}
