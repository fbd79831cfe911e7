package vn.bantin.export;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an exported answer is written and how pages link to it, including Vietnamese
 * names, which the export writes as they are (NFC) and links percent-encoded.
 */
class AddressTests {

	static final URI APP = URI.create("http://127.0.0.1:8080/");

	final Links links = new Links(APP, "https://xahoangtrung.gov.vn/", "vi");

	@Test
	void pagesAreFoldersWithAnIndexAndListPagesAreFoldersToo() {
		assertThat(address("/").file(true, "")).containsExactly("index.html");
		assertThat(address("/items/x").file(true, "")).containsExactly("items", "x", "index.html");
		assertThat(address("/items?page=2").file(true, "")).containsExactly("items", "page", "2", "index.html");
		assertThat(address("/feeds/rss.xml").file(false, ".xml")).containsExactly("feeds", "rss.xml");
		assertThat(address("/commune/logo").file(false, ".png")).containsExactly("commune", "logo.png");
	}

	@Test
	void vietnameseNamesAreWrittenAsTheyAreInNfcAndLinkedPercentEncoded() {
		String decomposed = Normalizer.normalize("ảnh đẹp.png", Normalizer.Form.NFD);
		Address media = this.links.resolve(address("/items/x"), "/media/t%C3%A0i-li%E1%BB%87u/" + decomposed)
			.orElseThrow()
			.address();
		List<String> file = media.file(false, ".png");
		assertThat(file).containsExactly("media", "tài-liệu", "ảnh đẹp.png");
		assertThat(Rewriting.relative(List.of("items", "x", "index.html"), file))
			.isEqualTo("../../media/t%C3%A0i-li%E1%BB%87u/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.png");
	}

	@Test
	void linksOfTheSiteAreFoundWhateverTheirSpelling() {
		Address page = address("/items/x");
		assertThat(this.links.resolve(page, "../tags/ho-tich").orElseThrow().address())
			.isEqualTo(address("/tags/ho-tich"));
		assertThat(this.links.resolve(page, "https://xahoangtrung.gov.vn/items/y#binh-luan").orElseThrow())
			.isEqualTo(new Links.Target(address("/items/y"), "#binh-luan"));
		assertThat(this.links.resolve(page, "https://example.org/items/y")).isEmpty();
		assertThat(this.links.resolve(page, "mailto:ubnd@example.vn")).isEmpty();
		// a link that climbs above the site cannot name a file of the export
		assertThat(this.links.resolve(page, "/media/../../etc/passwd")).isEmpty();
	}

	@Test
	void aPageInAnotherLanguageLinksToPagesInThatLanguageAndBack() {
		Address english = address("/about?lang=en");
		assertThat(this.links.resolve(english, "/items").orElseThrow().address()).isEqualTo(address("/items?lang=en"));
		assertThat(this.links.resolve(english, "?lang=vi").orElseThrow().address()).isEqualTo(address("/about"));
		assertThat(this.links.resolve(english, "/feeds/rss.xml").orElseThrow().address())
			.isEqualTo(address("/feeds/rss.xml"));
		assertThat(this.links.resolve(address("/items?page=2"), "?lang=en").orElseThrow().address())
			.isEqualTo(address("/items?lang=en"));
	}

	@Test
	void pagesInALanguageNotExportedAreLeftToTheLiveSite() {
		Links vietnameseOnly = new Links(APP, "https://xahoangtrung.gov.vn/", "vi", java.util.Set.of("vi"));
		Address english = vietnameseOnly.resolve(address("/about"), "?lang=en").orElseThrow().address();
		assertThat(vietnameseOnly.liveOnly(english)).isTrue();
		assertThat(vietnameseOnly.liveOnly(address("/about"))).isFalse();
		assertThat(this.links.liveOnly(english)).isFalse();
	}

	@Test
	void queryNamesAndValuesThatAreNoFileNameAreDroppedSoNothingIsWrittenOutsideTheExport() {
		Address home = address("/?..=x&a%2Fb=1&page=..&q=a%5Cb&page2=2");
		assertThat(home.query()).containsOnlyKeys("page2");
		assertThat(home.file(true, ".html")).containsExactly("page2", "2", "index.html");
	}

	@Test
	void relativeLinksClimbOnlyAsFarAsNeeded() {
		assertThat(Rewriting.relative(List.of("index.html"), List.of("items", "x", "index.html")))
			.isEqualTo("items/x/index.html");
		assertThat(Rewriting.relative(List.of("items", "page", "2", "index.html"), List.of("items", "index.html")))
			.isEqualTo("../../index.html");
		assertThat(Rewriting.relative(List.of("about", "index.html"), List.of("about", "index.html")))
			.isEqualTo("index.html");
	}

	private static Address address(String path) {
		return Address.of(APP.resolve(path)).orElseThrow();
	}

}
