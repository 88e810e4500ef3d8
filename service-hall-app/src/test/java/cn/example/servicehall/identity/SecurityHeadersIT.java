package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall's answers carry the browser's defences (issue 15, hardening), over real HTTP: a content security policy
 * that runs only the hall's own scripts (no inline script, no plug-ins, no framing by other sites, forms posted only
 * to the hall and its identity provider), no MIME sniffing, the address kept from other sites, HSTS once the hall is
 * reached over TLS (a proxy in front saying so with {@code X-Forwarded-Proto}), the session cookie HttpOnly and
 * SameSite, and Secure over TLS; the actuator shows health and Prometheus metrics only.
 */
@ServiceHallIntegrationTest
class SecurityHeadersIT {

	@Autowired
	private TestRestTemplate http;

	@Test
	void pagesCarryAPolicyThatRunsOnlyTheHallsOwnScripts() {
		ResponseEntity<String> page = this.http.getForEntity("/verify", String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		String policy = page.getHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).isNotNull();
		assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self'");
		assertThat(directive(policy, "default-src")).isEqualTo("default-src 'self'");
		assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
		assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'self'");
		assertThat(directive(policy, "base-uri")).isEqualTo("base-uri 'self'");
		assertThat(directive(policy, "form-action")).startsWith("form-action 'self' http");
		assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).as("not over plain HTTP").isNull();
	}

	@Test
	void behindAProxyThatTerminatesTlsTheHallSendsHstsAndASecureCookie() {
		HttpHeaders viaProxy = new HttpHeaders();
		viaProxy.set("X-Forwarded-Proto", "https");
		viaProxy.set("X-Forwarded-For", "203.0.113.7");
		// a page that starts a session: the public verification page's form carries a CSRF token
		ResponseEntity<String> answer = this.http.exchange("/verify", HttpMethod.GET, new HttpEntity<>(viaProxy),
				String.class);

		assertThat(answer.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
		List<String> cookies = answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
			.contains("HttpOnly", "SameSite=Lax", "Secure"));
	}

	@Test
	void overPlainHttpTheSessionCookieIsHttpOnlyAndSameSite() {
		ResponseEntity<String> answer = this.http.getForEntity("/verify", String.class);

		assertThat(answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
	}

	@Test
	void theActuatorShowsHealthAndPrometheusOnly() {
		HttpHeaders admin = new HttpHeaders();
		admin.setBearerAuth(TestTokens.user("admin1", Groups.SYSTEM_ADMIN));

		assertThat(this.http.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(this.http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(admin), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		for (String closed : List.of("/actuator/metrics", "/actuator/info", "/actuator/env", "/actuator/beans",
				"/actuator/configprops", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump")) {
			assertThat(this.http.exchange(closed, HttpMethod.GET, new HttpEntity<>(admin), String.class).getStatusCode())
				.as(closed).isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		return "";
	}

}
