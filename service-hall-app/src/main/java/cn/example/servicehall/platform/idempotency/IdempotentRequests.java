package cn.example.servicehall.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.platform.web.ProblemException;

/**
 * Makes a creating request safe to retry: the first request with an {@code Idempotency-Key} runs and its answer is
 * kept; a retry with the same key and the same body gets the kept answer (marked {@code Idempotent-Replayed: true})
 * and creates nothing. The key, the work and the kept answer commit in one transaction, so a request that fails
 * leaves no key behind and may be retried, and two concurrent requests with one key cannot both run: the second
 * waits on the first's row and then replays its answer.
 */
@Component
public class IdempotentRequests {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} once per key.
	 * @param key the client's Idempotency-Key
	 * @param scope who asks for what, e.g. {@code "clerk1 loan.resale-application.submit"}: keys of different users
	 * or operations never collide
	 * @param request the request body, compared on a retry
	 * @param work creates the resource and answers
	 */
	public ResponseEntity<?> once(String key, String scope, Object request, Supplier<ResponseEntity<?>> work) {
		validate(key);
		String fingerprint = fingerprint(request);
		return this.transactions.execute(status -> {
			int claimed = this.jdbc.sql("""
					insert into platform_idempotent_request (scope, idempotency_key, request_hash, created_at)
					values (:scope, :key, :hash, :now) on conflict do nothing""")
				.param("scope", scope)
				.param("key", key)
				.param("hash", fingerprint)
				.param("now", OffsetDateTime.now(this.clock))
				.update();
			if (claimed == 0) {
				return replay(scope, key, fingerprint);
			}
			ResponseEntity<?> response = work.get();
			this.jdbc.sql("""
					update platform_idempotent_request
					   set response_status = :status, response_body = cast(:body as jsonb), response_location = :location
					 where scope = :scope and idempotency_key = :key""")
				.param("status", response.getStatusCode().value())
				.param("body", toJson(response.getBody()))
				.param("location", Optional.ofNullable(response.getHeaders().getLocation()).map(URI::toString).orElse(null))
				.param("scope", scope)
				.param("key", key)
				.update();
			return response;
		});
	}

	private ResponseEntity<?> replay(String scope, String key, String fingerprint) {
		StoredResponse stored = this.jdbc.sql("""
				select request_hash, response_status, response_body::text as response_body, response_location
				  from platform_idempotent_request where scope = :scope and idempotency_key = :key""")
			.param("scope", scope)
			.param("key", key)
			.query(StoredResponse.class)
			.single();
		if (!stored.requestHash().equals(fingerprint)) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
					"problem.platform.idempotency-key-reused");
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.responseStatus())
			.header(REPLAYED_HEADER, "true");
		if (stored.responseLocation() != null) {
			builder.location(URI.create(stored.responseLocation()));
		}
		return builder.body(parse(stored.responseBody()));
	}

	private static void validate(String key) {
		if (key == null || key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
					"problem.platform.invalid-idempotency-key");
		}
	}

	private String fingerprint(Object request) {
		try {
			byte[] body = this.json.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Could not fingerprint the request", ex);
		}
	}

	private String toJson(Object body) {
		try {
			return body == null ? null : this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Could not keep the response", ex);
		}
	}

	private JsonNode parse(String body) {
		try {
			return body == null ? null : this.json.readTree(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Could not read the kept response", ex);
		}
	}

	record StoredResponse(String requestHash, int responseStatus, String responseBody, String responseLocation) {
	}

}
