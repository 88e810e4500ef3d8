package cn.example.servicehall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of an OpenID provider for a page sign-in without a browser or Keycloak: the test plays the user's part
 * at the authorization endpoint ({@link #code}: the code the provider would hand back for the sign-in's nonce), and
 * the hall redeems it at the token endpoint here, checks the ID token against the keys published here, all signed
 * with {@link TestTokens}' key. Serves {@code /realms/service-hall/...} on a free port of localhost.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

	/** Who a code signs in. */
	private record SignIn(String nonce, String username, String familyName, String givenName, String[] groups) {
	}

	private final HttpServer server;

	private final String issuer;

	private final String clientId;

	private final Map<String, SignIn> codes = new ConcurrentHashMap<>();

	private final ObjectMapper json = new ObjectMapper();

	private FakeOpenIdProvider(String clientId) throws IOException {
		this.clientId = clientId;
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
		this.issuer = "http://localhost:" + this.server.getAddress().getPort() + "/realms/service-hall";
		String endpoints = "/realms/service-hall/protocol/openid-connect/";
		this.server.createContext(endpoints + "token", this::token);
		this.server.createContext(endpoints + "certs", exchange -> answer(exchange, 200, TestTokens.jwks()));
		this.server.createContext(endpoints + "userinfo", exchange -> answer(exchange, 401, "{}"));
		this.server.createContext("/realms/service-hall/.well-known/openid-configuration",
				exchange -> answer(exchange, 200, this.json.writeValueAsString(Map.of("issuer", this.issuer,
						"authorization_endpoint", this.issuer + "/protocol/openid-connect/auth",
						"token_endpoint", this.issuer + "/protocol/openid-connect/token",
						"jwks_uri", this.issuer + "/protocol/openid-connect/certs"))));
		this.server.start();
	}

	/** A provider for the hall's pages' client {@code service-hall-web}. */
	public static FakeOpenIdProvider start() {
		try {
			return new FakeOpenIdProvider("service-hall-web");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String issuer() {
		return this.issuer;
	}

	/** The code the provider hands back to the hall once the user has signed in for the sign-in with {@code nonce}. */
	public String code(String nonce, String username, String familyName, String givenName, String... groups) {
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new SignIn(nonce, username, familyName, givenName, groups));
		return code;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = new HashMap<>();
		for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		SignIn signIn = this.codes.remove(form.getOrDefault("code", ""));
		if (!"authorization_code".equals(form.get("grant_type")) || signIn == null) {
			answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		answer(exchange, 200, this.json.writeValueAsString(Map.of("token_type", "Bearer", "expires_in", 300,
				"scope", "openid", "access_token", TestTokens.userAt(this.issuer, signIn.username(), signIn.groups()),
				"id_token", TestTokens.idToken(this.issuer, this.clientId, signIn.nonce(), signIn.username(),
						signIn.familyName(), signIn.givenName(), signIn.groups()))));
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
