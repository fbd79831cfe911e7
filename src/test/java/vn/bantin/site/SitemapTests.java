package vn.bantin.site;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What search engines are told: every page residents may see, with absolute addresses on
 * the host they asked, and nothing of the admin area.
 */
@BantinWebTest
class SitemapTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestItems items;

	@Autowired
	TestPublishedItems published;

	@Autowired
	MutableClock clock;

	Document sitemap() throws Exception {
		String xml = this.mvc.perform(get("/sitemap.xml").header("Host", "xa.example.vn"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/xml"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return Jsoup.parse(xml, Parser.xmlParser());
	}

	@Test
	void sitemapListsPublishedItemsTheirTagsAndMonthsWithAbsoluteAddressesAndLeavesOutOthers() throws Exception {
		int n = counter.incrementAndGet();
		String published = this.published.published(this.clock.instant(), "Bản đồ số xã " + n, "ban-do",
				EnumSet.of(Channel.WEB));
		String waiting = this.items.approved("chua-dang-" + n, "Chưa đăng", List.of(), List.of(), Priority.NORMAL,
				EnumSet.of(Channel.RADIO), null);

		Document sitemap = sitemap();
		List<String> locations = sitemap.select("url > loc").eachText();
		assertThat(locations).contains("http://xa.example.vn/", "http://xa.example.vn/items",
				"http://xa.example.vn/items/" + published);
		java.time.YearMonth month = java.time.YearMonth
			.from(this.clock.instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		assertThat(locations).contains("http://xa.example.vn/tags/ban-do", "http://xa.example.vn/archive",
				String.format("http://xa.example.vn/archive/%d/%02d", month.getYear(), month.getMonthValue()));
		assertThat(locations).noneMatch((location) -> location.endsWith("/" + waiting));
		assertThat(locations).allMatch((location) -> location.startsWith("http://xa.example.vn/"));
		assertThat(locations).noneMatch((location) -> location.contains("/admin"));
		assertThat(sitemap.select("url:has(loc:containsOwn(" + published + ")) > lastmod").text())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
	}

	@Test
	void robotsPointAtTheSitemapAndKeepCrawlersOutOfTheAdminArea() throws Exception {
		this.mvc.perform(get("/robots.txt").header("Host", "xa.example.vn"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sitemap: http://xa.example.vn/sitemap.xml")))
			.andExpect(content().string(containsString("Disallow: /admin")));
	}

}
