package vn.bantin.radio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import vn.bantin.Browser;
import vn.bantin.MutableClock;
import vn.bantin.MutableClockConfiguration;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.audio.GivenRecordings;
import vn.bantin.audio.RadioAudio;
import vn.bantin.audio.Recording;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.TestItems;
import vn.bantin.media.AudioDurations;
import vn.bantin.publishing.Publications;
import vn.bantin.site.PagesAreAccessibleTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console as an operator uses it, in a real headless Chromium (no sound card needed:
 * the audio element still plays in real time): a bulletin's playlist (intro jingle, an
 * item read live from its script, outro jingle) played in order, and the as-run log
 * holding each entry's real start and end; Stop and Skip logged as interrupted and
 * skipped with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:bantin-console-browser",
				"spring.quartz.properties.org.quartz.scheduler.instanceName=console-browser",
				// scripts stay scripts to read live: speech would make them synthetic at
				// a moment of its own
				"bantin.radio.speech-command=" })
@Import({ MutableClockConfiguration.class, TestItems.class, TestAccounts.class })
class ConsoleInBrowserTests {

	/**
	 * The longest wait for the browser (a page, audio starting to play): a bound, not a
	 * pause; on a loaded two-core machine headless audio has taken more than 10 s to
	 * start.
	 */
	static final Duration BROWSER_WAIT = Duration.ofSeconds(30);

	static final String PASSWORD = "mat-khau-phat-thanh";

	static final String SCRIPT = "Bà con lưu ý: sáng mai xã tổ chức tiêm chủng tại trạm y tế.";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Publications publications;

	@Autowired
	MutableClock clock;

	@Autowired
	AsRunStore store;

	@Autowired
	AudioDurations durations;

	@Autowired
	RadioSettings settings;

	@Autowired
	ApplicationContext context;

	@Autowired
	RadioAudio audio;

	@Autowired
	ItemCatalog catalog;

	WebDriver browser;

	String operator;

	RadioFixture fixture;

	@BeforeEach
	void signIn() {
		this.clock.set(RadioFixture.at("2030-06-03T06:02"));
		this.fixture = new RadioFixture(this.items, this.publications);
		this.operator = "phat-thanh-" + Long.toString(System.nanoTime(), 36);
		this.accounts.create(this.operator, PASSWORD, Set.of(Role.OPERATOR));
		this.browser = Browser.start();
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(this.operator);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		await().atMost(BROWSER_WAIT).until(() -> !this.browser.getCurrentUrl().endsWith("/login"));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	List<AsRunEntry> logOf(String occurrence) {
		return this.store.between(RadioFixture.at("2030-06-03T00:00"), RadioFixture.at("2030-06-05T00:00"))
			.stream()
			.filter((e) -> e.occurrenceId().equals(occurrence))
			.toList();
	}

	WebElement entry(int position) {
		return this.browser.findElement(By.cssSelector("li.entry[data-position='" + position + "']"));
	}

	boolean current(int position) {
		return entry(position).getDomAttribute("class").contains("current");
	}

	/**
	 * When the first entry is the current one and has played more than a second, clicks
	 * the console's pause button, in the page (so nothing can end in between); says
	 * whether it did.
	 */
	boolean pausedTheFirstEntryAfterASecond() {
		Object paused = ((JavascriptExecutor) this.browser)
			.executeScript("var first = document.querySelector(\"li.entry[data-position='1']\");"
					+ "var audio = document.querySelector('audio.console-audio');"
					+ "if (!first.classList.contains('current') || audio.currentTime <= 1) { return false; }"
					+ "document.querySelector('button.control.console-pause').click(); return true;");
		return Boolean.TRUE.equals(paused);
	}

	double audioTime() {
		Object time = ((JavascriptExecutor) this.browser)
			.executeScript("return document.querySelector('audio.console-audio').currentTime;");
		return ((Number) time).doubleValue();
	}

	@Test
	void theOperatorPlaysABulletinInOrderAndTheLogHoldsEachEntrysRealStartAndEnd() throws Exception {
		String recorded = this.fixture.item("Lịch tiêm chủng tháng sáu", "Ghi âm lịch tiêm chủng.");
		Recording recording = GivenRecordings.give(this.context, this.audio, this.items, this.catalog, recorded,
				GivenRecordings.tone(dataDir.resolve("ghi-am/tiem-chung.mp3"), 3, 523));
		String item = this.fixture.item("Thông báo tiêm chủng", SCRIPT);
		String occurrence = this.fixture.occurrence("ban-tin-sang", "2030-06-03T06:00", recorded, item);
		this.browser.get(url("/admin/radio"));
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-occurrence")).isEqualTo(occurrence);
		assertThat(this.browser.findElement(By.cssSelector("li.source-script .script-text")).getText())
			.isEqualTo(SCRIPT);
		assertThat(axe()).as("axe-core serious and critical violations").isEmpty();

		Instant pressed = Clock.systemUTC().instant();
		this.browser.findElement(By.cssSelector("button.control.console-play")).click();
		await().atMost(BROWSER_WAIT).until(() -> current(1) && audioTime() > 0.5);
		await().atMost(Duration.ofSeconds(15)).until(() -> current(2) && audioTime() > 0.5);
		await().atMost(Duration.ofSeconds(15)).until(() -> current(3));
		WebElement read = entry(3).findElement(By.cssSelector("button.read"));
		assertThat(read.isEnabled()).isTrue();
		assertThat(this.browser.findElement(By.cssSelector(".status")).getText()).contains("Đã đọc xong");
		read.click();
		await().atMost(BROWSER_WAIT).until(() -> current(4) && audioTime() > 0.5);
		await().atMost(Duration.ofSeconds(20)).until(() -> logOf(occurrence).size() == 4);

		List<AsRunEntry> log = logOf(occurrence);
		assertThat(log).extracting(AsRunEntry::position).containsExactly(1, 2, 3, 4);
		assertThat(log).extracting(AsRunEntry::outcome).containsOnly(AsRunOutcome.PLAYED);
		assertThat(log).extracting(AsRunEntry::by).containsOnly(this.operator);
		assertThat(log).extracting(AsRunEntry::origin).containsOnly(AsRunOrigin.CONSOLE);
		assertThat(log).extracting(AsRunEntry::source)
			.containsExactly(AsRunSource.JINGLE, AsRunSource.RECORDED, AsRunSource.SCRIPT, AsRunSource.JINGLE);
		assertThat(log.get(1).itemId()).isEqualTo(recorded);
		assertThat(log.get(2).itemId()).isEqualTo(item);
		Duration intro = this.durations.of(Path.of("content").resolve(this.settings.intro())).orElseThrow();
		Duration outro = this.durations.of(Path.of("content").resolve(this.settings.outro())).orElseThrow();
		assertThat(log.get(0).duration()).isBetween(intro.minusMillis(500), intro.plusMillis(1500));
		assertThat(log.get(1).duration()).isBetween(recording.duration().minusMillis(500),
				recording.duration().plusMillis(1500));
		assertThat(log.get(3).duration()).isBetween(outro.minusMillis(500), outro.plusMillis(1500));
		for (int i = 0; i < log.size(); i++) {
			AsRunEntry entry = log.get(i);
			assertThat(entry.end()).as("entry %d ends after it starts", i + 1).isAfter(entry.start());
			if (i > 0) {
				assertThat(entry.start()).as("entry %d starts after the one before", i + 1)
					.isAfterOrEqualTo(log.get(i - 1).end().minusMillis(50));
			}
		}
		// the times are the server's clock at the page load plus the real time since
		Duration elapsed = Duration.between(pressed, Clock.systemUTC().instant());
		assertThat(Duration.between(log.get(0).start(), log.get(3).end())).isLessThanOrEqualTo(elapsed);
		assertThat(log.get(0).start()).isBetween(RadioFixture.at("2030-06-03T06:02"),
				RadioFixture.at("2030-06-03T06:03"));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.browser.findElement(By.cssSelector(".status"))
				.getText()
				.equals("Đã phát hết danh sách."));
		assertThat(entry(1).getDomAttribute("class")).contains("logged-played");
		this.browser.get(url("/admin/radio/as-run?from=2030-06-03"));
		assertThat(this.browser.findElements(By.cssSelector("table.as-run tr.outcome-played"))).hasSize(4);
	}

	@Test
	void skipLogsTheReasonAndStopFromTheKeyboardLogsTheEntryAsInterrupted() {
		String item = this.fixture.item("Thông báo cắt điện", SCRIPT);
		String occurrence = this.fixture.occurrence("ban-tin-chieu", "2030-06-04T17:00", item);
		this.browser.get(url("/admin/radio?occurrence=" + occurrence));

		new Actions(this.browser).sendKeys(" ").perform();
		// the first entry, a jingle of 3.5 s, is paused by the operator once it has
		// played a
		// second: looked at and paused in one step in the page, since two looks from here
		// took longer than the jingle's window on a loaded machine (a CI run waited for a
		// moment that had passed); what follows no longer depends on the audio's pace
		await().atMost(BROWSER_WAIT).until(this::pausedTheFirstEntryAfterASecond);
		assertThat(this.browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã tạm dừng.");
		this.browser.findElement(By.cssSelector("button.control.console-skip")).click();
		WebElement panel = this.browser.findElement(By.cssSelector(".skip-panel"));
		assertThat(panel.isDisplayed()).isTrue();
		new Select(panel.findElement(By.id("skip-reason"))).selectByVisibleText("hết giờ");
		panel.findElement(By.cssSelector("button.confirm-skip")).click();
		await().atMost(BROWSER_WAIT).until(() -> current(2));

		new Actions(this.browser).sendKeys("s").perform();
		await().atMost(BROWSER_WAIT).until(() -> logOf(occurrence).size() == 2);

		List<AsRunEntry> log = logOf(occurrence);
		assertThat(log.get(0).position()).isEqualTo(1);
		assertThat(log.get(0).outcome()).isEqualTo(AsRunOutcome.SKIPPED);
		assertThat(log.get(0).reason()).isEqualTo("hết giờ");
		assertThat(log.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(log.get(1).position()).isEqualTo(2);
		assertThat(log.get(1).outcome()).isEqualTo(AsRunOutcome.INTERRUPTED);
		assertThat(log.get(1).end()).isAfterOrEqualTo(log.get(1).start());
		assertThat(this.browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã dừng.");
		assertThat(current(2)).isFalse();
	}

	@Test
	void reportsMadeWhileTheNetworkIsDownAreSentWhenTheConsoleIsOpenedAgainAndAFileThatWillNotLoadIsSkipped() {
		String item = this.fixture.item("Thông báo họp dân", SCRIPT);
		String occurrence = this.fixture.occurrence("ban-tin-chieu", "2030-06-04T17:30", item);
		this.browser.get(url("/admin/radio?occurrence=" + occurrence));
		ChromeDriver chromium = (ChromeDriver) this.browser;
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		chromium.setNetworkConditions(offline);

		entry(2).findElement(By.cssSelector("button.from-here")).click();
		await().atMost(Duration.ofSeconds(5)).until(() -> current(2));
		entry(2).findElement(By.cssSelector("button.read")).click();
		// offline, the outro's file cannot load: the player logs it skipped and ends
		await().atMost(BROWSER_WAIT)
			.until(() -> this.browser.findElement(By.cssSelector(".status"))
				.getText()
				.equals("Đã phát hết danh sách."));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.browser.findElement(By.cssSelector(".queue")).isDisplayed());
		assertThat(logOf(occurrence)).isEmpty();

		chromium.deleteNetworkConditions();
		this.browser.get(url("/admin/radio"));
		await().atMost(Duration.ofSeconds(15)).until(() -> logOf(occurrence).size() == 2);
		List<AsRunEntry> log = logOf(occurrence);
		assertThat(log).extracting(AsRunEntry::position).containsExactly(2, 3);
		assertThat(log).extracting(AsRunEntry::outcome).containsExactly(AsRunOutcome.PLAYED, AsRunOutcome.SKIPPED);
		assertThat(log.get(1).reason()).startsWith("lỗi âm thanh");
		assertThat(((JavascriptExecutor) this.browser)
			.executeScript("return window.localStorage.getItem('bantin.radio.as-run.queue');")).isEqualTo("[]");
	}

	@Test
	void playNowOnTheEmergencyBannerStartsTheEmergencyPlaylist() {
		String alert = this.fixture.item("Cảnh báo lũ quét", "Bà con vùng trũng khẩn trương di dời.");
		String first = this.fixture.occurrence("emergency", "2030-06-04T09:00", alert);
		this.fixture.occurrence("emergency", "2030-06-04T09:15", alert);
		this.clock.set(RadioFixture.at("2030-06-04T09:01"));
		this.browser.get(url("/admin/radio"));
		WebElement banner = this.browser.findElement(By.cssSelector(".emergency-banner"));
		assertThat(banner.getText()).contains("Cảnh báo lũ quét");
		assertThat(banner.getCssValue("background-color")).isEqualTo("rgba(161, 18, 18, 1)");

		banner.findElement(By.cssSelector("a.play-now")).click();
		await().atMost(BROWSER_WAIT).until(() -> current(1) && audioTime() > 0.5);
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-occurrence")).isEqualTo(first);
		new Actions(this.browser).sendKeys("s").perform();

		await().atMost(BROWSER_WAIT).until(() -> logOf(first).size() == 1);
		assertThat(logOf(first).get(0).outcome()).isEqualTo(AsRunOutcome.INTERRUPTED);
		assertThat(logOf(first).get(0).slot()).isEqualTo("emergency");
	}

	@SuppressWarnings("unchecked")
	private List<String> axe() throws IOException {
		String axe;
		try (InputStream in = PagesAreAccessibleTests.class.getResourceAsStream(PagesAreAccessibleTests.AXE)) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		script.executeScript(axe);
		return (List<String>) script.executeAsyncScript(PagesAreAccessibleTests.RUN);
	}

}
