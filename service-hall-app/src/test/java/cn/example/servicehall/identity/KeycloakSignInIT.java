package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.identity.keycloak.KeycloakLauncher;
import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;

/**
 * The hall with the Keycloak it starts for itself (the official distribution, the realm from the repository, data
 * in the hall's PostgreSQL): people sign in through Keycloak's own login page in a real browser and see their own
 * work; the consoles take the same sign-in for administrators only; signing out ends the Keycloak session too; a
 * developer's system calls the API with a client-credentials token; and Keycloak restarts on its imported realm.
 */
class KeycloakSignInIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void signsPeopleInThroughKeycloakAndLetsDeveloperSystemsCallTheApi() throws Exception {
		this.keycloak.awaitReady();
		String password = this.keycloak.launcher().secrets().demoPassword();

		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();

			// an anonymous visitor is sent to Keycloak's own login page, in Chinese
			page.get(HALL + "/");
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
			assertThat(page.getCurrentUrl()).startsWith("http://localhost:" + KEYCLOAK_PORT + "/realms/service-hall/")
				.contains("code_challenge_method=S256");
			assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");

			signIn(browser, "clerk1", password);
			assertThat(page.findElement(By.id("officer-name")).getText()).isEqualTo("王晓明");
			assertThat(page.findElements(By.cssSelector("#posts li")))
				.extracting(post -> post.getDomAttribute("data-group"))
				.containsExactly("hpf-acceptance-clerk");
			assertThat(page.findElements(By.id("consoles-title"))).isEmpty();

			// the consoles are for administrators and managers only
			page.get(HALL + "/camunda/api/admin/auth/user/default");
			assertThat(page.getPageSource()).doesNotContain("\"userId\":\"clerk1\"").contains("403");

			// signing out ends the Keycloak session too: the next visit meets the login page again
			page.get(HALL + "/");
			browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
			assertThat(page.getCurrentUrl()).startsWith("http://localhost:" + KEYCLOAK_PORT + "/");

			// an administrator gets into Cockpit on the same sign-in, as themselves
			signIn(browser, "admin1", password);
			assertThat(page.findElements(By.id("consoles-title"))).hasSize(1);
			page.get(HALL + "/camunda/app/cockpit/default/");
			browser.waiting(PAGE).until(ExpectedConditions.titleContains("Cockpit"));
			page.get(HALL + "/camunda/api/admin/auth/user/default");
			assertThat(page.getPageSource()).contains("\"userId\":\"admin1\"").contains("cockpit");
		}

		// a developer's sales-office system: client credentials, then the API for its own company only
		String token = clientCredentialsToken();
		HttpResponse<String> submitted = this.http.send(HttpRequest.newBuilder(URI.create(HALL + "/api/loan/new-house-applications"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"applicant": {"name": "钱七", "idNumber": "360426199101010071"}, "requestedAmount": 600000,
					 "termMonths": 300, "project": "FZ-BJHY", "unitNo": "3-1-1201",
					 "contractFilingNo": "WQ2026-FZ-000101"}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		Map<?, ?> created = (Map<?, ?>) this.json.readValue(submitted.body(), Map.class).get("caseFile");
		HttpResponse<String> list = this.http.send(HttpRequest.newBuilder(URI.create(HALL + "/api/cases"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains((String) created.get("caseNo"));

		// starting Keycloak again on its database keeps the imported realm and works
		KeycloakLauncher launcher = this.keycloak.launcher();
		launcher.stop();
		launcher.start();
		launcher.awaitReady();
		assertThat(Files.readString(launcher.logFile())).contains("Import skipped");
		assertThat(clientCredentialsToken()).isNotBlank();
	}

	@Test
	@DisplayName("登录换发新会话（防会话固定），退出后旧会话作废；登录与退出记入审计日志")
	void signingInRenewsTheSessionAndSigningOutEndsIt() throws Exception {
		this.keycloak.awaitReady();
		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			page.get(HALL + "/");
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
			String before = page.manage().getCookieNamed("SESSION").getValue();

			signIn(browser, "reviewer1", this.keycloak.launcher().secrets().demoPassword());
			String signedIn = page.manage().getCookieNamed("SESSION").getValue();
			assertThat(signedIn).as("a new session at sign-in: one planted before it is worth nothing").isNotEqualTo(before);
			assertThat(visitWith(before).statusCode()).as("the session from before sign-in is not signed in")
				.isEqualTo(302);
			assertThat(visitWith(signedIn).statusCode()).isEqualTo(200);

			browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
			HttpResponse<String> after = visitWith(signedIn);
			assertThat(after.statusCode()).as("the signed-out session is dead, even replayed").isEqualTo(302);
			assertThat(after.headers().firstValue("Location")).get().asString().contains("/oauth2/authorization/");
		}
		assertThat(this.jdbc.sql("""
				select action || '/' || channel from audit_entry
				where actor_id = 'reviewer1' and action in ('SIGNED_IN', 'SIGNED_OUT') order by day, seq""")
			.query(String.class)
			.list()).containsSubsequence("SIGNED_IN/PAGE", "SIGNED_OUT/PAGE");
	}

	/** The hall's start page with only this session cookie, redirects not followed. */
	private HttpResponse<String> visitWith(String session) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(HALL + "/"))
			.header("Cookie", "SESSION=" + session)
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void signIn(Browser browser, String username, String password) {
		WebDriver page = browser.driver();
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(password);
		page.findElement(By.id("kc-login")).click();
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		assertThat(page.getCurrentUrl()).startsWith(HALL + "/");
	}

	private String clientCredentialsToken() throws IOException, InterruptedException {
		String form = "grant_type=client_credentials&client_id=sales-office-system&client_secret="
				+ URLEncoder.encode(this.keycloak.launcher().secrets().salesOfficeClientSecret(), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.keycloak.launcher().issuer() + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) this.json.readValue(response.body(), Map.class).get("access_token");
	}

}
