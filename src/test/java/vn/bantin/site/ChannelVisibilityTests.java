package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An item shows where its channels send it: web items on the site's lists, search and
 * sitemap; feed items in the feeds (their page opens, since the entries link to it); an
 * item for the radio alone nowhere on the site, even once published.
 */
@BantinWebTest
@Import(TestPublishedItems.class)
class ChannelVisibilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	Instant before;

	String tag;

	@BeforeEach
	void remember() {
		this.before = this.clock.instant();
		this.tag = "kenh-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void restore() {
		this.clock.set(this.before);
	}

	String search(String query) throws Exception {
		return body(get("/search").param("q", query));
	}

	String body(String url) throws Exception {
		return body(get(url));
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void webOnlyItemIsOnTheSiteButNotInTheFeeds() throws Exception {
		String id = this.items.published(Instant.parse("2032-03-01T01:00:00Z"), "Chỉ đăng trên trang", this.tag,
				Set.of(Channel.WEB));
		assertThat(body("/tags/" + this.tag)).contains("Chỉ đăng trên trang");
		assertThat(search("chi dang tren trang")).contains("/items/" + id);
		assertThat(body("/sitemap.xml")).contains("/items/" + id);
		assertThat(body("/feeds/tags/" + this.tag + "/rss.xml")).doesNotContain("Chỉ đăng trên trang");
		assertThat(body("/feeds/atom.xml")).doesNotContain("/items/" + id);
	}

	@Test
	void feedOnlyItemIsInTheFeedsAndItsPageOpensButNoListShowsIt() throws Exception {
		String id = this.items.published(Instant.parse("2032-03-02T01:00:00Z"), "Chỉ trong nguồn tin", this.tag,
				Set.of(Channel.FEED));
		assertThat(body("/feeds/tags/" + this.tag + "/rss.xml")).contains("Chỉ trong nguồn tin");
		assertThat(body("/feeds/rss.xml")).contains("/items/" + id);
		assertThat(body("/items/" + id)).contains("Chỉ trong nguồn tin");
		assertThat(body("/tags/" + this.tag)).doesNotContain("Chỉ trong nguồn tin");
		assertThat(body("/items")).doesNotContain("/items/" + id);
		assertThat(body("/sitemap.xml")).doesNotContain("/items/" + id);
	}

	@Test
	void radioOnlyItemHasNoPageAndIsInNoListOrFeed() throws Exception {
		String id = this.items.published(Instant.parse("2047-03-03T01:00:00Z"), "Chỉ phát thanh", this.tag,
				Set.of(Channel.RADIO));
		this.mvc.perform(get("/items/" + id)).andExpect(status().isNotFound());
		assertThat(body("/tags/" + this.tag)).doesNotContain("Chỉ phát thanh");
		assertThat(search("chi phat thanh")).doesNotContain("/items/" + id);
		assertThat(body("/feeds/tags/" + this.tag + "/rss.xml")).doesNotContain("Chỉ phát thanh");
		assertThat(body("/archive")).doesNotContain("/archive/2047/");
	}

}
