package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The playlist pages as the operator sees them, on a morning whose items overrun the
 * slot: the day's list links each occurrence and marks the overflow, the playlist shows
 * each entry's source and duration and the total against the slot with the overflow
 * highlighted, and links its downloads; an entry's audio answers byte ranges, a script
 * entry has none; the script sheet prints every script.
 */
@RadioWebTest
class PlaylistAdminPagesTests {

	static final String OCCURRENCE = "ban-tin-sang_all_20270111T060000";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	Playlists playlists;

	@Autowired
	BantinProperties properties;

	Instant clockBefore;

	MockHttpSession operator;

	@BeforeEach
	void aMorningThatOverruns() throws Exception {
		this.clockBefore = this.clock.instant();
		this.clock.set(SimulatedRadioDayTests.vn("2027-01-11T05:00"));
		if (this.catalog.item("thong-bao-rat-dai-2027").isEmpty()) {
			// 3,500 words each: at 160 words a minute, the two overrun the 30-minute slot
			String script = "Mời bà con đi họp. ".repeat(700).strip();
			this.items.approved("thong-bao-rat-dai-2027", "Thông báo rất dài về lịch làm việc năm 2027", List.of(),
					List.of(), Priority.PRIORITY, List.of(Channel.RADIO), script);
			this.clock.advance(Duration.ofMinutes(1));
			this.items.approved("thong-bao-rat-dai-2027-b", "Thông báo dài thứ hai", List.of(), List.of(),
					Priority.PRIORITY, List.of(Channel.RADIO), script);
		}
		this.operator = this.accounts.signedIn(Role.OPERATOR);
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void theOverflowIsComputedAndShownOnTheDayAndThePlaylist() throws Exception {
		Playlist playlist = this.playlists.playlist(OCCURRENCE).orElseThrow();
		assertThat(playlist.overflow()).isPositive().isEqualTo(playlist.total().minus(Duration.ofMinutes(30)));
		String overflow = PlaylistExports.minutes(playlist.overflow());

		Document day = page("/admin/radio/playlists?date=2027-01-11");
		Element row = day.select("table.playlists tr:has(a[href=/admin/radio/playlists/" + OCCURRENCE + "])").first();
		assertThat(row).isNotNull();
		assertThat(row.hasClass("overflow")).isTrue();
		assertThat(row.text()).contains("Vượt " + overflow).contains("Bản tin sáng");
		assertThat(day.select("a[rel=prev]").attr("href")).endsWith("date=2027-01-10");
		assertThat(day.select("a[rel=next]").attr("href")).endsWith("date=2027-01-12");

		Document page = page("/admin/radio/playlists/" + OCCURRENCE);
		assertThat(page.select(".playlist-overflow").text()).isEqualTo("Vượt " + overflow);
		assertThat(page.select(".playlist-total").text())
			.isEqualTo(PlaylistExports.minutes(playlist.total()) + " / 30:00");
		assertThat(page.select("table.playlist tbody tr")).hasSize(playlist.entries().size());
		assertThat(page.select("table.playlist tbody tr").first().attr("data-source")).isEqualTo("jingle");
		assertThat(page.select("table.playlist tbody tr[data-source=script]").text())
			.contains("Thông báo rất dài về lịch làm việc năm 2027")
			.contains("Đọc trực tiếp");
		for (String suffix : List.of("playlist.m3u8", "playlist.xspf", "playlist.zip", "kich-ban.html")) {
			assertThat(page.select("a[href=/admin/radio/playlists/" + OCCURRENCE + "/" + suffix + "]")).hasSize(1);
		}
	}

	@Test
	void anEntrysAudioAnswersRangesAndAScriptEntryHasNone() throws Exception {
		Playlist playlist = this.playlists.playlist(OCCURRENCE).orElseThrow();
		Playlist.Entry intro = playlist.entries().get(0);
		long size = Files.size(intro.file());
		byte[] part = this.mvc
			.perform(get("/admin/radio/occurrences/{id}/entries/1/audio", OCCURRENCE)
				.header(HttpHeaders.RANGE, "bytes=10-19")
				.session(this.operator))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 10-19/" + size))
			.andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] whole = Files.readAllBytes(intro.file());
		assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 20));
		int script = playlist.scripts().get(0).position();
		this.mvc
			.perform(get("/admin/radio/occurrences/{id}/entries/{p}/audio", OCCURRENCE, script).session(this.operator))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/admin/radio/occurrences/{id}/entries/{p}/audio", OCCURRENCE, playlist.entries().size() + 1)
				.session(this.operator))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/admin/radio/occurrences/{id}/entries/1/audio", "ban-tin-sang_all_20270111T070000")
				.session(this.operator))
			.andExpect(status().isNotFound());
	}

	@Test
	void theScriptSheetPrintsEveryScriptWithItsTimes() throws Exception {
		Playlist playlist = this.playlists.playlist(OCCURRENCE).orElseThrow();
		Document sheet = page("/admin/radio/playlists/" + OCCURRENCE + "/kich-ban.html");
		assertThat(sheet.select("section")).hasSize(playlist.entries().size());
		String text = PlaylistExportsTests.normal(sheet.text());
		for (Playlist.Entry entry : playlist.scripts()) {
			assertThat(text).contains(PlaylistExportsTests.normal(entry.script()));
		}
		// the second entry starts when the intro jingle ends
		Playlist.Entry second = playlist.entries().get(1);
		assertThat(sheet.select("#entry-2 .when").text())
			.startsWith("+" + PlaylistExports.minutes(playlist.offset(second)) + " (lúc 06:00:");
	}

	@Test
	void aBadDateShowsTodayWithTheReason() throws Exception {
		Document day = page("/admin/radio/playlists?date=11/01/2027");
		assertThat(day.select("p.error").text()).contains("NNNN-TT-NN");
		assertThat(day.select("input[name=date]").attr("value")).isEqualTo("2027-01-11");
	}

	private Document page(String path) throws Exception {
		String html = this.mvc.perform(get(path).session(this.operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

}
