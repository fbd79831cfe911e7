package vn.bantin.site;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shipped sample radio item, whose recording is a real spoken MP3 in the content
 * folder: its page plays it from an address that answers, and the podcast carries it with
 * its byte length, type and {@code itunes:duration}, with the JVM's default locale set to
 * Vietnamese.
 */
@BantinWebTest
class SampleRadioItemTests {

	static final String ID = "chuyen-muc-cchc-tren-dai-truyen-thanh";

	static final String AUDIO = "/media/ban-tin-cchc-dai-truyen-thanh.mp3";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems published;

	@Autowired
	MutableClock clock;

	@Autowired
	BantinProperties properties;

	Locale defaultLocale;

	Instant clockBefore;

	long size;

	@BeforeEach
	void publishTheSampleUnderAVietnameseLocale() throws Exception {
		this.defaultLocale = Locale.getDefault();
		this.clockBefore = this.clock.instant();
		Locale.setDefault(Locale.forLanguageTag("vi-VN"));
		this.published.visibleNow(ID);
		this.size = Files.size(this.properties.contentDir().resolve(AUDIO.substring(1)));
	}

	@AfterEach
	void restoreLocaleAndClock() {
		Locale.setDefault(this.defaultLocale);
		this.clock.set(this.clockBefore);
	}

	@Test
	void itemPagePlaysTheRecordingFromAnAddressThatAnswers() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/items/" + ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("audio[controls] source[src=" + AUDIO + "][type=audio/mpeg]")).hasSize(1);
		assertThat(page.select(".attachments a[href=" + AUDIO + "]").text())
			.isEqualTo("Bản ghi âm chuyên mục cải cách hành chính (MP3, 24 giây)");
		this.mvc.perform(get(AUDIO))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_LENGTH, String.valueOf(this.size)))
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "audio/mpeg"));
	}

	@Test
	void podcastCarriesTheRecordingWithItsDurationLengthAndType() throws Exception {
		String xml = this.mvc.perform(get("/feeds/podcast.xml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(xml).contains("<itunes:duration>00:00:24</itunes:duration>");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		List<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).toList();
		assertThat(ids).contains("urn:bantin:item:" + ID);
		SyndEntry episode = feed.getEntries().get(ids.indexOf("urn:bantin:item:" + ID));
		assertThat(episode.getTitle()).isEqualTo("Nghe lại chuyên mục cải cách hành chính trên Đài truyền thanh xã");
		EntryInformation itunes = (EntryInformation) episode.getModule(EntryInformation.URI);
		assertThat(itunes.getDuration().getMilliseconds()).isEqualTo(24_000);
		assertThat(episode.getEnclosures()).singleElement().satisfies((enclosure) -> {
			assertThat(enclosure.getUrl()).isEqualTo("http://localhost" + AUDIO);
			assertThat(enclosure.getLength()).isEqualTo(this.size);
			assertThat(enclosure.getType()).isEqualTo("audio/mpeg");
		});
	}

}
