package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.OnExpiry;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Once an item expires it leaves the current lists and the feeds; by default it moves to
 * the archive (its month page, search, the sitemap and its own page, marked as no longer
 * in force); an item set to be removed vanishes from the site.
 */
@BantinWebTest
@Import(TestPublishedItems.class)
class ExpiredItemsTests {

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
		this.tag = "het-han-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void restore() {
		this.clock.set(this.before);
	}

	String body(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	String search(String words) throws Exception {
		return this.mvc.perform(get("/search").param("q", words))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
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
