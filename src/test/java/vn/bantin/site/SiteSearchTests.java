package vn.bantin.site;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.content.TestItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Residents search without caring for diacritics or case; titles that hold the words come
 * first, then the newest; the words found are marked in titles and snippets. A search is
 * cut to its first 12 words and 200 characters (each word costs a condition in the
 * query), and the page says so.
 */
@BantinWebTest
class SiteSearchTests {

	static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestItems items;

	@Autowired
	ItemLifecycle lifecycle;

	@BeforeEach
	void now() {
		this.clock.set(NOW);
	}

	@Test
	void searchWithoutDiacriticsFindsAccentedTitleAndMarksIt() throws Exception {
		String token = SitePagesTests.unique("qz");
		String id = publish("Cải cách hành chính " + token, "Nội dung.", NOW.minusSeconds(60));

		Document page = search("CAI CACH " + token);

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("vi");
		var link = page.selectFirst("main .item-list a[href=/items/" + id + "]");
		assertThat(link).isNotNull();
		assertThat(link.select("mark").eachText()).containsExactly("Cải", "cách", token);
		assertThat(link.text()).isEqualTo("Cải cách hành chính " + token);
	}

	@Test
	void titleMatchesComeBeforeBodyOnlyMatchesThenNewestFirst() throws Exception {
		String token = SitePagesTests.unique("kn");
		String bodyOnly = publish("Tin mùa vụ " + SitePagesTests.unique("x"), "Hướng dẫn khuyến nông " + token + ".",
				NOW.minusSeconds(10));
		String olderTitle = publish("Khuyến nông " + token + " vụ đông", "Nội dung.", NOW.minusSeconds(300));
		String newerTitle = publish("Khuyến nông " + token + " vụ xuân", "Nội dung.", NOW.minusSeconds(200));

		Document page = search("khuyen nong " + token);

		assertThat(page.select("main .item-list h2 a").eachAttr("href")).containsExactly("/items/" + newerTitle,
				"/items/" + olderTitle, "/items/" + bodyOnly);
	}

	@Test
	void snippetIsPlainTextOfTheBodyWithTheWordsMarked() throws Exception {
		String token = SitePagesTests.unique("cds");
		String id = publish("Hội nghị " + token, "## Kết quả\n\nXã đẩy mạnh **chuyển đổi số** trong năm.",
				NOW.minusSeconds(60));

		Document page = search("chuyen doi " + token);

		var entry = page.selectFirst("main .item-list a[href=/items/" + id + "]").closest("li");
		var snippet = entry.select("p").last();
		assertThat(snippet.text()).contains("Xã đẩy mạnh chuyển đổi số trong năm.").doesNotContain("**", "##");
		assertThat(snippet.select("mark").eachText()).containsExactly("chuyển", "đổi");
	}

	@Test
	void emptyQueryShowsOnlyTheForm() throws Exception {
		Document page = search("  ");

		assertThat(page.select("main form[action=/search] input[name=q]")).hasSize(1);
		assertThat(page.select("main .item-list")).isEmpty();
	}

	@Test
	void marksFoldDiacriticsDStrokeAndCaseAndEscapeTheRest() {
		Highlighter marks = new Highlighter("DA NANG");

		assertThat(marks.mark("Đà Nẵng <b>")).isEqualTo("<mark>Đà</mark> <mark>Nẵng</mark> &lt;b&gt;");
		// decomposed input (as pasted from some phones) is normalised first
		assertThat(marks.mark("Đa\u0300 Nă\u0303ng")).isEqualTo("<mark>Đà</mark> <mark>Nẵng</mark>");
		assertThat(new Highlighter("cai").matchesAll("Cải cách")).isTrue();
		assertThat(new Highlighter(" ").mark("Cải cách")).isEqualTo("Cải cách");
	}

	@Test
	void aQueryOfThousandsOfWordsSearchesItsFirstTwelveAndSaysSo() throws Exception {
		String token = SitePagesTests.unique("cap");
		String id = publish("Khuyến nông " + token + " vụ đông", "Nội dung.", NOW.minusSeconds(60));
		// the item holds the first twelve words only: searched for all of them, it would
		// not
		// be found
		StringBuilder query = new StringBuilder(("khuyen nong " + token + " ").repeat(4).strip());
		for (int i = 0; i < 3_500; i++) {
			query.append(" w").append(i);
		}

		Document page = search(query.toString());

		assertThat(page.select("main .item-list a[href=/items/" + id + "]")).hasSize(1);
		String searched = page.selectFirst("main form[action=/search] input[name=q]").val();
		assertThat(searched.split(" ")).hasSize(SearchQuery.MAX_TERMS).startsWith("khuyen", "nong", token);
		assertThat(page.select("main p.notice[role=note]").text())
			.isEqualTo("Câu tìm kiếm quá dài nên chỉ được tìm theo phần đầu (tối đa 12 từ và 200 ký tự).");
	}

	@Test
	void aQueryOverTwoHundredCharactersIsCutAtAWordAndSaysSo() throws Exception {
		String token = SitePagesTests.unique("dai");
		String id = publish("Thông báo " + token, "Nội dung.", NOW.minusSeconds(60));
		String word = "dàiquá".repeat(40);

		Document page = search(token + " " + word + " " + word);

		String searched = page.selectFirst("main form[action=/search] input[name=q]").val();
		assertThat(searched).isEqualTo(token);
		assertThat(page.select("main .item-list a[href=/items/" + id + "]")).hasSize(1);
		assertThat(page.select("main p.notice[role=note]")).hasSize(1);
	}

	@Test
	void anOrdinaryQueryIsSearchedWhole() throws Exception {
		String token = SitePagesTests.unique("du");
		String id = publish("Lịch tiêm chủng " + token, "Nội dung.", NOW.minusSeconds(60));

		Document page = search("  lich   tiem\tchung  " + token + " ");

		assertThat(page.select("main .item-list a[href=/items/" + id + "]")).hasSize(1);
		assertThat(page.selectFirst("main form[action=/search] input[name=q]").val())
			.isEqualTo("lich tiem chung " + token);
		assertThat(page.select("main p.notice")).isEmpty();
	}

	@Test
	void theCapCountsWordsAndCharactersAndCutsAnOverlongFirstWord() {
		assertThat(SearchQuery.of(null)).isEqualTo(new SearchQuery("", false));
		assertThat(SearchQuery.of(" \u00a0\t ")).isEqualTo(new SearchQuery("", false));
		assertThat(SearchQuery.of("a\u00a0b\u3000c")).isEqualTo(new SearchQuery("a b c", false));
		assertThat(SearchQuery.of("1 2 3 4 5 6 7 8 9 10 11 12"))
			.isEqualTo(new SearchQuery("1 2 3 4 5 6 7 8 9 10 11 12", false));
		assertThat(SearchQuery.of("1 2 3 4 5 6 7 8 9 10 11 12 13"))
			.isEqualTo(new SearchQuery("1 2 3 4 5 6 7 8 9 10 11 12", true));
		String exactly = "x".repeat(99) + " " + "y".repeat(100);
		assertThat(SearchQuery.of(exactly)).isEqualTo(new SearchQuery(exactly, false));
		assertThat(SearchQuery.of(exactly + "y")).isEqualTo(new SearchQuery("x".repeat(99), true));
		// counted in characters, not UTF-16 units, and never cut inside one
		String cut = SearchQuery.of("𝔸".repeat(250)).text();
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(SearchQuery.MAX_LENGTH);
		assertThat(cut).isEqualTo("𝔸".repeat(200));
		// decomposed Vietnamese is composed before it is counted
		assertThat(SearchQuery.of("Tho\u0302ng ba\u0301o").text()).isEqualTo("Thông báo");
	}

	private String publish(String title, String body, Instant at) {
		this.clock.set(at);
		String id = this.items.approvedNews(title, body, List.of(), List.of(), null);
		try {
			this.lifecycle.published(id, at);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// the scheduler published it meanwhile (at the same instant); publishing is
			// idempotent, so once more settles it
			this.lifecycle.published(id, at);
		}
		this.clock.set(NOW);
		return id;
	}

	private Document search(String query) throws Exception {
		String html = this.mvc.perform(get("/search").param("q", query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
