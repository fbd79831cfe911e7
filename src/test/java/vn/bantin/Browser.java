package vn.bantin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} and
 * {@code chromium-driver} packages, which {@code .ci/run} installs. Nothing is downloaded
 * at run time (Selenium Manager is bypassed by naming both binaries).
 */
public final class Browser {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BANTIN_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("BANTIN_CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** The switch that turns JavaScript off in pages, as a resident may have it. */
	public static final String WITHOUT_JAVASCRIPT = "--blink-settings=scriptEnabled=false";

	private Browser() {
	}

	/**
	 * Starts a headless Chromium, or skips the calling test with the reason when the
	 * packages are missing (a developer machine without them; CI always has them).
	 * @param arguments further Chromium switches (for instance
	 * {@link #WITHOUT_JAVASCRIPT})
	 */
	public static ChromeDriver start(String... arguments) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=390,844", "--lang=vi",
				// a test starts audio from a script, without a click on the player
				"--autoplay-policy=no-user-gesture-required");
		// what the page's console says, so tests can check that it reports no errors
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.addArguments(arguments);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

}
