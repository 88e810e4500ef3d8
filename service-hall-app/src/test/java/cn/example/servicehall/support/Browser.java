package cn.example.servicehall.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: Debian's Chromium, headless, driven through its ChromeDriver (both installed by
 * {@code .ci/run}). Flags keep it off the network it has no business with; a fresh profile per browser.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	public static Browser open() {
		return open("zh-CN");
	}

	/** A browser whose own language (its menus, date pickers, Accept-Language) is {@code language}, e.g. en-US. */
	public static Browser open(String language) {
		File chromium = new File("/usr/bin/chromium");
		File chromedriver = new File("/usr/bin/chromedriver");
		if (!chromium.canExecute() || !chromedriver.canExecute()) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
					+ "(apt-get install chromium chromium-driver; .ci/run installs them)");
		}
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-quic", "--no-first-run", "--window-size=1280,900", "--lang=" + language,
					"--user-data-dir=" + Files.createTempDirectory("service-hall-chromium"));
			// the console is read when the browser closes: a page the hall's content security policy broke fails its test
			options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
			return new Browser(new ChromeDriver(service, options));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Waits for a condition, asking again when the element it read was replaced meanwhile (a page reloading under
	 * the question): only the answer on the page as it settles counts.
	 */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout) {
			@Override
			public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> condition) {
				// Chromium's word for a stale element while the page is being replaced: ask again
				return super.until(driver -> {
					try {
						return condition.apply(driver);
					}
					catch (WebDriverException ex) {
						if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
							return null;
						}
						throw ex;
					}
				});
			}
		};
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * The element has left the page, e.g. after the form it belongs to was submitted and the next page loaded.
	 * Selenium's {@code stalenessOf} expects a stale-element error; while a page is being replaced Chromium may
	 * answer instead with "Node with given id does not belong to the document", which means the same.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	/** Fills in Keycloak's own login page, once it is shown, and submits it. */
	public void signInAtKeycloak(String username, String password) {
		waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("kc-login")).click();
	}

	/** Keeps what the whole window shows under target/screenshots, for a person to look at. */
	public void screenshot(String name) {
		try {
			Path file = Path.of("target/screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		java.util.List<String> refused = new java.util.ArrayList<>();
		try {
			this.driver.manage()
				.logs()
				.get(org.openqa.selenium.logging.LogType.BROWSER)
				.forEach(entry -> {
					String message = entry.getMessage();
					// the identity provider's own pages keep their own policy
					if (message.contains("Content Security Policy") && !message.contains("/realms/")) {
						refused.add(message);
					}
				});
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// the browser is already gone: nothing to read
		}
		finally {
			this.driver.quit();
		}
		if (!refused.isEmpty()) {
			throw new AssertionError("The hall's content security policy refused something on a page: " + refused);
		}
	}

}
