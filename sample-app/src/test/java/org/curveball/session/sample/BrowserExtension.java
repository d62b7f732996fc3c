package org.curveball.session.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven by Selenium, for tests that use the sample's pages as a
 * person does: one browser for a test class, with no cookies at the start of each test.
 * Every {@link #screenshot(String)} is saved under
 * {@code target/browser-screenshots/<test class>/}, for a reviewer to look at.
 * <p>
 * Chromium and its driver come from the {@code PATH} (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs); where either is missing the
 * test class is skipped, saying so. Nothing is downloaded. Register it on a static field
 * ordered before the extensions that start what the browser is to visit, so that a
 * skipped class starts nothing: <pre class="code">
 * &#64;RegisterExtension
 * &#64;Order(1)
 * static final BrowserExtension browser = new BrowserExtension();
 * </pre>
 */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	private static final List<String> DRIVERS = List.of("chromedriver");

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 900;

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * A property set on the shown page's {@code window} before a click; a page that has
	 * replaced it does not have it. Marking the window rather than holding one of its
	 * elements keeps the wait away from Chromium's DOM while one document replaces
	 * another, where a check of an old element can fail with an "unknown error" instead
	 * of reporting it stale.
	 */
	private static final String PAGE_MARK = "shownBeforeTheClick";

	private @Nullable ChromeDriver driver;

	private @Nullable Path profile;

	private @Nullable Path screenshots;

	private String testName = "";

	private int screenshotCount;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Path chromium = onPath(BROWSERS).orElseThrow(() -> new TestAbortedException(
				"No Chromium on the PATH (" + String.join(", ", BROWSERS) + "): install Debian's chromium"));
		Path chromedriver = onPath(DRIVERS).orElseThrow(() -> new TestAbortedException(
				"No chromedriver on the PATH: install Debian's chromium-driver, of the same version as Chromium"));
		this.profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
		this.screenshots = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName());
		FileSystemUtils.deleteRecursively(this.screenshots);
		Files.createDirectories(this.screenshots);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		driver().manage().deleteAllCookies();
		this.testName = context.getRequiredTestMethod().getName();
		this.screenshotCount = 0;
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	/**
	 * Load a page, as typing its address does, and wait until it has loaded.
	 * @param url the page's address
	 */
	void open(String url) {
		driver().get(url);
	}

	/**
	 * Return the address of the page shown.
	 * @return the address
	 */
	String currentUrl() {
		return driver().getCurrentUrl();
	}

	/**
	 * Load the page shown again.
	 */
	void reload() {
		driver().navigate().refresh();
	}

	/**
	 * Return the text of the element with an id, as a person sees it.
	 * @param id the element's id
	 * @return the text
	 */
	String text(String id) {
		return element(By.id(id)).getText();
	}

	/**
	 * Return whether the page has an element with an id.
	 * @param id the element's id
	 * @return {@code true} if it has one
	 */
	boolean has(String id) {
		return !driver().findElements(By.id(id)).isEmpty();
	}

	/**
	 * Click a link by its text, and wait for the page it leads to.
	 * @param text the link's text
	 */
	void clickLink(String text) {
		clickAndWaitForNextPage(element(By.linkText(text)));
	}

	/**
	 * Click the element with an id, such as a form's button, and wait for the next page.
	 * @param id the element's id
	 */
	void click(String id) {
		clickAndWaitForNextPage(element(By.id(id)));
	}

	private void clickAndWaitForNextPage(WebElement target) {
		ChromeDriver browser = driver();
		browser.executeScript("window." + PAGE_MARK + " = true");
		target.click();
		new WebDriverWait(browser, PAGE_TIMEOUT).ignoring(WebDriverException.class)
			.withMessage("a new page after the click, loaded")
			.until((shown) -> Boolean.TRUE.equals(((JavascriptExecutor) shown)
				.executeScript("return window." + PAGE_MARK + " === undefined && document.readyState === 'complete'")));
	}

	/**
	 * Replace what a field holds with text typed in it.
	 * @param id the field's id
	 * @param text the text to type
	 */
	void type(String id, String text) {
		WebElement field = element(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Return a cookie the browser keeps for the page shown, as the browser sees it, even
	 * one that scripts cannot read.
	 * @param name the cookie's name
	 * @return the cookie, or {@code null} if the browser has none of that name
	 */
	@Nullable Cookie cookie(String name) {
		return driver().manage().getCookieNamed(name);
	}

	/**
	 * Return the cookies that the page's scripts can read.
	 * @return {@code document.cookie}
	 */
	String documentCookie() {
		return (String) ((JavascriptExecutor) driver()).executeScript("return document.cookie");
	}

	/**
	 * Save a picture of the whole page shown, as {@code <test method>-<n>-<name>.png}.
	 * @param name what the picture shows
	 * @return the picture's file
	 */
	Path screenshot(String name) {
		ChromeDriver browser = driver();
		Dimension window = browser.manage().window().getSize();
		long height = (Long) browser
			.executeScript("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
		browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(height, window.getHeight())));
		try {
			this.screenshotCount++;
			Path file = screenshots()
				.resolve(String.format("%s-%02d-%s.png", this.testName, this.screenshotCount, name));
			Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			browser.manage().window().setSize(window);
		}
	}

	private WebElement element(By by) {
		return driver().findElement(by);
	}

	private ChromeDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser runs only while its test class does");
		}
		return this.driver;
	}

	private Path screenshots() {
		if (this.screenshots == null) {
			throw new IllegalStateException("The browser runs only while its test class does");
		}
		return this.screenshots;
	}

	private static Optional<Path> onPath(List<String> names) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return names.stream()
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
