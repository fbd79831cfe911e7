package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemView;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.media.MediaLibrary;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Residents read published, unexpired items on their own pages and in lists by theme, tag
 * and month, 20 to a page, dated in the commune's time zone whatever the server's.
 */
@BantinWebTest
class SitePagesTests {

	static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems published;

	@Autowired
	MediaLibrary media;

	@Autowired
	BantinProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	TestItems items;

	@Autowired
	PlanCatalog plans;

	@BeforeEach
	void now() {
		this.clock.set(NOW);
	}

	@Test
	void itemPageShowsTitleCommuneDateThemesTagsBodyCanonicalAndOpenGraph() throws Exception {
		PlanView.Theme theme = this.plans.themes().get(0);
		String tag = unique("the");
		String id = publish("Lịch tiêm chủng " + tag, "Tiêm **vắc xin** tại trạm y tế.", List.of(theme.key()),
				List.of(tag), Instant.parse("2026-11-29T00:30:00Z"), null);

		Document page = page("/items/" + id);

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("vi");
		assertThat(page.selectFirst("main h1").text()).isEqualTo("Lịch tiêm chủng " + tag);
		// 00:30 UTC is 07:30 in Vietnam (and 19:30 the day before in New York)
		assertThat(page.selectFirst("main time").text()).isEqualTo("29/11/2026 07:30");
		assertThat(page.select("main .body strong").text()).isEqualTo("vắc xin");
		assertThat(page.select("main a[href=/themes/" + theme.key() + "]").text()).isEqualTo(theme.title());
		assertThat(page.select("main a[href=/tags/" + tag + "]").text()).isEqualTo(tag);
		assertThat(page.selectFirst("head link[rel=canonical]").attr("href")).endsWith("/items/" + id);
		assertThat(page.selectFirst("head meta[property=og:title]").attr("content"))
			.isEqualTo("Lịch tiêm chủng " + tag);
		assertThat(page.selectFirst("head meta[property=og:type]").attr("content")).isEqualTo("article");
		assertThat(page.selectFirst("head meta[property=og:url]").attr("content")).endsWith("/items/" + id);
		assertThat(page.selectFirst("head meta[property=og:description]").attr("content"))
			.isEqualTo("Tiêm vắc xin tại trạm y tế.");
		assertThat(page.select("head title")).hasSize(1);
	}

	@Test
	void printViewHasTheCommuneTheTextFullAttachmentAddressesAndItsSourceWithoutMenus() throws Exception {
		String tag = unique("in");
		String id = publish("Thông báo dán bảng tin " + tag, "Mời bà con **họp thôn**.", List.of(), List.of(tag),
				Instant.parse("2026-11-29T01:00:00Z"), null);

		Document item = page("/items/" + id);
		assertThat(item.select("main a.print-link").attr("href")).isEqualTo("/items/" + id + "/print");

		Document print = page("/items/" + id + "/print");
		assertThat(print.selectFirst("html").attr("lang")).isEqualTo("vi");
		assertThat(print.select(".print-head").text()).contains("UBND xã Hoằng Trung");
		assertThat(print.selectFirst("h1").text()).isEqualTo("Thông báo dán bảng tin " + tag);
		assertThat(print.select(".body strong").text()).isEqualTo("họp thôn");
		assertThat(print.select("time").text()).isEqualTo("29/11/2026 08:00");
		assertThat(print.select(".print-foot a").first().attr("href")).endsWith("/items/" + id);
		assertThat(print.selectFirst("head link[rel=canonical]").attr("href")).endsWith("/items/" + id);
		assertThat(print.select("head meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(print.select("nav, .sitenav, form, audio")).isEmpty();
		this.mvc.perform(get("/items/khong-co-tin-nay/print")).andExpect(status().isNotFound());
	}

	@Test
	void itemPublishedJustAfterMidnightCommuneTimeBelongsToThatMonthsArchive() throws Exception {
		String tag = unique("thang");
		// 17:30 UTC on 30 November is 00:30 on 1 December in Vietnam
		String id = publish("Tin đầu tháng " + tag, "Nội dung.", List.of(), List.of(tag),
				Instant.parse("2026-11-30T17:30:00Z"), null);

		assertThat(page("/items/" + id).selectFirst("main time").text()).isEqualTo("01/12/2026 00:30");
		assertThat(page("/archive/2026/12").select("main a[href=/items/" + id + "]")).hasSize(1);
		assertThat(page("/archive/2026/11").select("main a[href=/items/" + id + "]")).isEmpty();
		assertThat(page("/archive").select("main a[href=/archive/2026/12]").text()).contains("12/2026");
	}

	@Test
	void draftUnpublishedNotYetPublishedAndUnknownItemsAreNotFoundInVietnamese() throws Exception {
		String draft = this.items.submittedNews(unique("Nháp"), List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB));
		String waiting = this.items.approvedNews(unique("Chờ"), List.of(), List.of(), Priority.NORMAL,
				NOW.plusSeconds(86400), null, Set.of(Channel.WEB));
		String later = publish(unique("Sau"), "Nội dung.", List.of(), List.of(), NOW.plusSeconds(3600), null);
		String live = publish(unique("Còn hạn"), "Nội dung.", List.of(), List.of(), NOW.minusSeconds(7200),
				NOW.plusSeconds(60));

		// expired items are kept in the archive or removed: ExpiredItemsTests
		for (String id : List.of(draft, waiting, later, "khong-co-tin-nay")) {
			String html = this.mvc.perform(get("/items/" + id))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(html).select("h1").text()).as(id).isEqualTo("Không tìm thấy trang");
		}
		this.mvc.perform(get("/items/" + live)).andExpect(status().isOk());
	}

	@Test
	void previousAndNextFollowPublicationOrder() throws Exception {
		String first = publish(unique("Một"), "Nội dung.", List.of(), List.of(), Instant.parse("2020-01-01T01:00:00Z"),
				null);
		String second = publish(unique("Hai"), "Nội dung.", List.of(), List.of(), Instant.parse("2020-01-01T01:01:00Z"),
				null);
		String third = publish(unique("Ba"), "Nội dung.", List.of(), List.of(), Instant.parse("2020-01-01T01:02:00Z"),
				null);

		Document page = page("/items/" + second);

		assertThat(page.selectFirst("nav.neighbours a[rel=prev]").attr("href")).isEqualTo("/items/" + first);
		assertThat(page.selectFirst("nav.neighbours a[rel=next]").attr("href")).isEqualTo("/items/" + third);
	}

	@Test
	void tagListShowsTwentyNewestFirstPerPageWithPrevAndNextLinks() throws Exception {
		String tag = unique("phan-trang");
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			ids.add(publish(unique("Tin " + i), "Nội dung.", List.of(), List.of(tag),
					Instant.parse("2021-03-01T00:00:00Z").plusSeconds(60L * i), null));
		}

		Document first = page("/tags/" + tag);
		assertThat(first.select("main .item-list li")).hasSize(20);
		assertThat(first.selectFirst("main .item-list a").attr("href")).isEqualTo("/items/" + ids.get(20));
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.selectFirst("nav.pages a[rel=next]").attr("href")).isEqualTo("/tags/" + tag + "?page=2");

		Document second = page("/tags/" + tag + "?page=2");
		assertThat(second.select("main .item-list a").eachAttr("href")).containsExactly("/items/" + ids.get(0));
		assertThat(second.selectFirst("nav.pages a[rel=prev]").attr("href")).isEqualTo("/tags/" + tag);
		assertThat(second.select("nav.pages a[rel=next]")).isEmpty();
		this.mvc.perform(get("/tags/" + tag).param("page", "3")).andExpect(status().isNotFound());
	}

	@Test
	void themePageListsTheThemesItemsAndUnknownThemeIsNotFound() throws Exception {
		PlanView.Theme theme = this.plans.themes().get(1);
		String id = publish(unique("Chủ đề"), "Nội dung.", List.of(theme.key()), List.of(), NOW.minusSeconds(30), null);
		String other = publish(unique("Khác"), "Nội dung.", List.of(), List.of(), NOW.minusSeconds(20), null);

		Document page = page("/themes/" + theme.key());

		assertThat(page.selectFirst("main h1").text()).contains(theme.title());
		assertThat(page.select("main a[href=/items/" + id + "]")).hasSize(1);
		assertThat(page.select("main a[href=/items/" + other + "]")).isEmpty();
		this.mvc.perform(get("/themes/khong-co-chu-de")).andExpect(status().isNotFound());
	}

	@Test
	void homeAndLatestListTheNewestVisibleItems() throws Exception {
		// later than anything else in the shared context; items the scheduler puts out
		// meanwhile get the same instant, and the id ("0-...") comes first among equals
		Instant later = NOW.plusSeconds(86400);
		String id = publish(unique("0 Mới nhất"), "Nội dung.", List.of(), List.of(), later, null);
		this.clock.set(later);

		Document home = page("/");
		assertThat(home.select("main a[href=/items/" + id + "]")).hasSize(1);
		assertThat(home.select("main form[action=/search][method=get] input[name=q]")).hasSize(1);
		assertThat(page("/items").select("main .item-list a").first().attr("href")).isEqualTo("/items/" + id);
	}

	@Test
	void homeListsNewsAndAnnouncementsNotProceduresOrDocuments() throws Exception {
		Instant later = NOW.plusSeconds(2 * 86400);
		this.clock.set(later);
		String id = "thu-tuc-moi-" + unique("x").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String text = Files.readString(Path.of("content/procedures/dang-ky-khai-sinh.md"), StandardCharsets.UTF_8)
			.replace("id: dang-ky-khai-sinh", "id: " + id)
			.replace("status: approved", "status: submitted")
			.replace("themes: [thu-tuc-hanh-chinh]\n", "")
			// a field of its own, so that catalogue tests sharing this context do not
			// list it
			.replace("field: Hộ tịch", "field: Thử nghiệm trang chủ");
		String procedure = this.items.approvedFromFile(Path.of("content"), "procedures/" + id + ".md", text);
		this.published.markPublished(later, procedure);
		String news = publish(unique("Tin sau thủ tục"), "Nội dung.", List.of(), List.of(), later.minusSeconds(60),
				null);
		this.clock.set(later);

		Document home = page("/");
		assertThat(home.select("main a[href=/items/" + news + "]")).hasSize(1);
		assertThat(home.select("main a[href=/items/" + procedure + "]")).isEmpty();
		assertThat(page("/items").select("main .item-list a").first().attr("href")).isEqualTo("/items/" + procedure);
	}

	@Test
	void audioAttachmentsArePlayedInThePageOtherFilesAreLinkedAndMissingOnesLeftOut() throws Exception {
		String folder = "0b0e5c7e-1d2a-4f3b-9c4d-5e6f7a8b9c0d";
		Path upload = this.properties.dataPath("media").resolve(folder).resolve("to-khai.pdf");
		Files.createDirectories(upload.getParent());
		Files.write(upload, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

		var audio = SitePagesController.Attached
			.of(new ItemView.Attachment("media/ban-tin-cchc-dai-truyen-thanh.mp3", null), this.media);
		var document = SitePagesController.Attached
			.of(new ItemView.Attachment("/media/" + folder + "/to-khai.pdf", "Tờ khai"), this.media);
		var missing = SitePagesController.Attached.of(new ItemView.Attachment("media/khong-co.mp3", null), this.media);

		assertThat(audio).contains(new SitePagesController.Attached("/media/ban-tin-cchc-dai-truyen-thanh.mp3",
				"ban-tin-cchc-dai-truyen-thanh.mp3", "audio/mpeg"));
		assertThat(document)
			.contains(new SitePagesController.Attached("/media/" + folder + "/to-khai.pdf", "Tờ khai", null));
		assertThat(missing).isEmpty();
	}

	private String publish(String title, String body, List<String> themes, List<String> tags, Instant at,
			Instant expireAt) {
		// approved at the publication instant: if the scheduler takes the item first, it
		// is published at that same instant
		this.clock.set(at);
		String id = this.items.approvedNews(title, body, themes, tags, expireAt);
		this.published.markPublished(at, id);
		this.clock.set(NOW);
		return id;
	}

	private Document page(String path) throws Exception {
		return SitePage.get(this.mvc, path);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
