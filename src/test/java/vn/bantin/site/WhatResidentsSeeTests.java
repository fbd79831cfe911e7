package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.OnExpiry;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What residents see of an item. It shows where its channels send it: web items on the
 * site's lists, search and sitemap; feed items in the feeds (their page opens, since the
 * entries link to it); an item for the radio alone nowhere on the site, even once
 * published. Once it expires it leaves the current lists and the feeds; by default it
 * moves to the archive (its month page, search, the sitemap and its own page, marked as
 * no longer in force); an item set to be removed vanishes from the site.
 */
@BantinWebTest
class WhatResidentsSeeTests {

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
		// other items the shared context's scheduler puts out meanwhile may share the
		// month:
		// the radio-only item itself is what must not be listed
		assertThat(body("/archive/2047/03")).doesNotContain("Chỉ phát thanh").doesNotContain("/items/" + id);
	}

	@Test
	void expiredItemLeavesListsAndFeedsButStaysInTheArchiveMarked() throws Exception {
		// 2033-05-10 09:00 in Hà Nội; expires at 2033-05-20 17:00 there
		Instant published = Instant.parse("2033-05-10T02:00:00Z");
		Instant expires = Instant.parse("2033-05-20T10:00:00Z");
		String id = this.items.expiring(published, "Lịch tiêm phòng dại tháng năm", this.tag, expires,
				OnExpiry.ARCHIVE);

		assertThat(body("/tags/" + this.tag)).contains("/items/" + id);
		assertThat(body("/items/" + id)).doesNotContain("expired-notice");

		this.clock.set(expires.plus(Duration.ofMinutes(1)));
		assertThat(body("/tags/" + this.tag)).doesNotContain("/items/" + id);
		assertThat(body("/items")).doesNotContain("/items/" + id);
		assertThat(body("/feeds/rss.xml")).doesNotContain("/items/" + id);
		assertThat(body("/feeds/tags/" + this.tag + "/atom.xml")).doesNotContain("/items/" + id);

		String month = body("/archive/2033/05");
		assertThat(month).contains("/items/" + id).contains("Hết hiệu lực");
		assertThat(body("/archive")).contains("/archive/2033/05");
		assertThat(body("/items/" + id)).contains("Lịch tiêm phòng dại tháng năm")
			.contains("Tin này đã hết hiệu lực từ 20/05/2033 17:00");
		assertThat(search("lich tiem phong dai")).contains("/items/" + id).contains("Hết hiệu lực");
		assertThat(body("/sitemap.xml")).contains("/items/" + id);
	}

	@Test
	void expiredItemSetToBeRemovedVanishesFromTheSite() throws Exception {
		Instant published = Instant.parse("2034-06-10T02:00:00Z");
		Instant expires = Instant.parse("2034-06-11T02:00:00Z");
		String id = this.items.expiring(published, "Họp thôn Đông Sơn bị hoãn", this.tag, expires, OnExpiry.REMOVE);
		assertThat(body("/archive/2034/06")).contains("/items/" + id);

		this.clock.set(expires);
		this.mvc.perform(get("/items/" + id)).andExpect(status().isNotFound());
		assertThat(body("/archive")).doesNotContain("/archive/2034/06");
		assertThat(search("hop thon dong son bi hoan")).doesNotContain("/items/" + id);
		assertThat(body("/sitemap.xml")).doesNotContain("/items/" + id);
		assertThat(body("/feeds/rss.xml")).doesNotContain("/items/" + id);
	}

}
