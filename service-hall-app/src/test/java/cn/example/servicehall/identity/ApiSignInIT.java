package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;

/**
 * A developer gets at the API through the real Keycloak the hall starts: a demo user's token on the command line with
 * {@code tools/api-token} (the device-authorization grant, approved in a browser), and Swagger UI's "Authorize",
 * which signs in with the authorization code and PKCE, so that "Try it out" calls the API as that user.
 */
class ApiSignInIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final Pattern VERIFICATION = Pattern.compile("(http\\S+/device\\?user_code=\\S+)");

	@Autowired
	private LocalKeycloak keycloak;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aDeveloperGetsADemoUsersTokenOnTheCommandLine() throws Exception {
		this.keycloak.awaitReady();
		Process script = new ProcessBuilder("sh", "../tools/api-token", this.keycloak.launcher().issuer().toString())
			.start();
		try {
			CompletableFuture<String> token = CompletableFuture.supplyAsync(() -> read(script.inputReader()));
			String address = verificationAddress(script);

			// the user opens the address, signs in as themselves and confirms; the script never sees a password
			try (Browser browser = Browser.open()) {
				WebDriver page = browser.driver();
				page.get(address);
				browser.signInAtKeycloak("clerk1", this.keycloak.launcher().secrets().demoPassword());
				browser.waiting(PAGE).until(ExpectedConditions.or(ExpectedConditions.urlContains("device/status"),
						ExpectedConditions.presenceOfElementLocated(By.id("kc-oauth"))));
				if (!page.findElements(By.id("kc-oauth")).isEmpty()) {
					page.findElement(By.id("kc-login")).click();
				}
				browser.waiting(PAGE).until(ExpectedConditions.urlContains("device/status"));
			}

			assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("the script ends once the user has confirmed").isTrue();
			assertThat(script.exitValue()).isZero();
			String accessToken = token.get().strip();

			HttpResponse<String> cases = get("/api/cases", accessToken);
			assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
			HttpResponse<String> docs = get("/v3/api-docs", accessToken);
			assertThat(docs.statusCode()).isEqualTo(200);
			assertThat(docs.body()).contains("\"securitySchemes\"");
			// the same token is not an administrator's
			assertThat(get("/engine-rest/process-definition", accessToken).statusCode()).isEqualTo(403);
		}
		finally {
			script.destroy();
		}
	}

	@Test
	void swaggerUiSignsInAndTriesTheApiOut() throws Exception {
		this.keycloak.awaitReady();
		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			page.get(HALL + "/swagger-ui.html");
			browser.signInAtKeycloak("clerk1", this.keycloak.launcher().secrets().demoPassword());

			// the page loads the spec, and its Authorize dialog offers the sign-in, the client filled in
			browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize")))
				.click();
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-container")));
			assertThat(page.findElement(By.cssSelector(".modal-ux")).getText()).contains("sign-in")
				.contains("authorizationCode")
				.contains("bearer");
			assertThat(page.findElement(By.id("client_id_authorizationCode")).getDomProperty("value"))
				.isEqualTo("service-hall-api-docs");
			browser.screenshot("swagger-ui-authorize");

			// signing in there (the hall's session at Keycloak answers at once) gives the page a token
			String hall = page.getWindowHandle();
			page.findElement(By.cssSelector(".auth-container .btn.modal-btn.auth.authorize")).click();
			browser.waiting(PAGE).until(driver -> driver.getWindowHandles().size() == 1);
			page.switchTo().window(hall);
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(
					By.xpath("//div[contains(@class, 'auth-container')]//button[normalize-space()='Logout']")));
			page.findElement(By.cssSelector(".btn-done")).click();

			// "Try it out" on the list of cases answers 200 as clerk1
			page.findElement(By.xpath("//div[contains(@class, 'opblock-get')][.//*[@data-path='/api/cases']]"
					+ "//*[contains(@class, 'opblock-summary-control')]")).click();
			browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".try-out__btn")))
				.click();
			page.findElement(By.cssSelector(".btn.execute")).click();
			By status = By.cssSelector(".live-responses-table tr.response .response-col_status");
			browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(status));
			browser.screenshot("swagger-ui-try-it-out");
			assertThat(page.findElement(status).getText()).startsWith("200");
			assertThat(page.findElement(By.cssSelector(".request-url")).getText()).contains("/api/cases");
			assertThat(page.findElement(By.cssSelector(".curl")).getText()).contains("Authorization: Bearer");
		}
	}

	private String verificationAddress(Process script) throws IOException {
		BufferedReader errors = script.errorReader();
		StringBuilder said = new StringBuilder();
		for (String line = errors.readLine(); line != null; line = errors.readLine()) {
			said.append(line).append('\n');
			Matcher address = VERIFICATION.matcher(line);
			if (address.find()) {
				return address.group(1);
			}
		}
		throw new AssertionError("tools/api-token gave no address to open: " + said);
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(HALL + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String read(BufferedReader reader) {
		try (reader) {
			StringBuilder text = new StringBuilder();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				text.append(line).append('\n');
			}
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
