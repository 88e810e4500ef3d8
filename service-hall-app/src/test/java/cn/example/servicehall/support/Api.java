package cn.example.servicehall.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the hall's API with a bearer token, as a client of the hall would. */
public final class Api {

	private final TestRestTemplate http;

	private final String token;

	private Api(TestRestTemplate http, String token) {
		this.http = http;
		this.token = token;
	}

	public static Api as(TestRestTemplate http, String token) {
		return new Api(http, token);
	}

	public static Api anonymous(TestRestTemplate http) {
		return new Api(http, null);
	}

	public ResponseEntity<Map<String, Object>> get(String path) {
		return exchange(HttpMethod.GET, path, null, null);
	}

	public ResponseEntity<List<Map<String, Object>>> getList(String path) {
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), new ParameterizedTypeReference<>() {
		});
	}

	public ResponseEntity<Map<String, Object>> post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body, null);
	}

	public ResponseEntity<Map<String, Object>> post(String path, Object body, String idempotencyKey) {
		return exchange(HttpMethod.POST, path, body, idempotencyKey);
	}

	public ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body,
			String idempotencyKey) {
		return this.http.exchange(path, method, new HttpEntity<>(body, headers(idempotencyKey)),
				new ParameterizedTypeReference<>() {
				});
	}

	/** Any method, any answer, as text; no Accept header. */
	public ResponseEntity<String> raw(HttpMethod method, String path, Object body) {
		return raw(method, path, body, null);
	}

	public ResponseEntity<String> raw(HttpMethod method, String path, Object body, String idempotencyKey) {
		HttpHeaders headers = headers(idempotencyKey);
		headers.remove(HttpHeaders.ACCEPT);
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private HttpHeaders headers(String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (this.token != null) {
			headers.setBearerAuth(this.token);
		}
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return headers;
	}

}
