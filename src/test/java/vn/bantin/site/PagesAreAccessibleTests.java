package vn.bantin.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import vn.bantin.Browser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages meet WCAG 2.1 AA as far as a machine can tell: axe-core (the engine of
 * most accessibility checkers) run in a real Chromium, with a phone-sized window, on one
 * page of each kind finds no serious or critical violation. Minor and moderate findings
 * are left to people reviewing the pages.
 */
@PublicSiteTest
public class PagesAreAccessibleTests {

	public static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	/**
	 * Runs axe with the WCAG 2.0/2.1 A and AA rules and answers its serious and critical
	 * violations, one line each: rule, impact, what it asks and the elements at fault (or
	 * a line saying axe checked nothing, which would make a pass meaningless).
	 */
	public static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
			  .then((results) => done(results.passes.length === 0 ? ['axe checked nothing'] : results.violations
			    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			    .map((violation) => violation.id + ' (' + violation.impact + '): ' + violation.help + ' at '
			      + violation.nodes.map((node) => node.target.join(' ')).join(', '))))
			  .catch((error) => done(['axe failed: ' + error]));
			""";

	static WebDriver browser;

	static String axe;

	@Autowired
	PublicPages pages;

	@BeforeAll
	static void startBrowser() throws IOException {
		try (InputStream in = PagesAreAccessibleTests.class.getResourceAsStream(AXE)) {
			assertThat(in).as(AXE).isNotNull();
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		browser = Browser.start();
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void onePageOfEachKindHasNoSeriousOrCriticalAccessibilityViolation() {
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, String> page : this.pages.kinds().entrySet()) {
			browser.manage().deleteAllCookies();
			browser.get(this.pages.url(page.getValue()));
			assertThat(browser.getTitle()).as(page.getValue()).isNotBlank();
			axe().forEach((violation) -> violations.add(page.getKey() + " " + page.getValue() + ": " + violation));
		}
		assertThat(violations).as("axe-core serious and critical violations").isEmpty();
	}

	@Test
	void axeReportsAnImageWithoutTextAndAFieldWithoutLabel() {
		browser.get(this.pages.url(PublicPages.NOT_FOUND));
		((JavascriptExecutor) browser).executeScript(
				"document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/images/podcast.png\"><input type=\"text\">')");
		assertThat(axe()).anyMatch((violation) -> violation.startsWith("image-alt (critical)"))
			.anyMatch((violation) -> violation.startsWith("label (critical)"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> axe() {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(axe);
		return (List<String>) script.executeAsyncScript(RUN);
	}

}
