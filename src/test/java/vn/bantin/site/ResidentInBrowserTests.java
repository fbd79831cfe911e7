package vn.bantin.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.bantin.SchedulerName;
import vn.bantin.Browser;
import vn.bantin.MutableClock;
import vn.bantin.MutableClockConfiguration;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site as a resident uses it, in a real headless Chromium against the running
 * application: the home page, an item with a recording that plays, search with and
 * without diacritics, the procedures catalogue filtered by field; no errors in the
 * browser's console, readable with JavaScript off. One application and one browser serve
 * the whole class. The home and item pages are photographed on a phone and on a desktop
 * into {@code target/screenshots/}, for people to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
@Import({ MutableClockConfiguration.class, TestPublishedItems.class })
class ResidentInBrowserTests {

	/**
	 * A morning in the life of the sample content: the CCHC conference is on the site.
	 */
	static final Instant NOW = Instant.parse("2027-01-16T03:00:00Z");

	static final String RECORDING_TITLE = "Bản tin phát thanh sáng thứ Bảy";

	static final String[] SAMPLES = { "hoi-nghi-tong-ket-cchc-thi-dua-2026", "ket-qua-chi-so-cchc-par-index-sipas-2025",
			"tuyen-truyen-nghi-quyet-76-nq-cp", "dang-ky-thuong-tru", "dang-ky-khai-sinh", "dang-ky-ket-hon",
			"chung-thuc-ban-sao-tu-ban-chinh" };

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
	}

	static ChromeDriver browser;

	/** The item with the recording, published once for the class. */
	static String recording;

	static String recordingAddress;

	@LocalServerPort
	int port;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void publish() {
		if (recording == null) {
			this.clock.set(NOW);
			this.items.visibleNow(SAMPLES);
			recordingAddress = this.items.uploaded(wav(3, 440), "Bản tin sáng.wav");
			recording = this.items.published(this.clock.instant().plusSeconds(60), RECORDING_TITLE,
					"Bản tin của Đài truyền thanh xã", null, "Mời bà con nghe **bản tin** sáng nay.", List.of(),
					List.of("phat-thanh"), null, recordingAddress);
		}
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.manage().logs().get(LogType.BROWSER);
	}

	@AfterEach
	void consoleIsClean() {
		assertThat(consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void residentOpensAnItemFromTheHomePageAndPlaysItsRecording() {
		browser.get(url("/"));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
		browser.findElement(By.cssSelector("ul.latest")).findElement(By.linkText(RECORDING_TITLE)).click();
		awaitHeading(RECORDING_TITLE);
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/items/" + recording));
		assertThat(browser.findElement(By.cssSelector("article.item .body strong")).getText()).isEqualTo("bản tin");

		WebElement player = browser.findElement(By.cssSelector("article.item .attachments audio"));
		assertThat(player.getDomAttribute("controls")).isNotNull();
		WebElement source = player.findElement(By.tagName("source"));
		assertThat(source.getDomAttribute("src")).isEqualTo(recordingAddress).endsWith("/ban-tin-sang.wav");
		assertThat(source.getDomAttribute("type")).isEqualTo("audio/wav");

		Object started = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var audio = document.querySelector('article.item audio');
				window.playingFired = false;
				audio.addEventListener('playing', function () { window.playingFired = true; });
				audio.play().then(function () { done('playing'); },
					function (error) { done(error.name + ': ' + error.message); });
				""");
		assertThat(started).isEqualTo("playing");
		new WebDriverWait(browser, Duration.ofSeconds(5)).until((driver) -> Boolean.TRUE.equals(browser.executeScript(
				"var a = document.querySelector('article.item audio'); return window.playingFired && !a.paused && a.currentTime > 0.3;")));
		@SuppressWarnings("unchecked")
		Map<String, Object> media = (Map<String, Object>) browser.executeScript("""
				var a = document.querySelector('article.item audio');
				a.pause();
				return {duration: a.duration, error: a.error && a.error.code,
					seekableEnd: a.seekable.length ? a.seekable.end(0) : 0};
				""");
		assertThat(((Number) media.get("duration")).doubleValue()).isBetween(2.9, 3.1);
		assertThat(media.get("error")).isNull();
		// the server answers range requests, so the player can seek to the end
		assertThat(((Number) media.get("seekableEnd")).doubleValue()).isGreaterThan(2.9);
	}

	@Test
	void searchFindsTheSameItemsWithAndWithoutDiacritics() {
		browser.get(url("/"));
		List<String> plain = search("cai cach");
		List<String> accented = search("cải cách");

		assertThat(plain)
			.contains("/items/hoi-nghi-tong-ket-cchc-thi-dua-2026", "/items/ket-qua-chi-so-cchc-par-index-sipas-2025",
					"/items/tuyen-truyen-nghi-quyet-76-nq-cp")
			.doesNotContain("/items/" + recording);
		assertThat(accented).isEqualTo(plain);
		assertThat(browser.findElements(By.cssSelector(".item-list h2 a mark")).stream().map(WebElement::getText))
			.contains("cải", "cách");
	}

	@Test
	void residentFindsAProcedureInTheCatalogueByField() {
		browser.get(url("/"));
		browser.findElement(By.cssSelector("nav.sitenav")).findElement(By.linkText("Thủ tục hành chính")).click();
		awaitHeading("Thủ tục hành chính");
		new Select(browser.findElement(By.id("field"))).selectByVisibleText("Hộ tịch");
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> driver.getCurrentUrl().contains("field="));
		assertThat(
				browser.findElements(By.cssSelector("table.procedures tbody th a")).stream().map(WebElement::getText))
			.containsExactlyInAnyOrder("Đăng ký khai sinh", "Đăng ký kết hôn");

		browser.findElement(By.linkText("Đăng ký khai sinh")).click();
		awaitHeading("Đăng ký khai sinh");
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/procedures/dang-ky-khai-sinh"));
		assertThat(browser.findElement(By.cssSelector("dl.details")).getText()).contains("1.001193", "Hộ tịch");
		assertThat(browser.findElements(By.cssSelector("ol.steps li"))).hasSize(4);
	}

	/**
	 * The pages fit a 390-pixel phone without sideways scrolling; the photographs are for
	 * people to look at.
	 */
	@Test
	void homeAndItemPagesFitAPhoneAndArePhotographedOnAPhoneAndADesktop() throws IOException {
		for (String page : List.of("/", "/items/" + recording)) {
			String name = page.equals("/") ? "home" : "item";
			browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			try {
				browser.get(url(page));
				assertThat(browser.executeScript(
						"return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
					.as("%s fits the phone's width", page)
					.isEqualTo(true);
				screenshot(name + "-phone");
			}
			finally {
				browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			}
			browser.manage().window().setSize(new Dimension(1280, 900));
			browser.get(url(page));
			screenshot(name + "-desktop");
		}
	}

	/**
	 * With scripts off (many cheap phones' browsers, data savers) the resident still
	 * reaches and reads an item.
	 */
	@Test
	void residentReadsAnItemWithJavaScriptOff() {
		browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		try {
			// the setting holds across pages: a page's own script does not run
			browser.get("data:text/html,<title>off</title><script>document.title = 'on';</script>");
			assertThat(browser.getTitle()).isEqualTo("off");
			browser.get(url("/"));
			browser.findElement(By.cssSelector("ul.latest")).findElement(By.linkText(RECORDING_TITLE)).click();
			awaitHeading(RECORDING_TITLE);
			assertThat(browser.findElement(By.cssSelector("article.item .body")).getText())
				.isEqualTo("Mời bà con nghe bản tin sáng nay.");
			assertThat(
					browser.findElement(By.cssSelector("article.item audio[controls] source")).getDomAttribute("src"))
				.isEqualTo(recordingAddress);
			assertThat(browser.findElement(By.linkText("Bản ghi âm")).getDomAttribute("href"))
				.isEqualTo(recordingAddress);
		}
		finally {
			browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}
	}

	/** Searches from the current page's search box; the addresses of the items found. */
	private List<String> search(String words) {
		WebElement box = browser.findElement(By.cssSelector("form.search input[name=q]"));
		box.clear();
		box.sendKeys(words);
		box.submit();
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> words
				.equals(driver.findElement(By.cssSelector("form.search input[name=q]")).getDomProperty("value")));
		return browser.findElements(By.cssSelector(".item-list h2 a"))
			.stream()
			.map((link) -> link.getDomAttribute("href"))
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Waits for the page a click led to: after a click the old page may linger. */
	private static void awaitHeading(String heading) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> heading.equals(driver.findElement(By.tagName("h1")).getText()));
	}

	private static List<String> consoleErrors() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** The whole page, not only the window, as a PNG file. */
	@SuppressWarnings("unchecked")
	private static void screenshot(String name) throws IOException {
		Map<String, Object> size = (Map<String, Object>) browser
			.executeScript("var e = document.documentElement; return {width: e.scrollWidth, height: e.scrollHeight};");
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
	}

	/** A mono 16-bit PCM WAV file of a sine tone. */
	static byte[] wav(int seconds, int hertz) {
		int rate = 22050;
		int samples = seconds * rate;
		ByteBuffer data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		data.put("RIFF".getBytes(StandardCharsets.US_ASCII))
			.putInt(36 + samples * 2)
			.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		data.put("fmt ".getBytes(StandardCharsets.US_ASCII))
			.putInt(16)
			.putShort((short) 1)
			.putShort((short) 1)
			.putInt(rate)
			.putInt(rate * 2);
		data.putShort((short) 2).putShort((short) 16);
		data.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			data.putShort((short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000));
		}
		return data.array();
	}

}
