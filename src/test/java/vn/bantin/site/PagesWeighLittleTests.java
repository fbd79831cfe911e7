package vn.bantin.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public pages cost a resident on a cheap phone and a slow network, and what
 * they promise every reader: each page with the stylesheets and scripts it links weighs
 * at most 60 KB compressed (images and audio aside), is marked as Vietnamese, fits a
 * phone screen with styles written for the small screen first, and prints cleanly.
 */
@PublicSiteTest
class PagesWeighLittleTests {

	/** The most a page may weigh compressed, with its stylesheets and scripts. */
	static final int BUDGET = 60 * 1024;

	@Autowired
	PublicPages pages;

	@Test
	void everyPageWeighsAtMostSixtyKilobytesCompressedWithItsStylesheetsAndScripts() {
		Map<String, Integer> assets = new LinkedHashMap<>();
		List<String> overweight = new ArrayList<>();
		String heaviest = "";
		int heaviestWeight = 0;
		for (String path : this.pages.all()) {
			PublicPages.Page page = this.pages.get(path);
			Document html = Jsoup.parse(page.text());
			int weight = gzipped(page.body());
			List<String> linked = new ArrayList<>(html.select("link[rel=stylesheet]").eachAttr("href"));
			linked.addAll(html.select("script[src]").eachAttr("src"));
			for (String asset : linked) {
				weight += assets.computeIfAbsent(asset, (href) -> {
					PublicPages.Page file = this.pages.get(href);
					assertThat(file.status()).as(href).isEqualTo(200);
					return gzipped(file.body());
				});
			}
			if (weight > heaviestWeight) {
				heaviest = path;
				heaviestWeight = weight;
			}
			if (weight > BUDGET) {
				overweight.add(path + ": " + weight + " bytes compressed (budget " + BUDGET + ")");
			}
		}
		assertThat(heaviestWeight).as("the heaviest page").isPositive();
		assertThat(overweight).as("pages over the budget (heaviest: %s, %d bytes)", heaviest, heaviestWeight).isEmpty();
	}

	@Test
	void serverCompressesPagesForBrowsersThatAcceptIt() {
		PublicPages.Page page = this.pages.get("/", "gzip");
		assertThat(page.contentEncoding()).isEqualTo("gzip");
		assertThat(page.body().length).isLessThan(this.pages.get("/").body().length);
	}

	@Test
	void everyPageIsVietnameseFitsAPhoneAndHasAPrintStylesheet() {
		List<String> problems = new ArrayList<>();
		Map<String, String> stylesheets = new LinkedHashMap<>();
		for (String path : this.pages.all()) {
			Document html = Jsoup.parse(this.pages.get(path).text());
			String expectedLanguage = path.contains("lang=en") ? "en" : "vi";
			if (!expectedLanguage.equals(html.selectFirst("html").attr("lang"))) {
				problems.add(path + ": lang=\"" + html.selectFirst("html").attr("lang") + "\", expected \""
						+ expectedLanguage + "\"");
			}
			if (html.select("meta[name=viewport][content~=width=device-width]").isEmpty()) {
				problems.add(path + ": no viewport meta with width=device-width");
			}
			List<String> linked = html.select("link[rel=stylesheet]").eachAttr("href");
			if (linked.isEmpty()) {
				problems.add(path + ": no stylesheet");
			}
			linked.forEach((href) -> stylesheets.computeIfAbsent(href, (css) -> this.pages.get(css).text()));
			boolean printSheet = !html.select("link[rel=stylesheet][media~=print]").isEmpty()
					|| linked.stream().anyMatch((href) -> stylesheets.get(href).contains("@media print"));
			if (!printSheet) {
				problems.add(path + ": no print stylesheet (media=\"print\" or @media print rules)");
			}
		}
		stylesheets.forEach((href, css) -> {
			// Mobile first: the base rules are for the small screen, media queries only
			// add
			// to them for wider screens.
			if (css.matches("(?s).*@media[^{]*max-width.*")) {
				problems.add(href + ": a max-width media query (styles should be written for phones first)");
			}
		});
		assertThat(problems).isEmpty();
	}

	static int gzipped(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.size();
	}

}
