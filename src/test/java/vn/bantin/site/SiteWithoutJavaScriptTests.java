package vn.bantin.site;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.bantin.Browser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site works with JavaScript turned off, as on many cheap phones and in
 * data-saving browsers: in a Chromium that runs no page script, a resident reads the home
 * page, follows an item, searches, pages through a list and opens a procedure.
 */
@PublicSiteTest
class SiteWithoutJavaScriptTests {

	static WebDriver browser;

	@Autowired
	PublicPages pages;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start(Browser.WITHOUT_JAVASCRIPT);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void browserRunsNoPageScript() {
		browser.get("data:text/html;charset=utf-8,<title>tĩnh</title><script>document.title='chạy'</script>");
		assertThat(browser.getTitle()).isEqualTo("tĩnh");
	}

	@Test
	void residentReadsAnItemFromTheHomePage() {
		this.pages.kinds();
		browser.get(this.pages.url("/"));
		WebElement first = browser.findElement(By.cssSelector("main ul.latest a"));
		String title = first.getText();
		follow(first);
		assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.cssSelector("main .body")).getText()).isNotBlank();
	}

	@Test
	void residentSearchesWithoutDiacriticsAndSeesHighlightedResults() {
		this.pages.kinds();
		browser.get(this.pages.url("/"));
		browser.findElement(By.id("q")).sendKeys("cai cach");
		follow(browser.findElement(By.cssSelector("form.search button[type=submit]")));
		assertThat(browser.getCurrentUrl()).contains("/search?q=cai+cach");
		assertThat(browser.findElements(By.cssSelector("main ol.item-list li"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("main ol.item-list mark")))
			.extracting((mark) -> Normalizer.normalize(mark.getText(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
			.contains("cải", "cách");
	}

	@Test
	void residentPagesThroughTheLatestItems() {
		this.pages.kinds();
		browser.get(this.pages.url("/items"));
		follow(browser.findElement(By.cssSelector("nav.pages a[rel=next]")));
		assertThat(browser.getCurrentUrl()).endsWith("/items?page=2");
		assertThat(browser.findElements(By.cssSelector("main ol.item-list li"))).isNotEmpty();
	}

	@Test
	void printedItemKeepsItsTextAndLeavesOutNavigationAndPlayer() {
		browser.get(this.pages.url("/items/" + this.pages.itemWithAudio()));
		assertThat(browser.findElement(By.cssSelector(".sitenav")).isDisplayed()).isTrue();
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.cssSelector("main h1")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.cssSelector("main .body")).isDisplayed()).isTrue();
			for (String hidden : List.of(".masthead", ".sitenav", ".footer", ".item audio")) {
				assertThat(browser.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
			}
		}
		finally {
			((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	@Test
	void residentOpensAProcedureFromTheCatalogue() {
		this.pages.kinds();
		browser.get(this.pages.url("/procedures"));
		WebElement procedure = browser.findElement(By.cssSelector("main table.procedures th a"));
		String title = procedure.getText();
		follow(procedure);
		assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(title);
	}

	/**
	 * Clicks a link or button and waits until the browser has left the page: a click only
	 * starts the navigation.
	 */
	private static void follow(WebElement element) {
		String from = browser.getCurrentUrl();
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until((driver) -> !from.equals(driver.getCurrentUrl()));
	}

}
