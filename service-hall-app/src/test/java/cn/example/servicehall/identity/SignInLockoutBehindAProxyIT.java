package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.identity.keycloak.KeycloakLauncher;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.KeycloakBrowserTest;
import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.support.ReverseProxy;

/**
 * Sign-in behind a real reverse proxy (issue 15: login limits that hold behind a proxy). One nginx, configured as the
 * README's snippet for Keycloak, forwards to the hall's own Keycloak (started with {@code --proxy-headers xforwarded}
 * and the proxy's address trusted); wrong passwords for one user are posted to Keycloak's login form through it, each
 * from another address of this machine (127.0.0.21, 127.0.0.22 …) and each claiming yet another address in an
 * {@code X-Forwarded-For} of its own. Keycloak's brute-force protection (realm: five failures, then a lockout) counts
 * them per user whatever the address, names each real client's address, never the claimed one (the proxy replaces
 * the header: Keycloak believes its first address, so a header the proxy only appended to would name whatever the
 * client chose), and keeps the right password out from yet another address until an administrator lifts the lockout.
 */
class SignInLockoutBehindAProxyIT extends KeycloakBrowserTest {

	/** A demo user no other sign-in test uses: its lockout disturbs nobody. */
	private static final String USER = "clerk2";

	/** The realm's {@code failureFactor}. */
	private static final int FAILURES_BEFORE_LOCKOUT = 5;

	/**
	 * Failures closer together than the realm's {@code quickLoginCheckMilliSeconds} (1 s) lock at once; these are
	 * spaced wider, so that it is the count that locks.
	 */
	private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(1_200);

	private static ReverseProxy nginx;

	@Autowired
	private LocalKeycloak keycloak;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void startNginx() {
		nginx = ReverseProxy.inFrontOfKeycloak(KEYCLOAK_PORT);
	}

	@AfterAll
	static void stopNginx() {
		if (nginx != null) {
			nginx.close();
		}
	}

	@Test
	@DisplayName("经代理、换地址连续输错密码：Keycloak 按用户锁定，记下每次的真实地址，正确密码换地址也进不去")
	void keycloaksLockoutHoldsPerUserWhateverAddressTheAttemptsComeFrom() throws Exception {
		this.keycloak.awaitReady();
		KeycloakLauncher launcher = this.keycloak.launcher();
		String admin = adminToken(launcher);
		String userId = userId(admin);
		String lockout = launcher.issuer().toString().replace("/realms/", "/admin/realms/")
				+ "/attack-detection/brute-force/users/" + userId;
		Instant started = Instant.now();
		try {
			Instant lastAttempt = Instant.EPOCH;
			for (int attempt = 1; attempt <= FAILURES_BEFORE_LOCKOUT; attempt++) {
				String client = "127.0.0." + (20 + attempt);
				sleepUntil(lastAttempt.plus(BETWEEN_ATTEMPTS));
				// each with an address of its own choosing, which must not be believed
				Response answer = signIn(client, "198.51.100." + attempt, USER, "wrong-password-" + attempt);
				lastAttempt = Instant.now();

				assertThat(answer.status()).as("wrong password %d from %s: the form again", attempt, client).isEqualTo(200);
				Map<?, ?> status = awaitFailures(admin, lockout, attempt);
				assertThat(status.get("lastIPFailure")).as("the address Keycloak names").isEqualTo(client);
				assertThat(status.get("disabled")).as("locked after failure %d", attempt)
					.isEqualTo(attempt >= FAILURES_BEFORE_LOCKOUT);
			}

			Response locked = signIn("127.0.0.30", null, USER, launcher.secrets().demoPassword());
			assertThat(locked.status()).as("the right password, from an address that never failed").isEqualTo(200);
			assertThat(locked.headers()).doesNotContainKey("location");
		}
		finally {
			send(HttpRequest.newBuilder(URI.create(lockout)).header("Authorization", "Bearer " + admin).DELETE());
		}

		Response unlocked = signIn("127.0.0.31", null, USER, launcher.secrets().demoPassword());
		assertThat(unlocked.status()).as("once the lockout is lifted, the same password signs in").isEqualTo(302);
		assertThat(unlocked.headers().get("location")).startsWith(HALL + "/login/oauth2/code/keycloak?").contains("code=");
		assertThat(nginx.accessLog()).as("nginx saw each client")
			.anyMatch(line -> line.startsWith("127.0.0.21 \"127.0.0.21\" 200 \"POST "))
			.anyMatch(line -> line.startsWith("127.0.0.30 \"127.0.0.30\" 200 \"POST "));
		System.out.printf("Behind nginx: %s locked by Keycloak after %d wrong passwords from %d addresses, each named; "
				+ "the right password from another address refused; signed in once the lockout was lifted (%d s)%n", USER,
				FAILURES_BEFORE_LOCKOUT, FAILURES_BEFORE_LOCKOUT, Duration.between(started, Instant.now()).toSeconds());
	}

	/**
	 * Opens the login page through the proxy from {@code client} (as the hall's web client, with PKCE) and posts the
	 * form, claiming to come from {@code claimed} if not null: 302 back to the hall when signed in, 200 with the form
	 * again when not.
	 */
	private Response signIn(String client, String claimed, String username, String password)
			throws NoSuchAlgorithmException {
		RawHttp browser = new RawHttp(client, nginx.port());
		String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		Response page = browser.send(Request.of("GET", "/realms/" + KeycloakLauncher.REALM
				+ "/protocol/openid-connect/auth?client_id=service-hall-web&response_type=code&scope=openid"
				+ "&redirect_uri=" + encode(HALL + "/login/oauth2/code/keycloak") + "&state=" + UUID.randomUUID()
				+ "&code_challenge=" + challenge + "&code_challenge_method=S256"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		URI action = URI.create(HtmlPage.parse(page.body()).get("#kc-form-login").attr("action"));
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
		Request post = Request.of("POST", action.getRawPath() + "?" + action.getRawQuery())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", String.join("; ", page.cookies()))
			.body(form.getBytes(StandardCharsets.UTF_8));
		return browser.send(claimed == null ? post : post.header("X-Forwarded-For", claimed));
	}

	/** The lockout's state once Keycloak has counted {@code failures} failures. */
	private Map<?, ?> awaitFailures(String admin, String lockout, int failures) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			Map<?, ?> status = this.json.readValue(
					send(HttpRequest.newBuilder(URI.create(lockout)).header("Authorization", "Bearer " + admin)).body(),
					Map.class);
			if (((Number) status.get("numFailures")).intValue() >= failures || Instant.now().isAfter(deadline)) {
				assertThat(status.get("numFailures")).as("failures counted for " + USER).isEqualTo(failures);
				return status;
			}
			Thread.sleep(100);
		}
	}

	private String adminToken(KeycloakLauncher launcher) throws Exception {
		String form = "grant_type=password&client_id=admin-cli&username=admin&password="
				+ encode(launcher.secrets().adminPassword());
		HttpResponse<String> token = send(HttpRequest
			.newBuilder(URI.create(launcher.issuer().toString().replace("/realms/" + KeycloakLauncher.REALM,
					"/realms/master") + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return (String) this.json.readValue(token.body(), Map.class).get("access_token");
	}

	private String userId(String admin) throws Exception {
		HttpResponse<String> users = send(HttpRequest
			.newBuilder(URI.create(this.keycloak.launcher().issuer().toString().replace("/realms/", "/admin/realms/")
					+ "/users?exact=true&username=" + USER))
			.header("Authorization", "Bearer " + admin));
		List<?> found = this.json.readValue(users.body(), List.class);
		assertThat(found).as(users.body()).hasSize(1);
		return (String) ((Map<?, ?>) found.get(0)).get("id");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void sleepUntil(Instant when) throws InterruptedException {
		long millis = Duration.between(Instant.now(), when).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

}
