package vn.bantin.radio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.audio.GivenRecordings;
import vn.bantin.audio.RadioAudio;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * The exports of one morning bulletin that holds both kinds of item (one with a
 * recording, one read live, Vietnamese titles with characters XML and M3U8 must carry):
 * the M3U8 and the XSPF, parsed back by a small M3U8 reader and a namespace-aware XML
 * parser, give the playlist's entries, titles, durations and order, and locations that
 * answer with the entries' audio; the ZIP holds exactly the files its playlists name,
 * with the source files' bytes, and the script sheet with every script.
 */
@RadioWebTest
class PlaylistExportsTests {

	static final String OCCURRENCE = "ban-tin-sang_all_20261228T060000";

	static final String RECORDED_TITLE = "Lịch tiêm chủng & khám <sức khỏe> cho trẻ em tháng 12";

	static final String RECORDED = "tiem-chung-thang-12-xuat";

	static final String SCRIPT_TITLE = "Thông báo nộp thuế đất phi nông nghiệp năm 2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestItems items;

	@Autowired
	RadioAudio audio;

	@Autowired
	ApplicationContext context;

	@Autowired
	vn.bantin.content.ItemCatalog catalog;

	@Autowired
	BantinProperties properties;

	@Autowired
	MutableClock clock;

	Instant clockBefore;

	String token;

	Path tone;

	@BeforeEach
	void twoPriorityItemsOneRecorded() throws Exception {
		this.clockBefore = this.clock.instant();
		this.clock.set(SimulatedRadioDayTests.vn("2026-12-28T05:00"));
		this.tone = GivenRecordings.tone(this.properties.dataPath("test-audio").resolve("tiem-chung.mp3"), 3, 440);
		String recorded = RECORDED;
		this.token = this.tokens.token(Role.OPERATOR);
		if (this.catalog.item(recorded).isPresent()) {
			return; // made by an earlier test of this class
		}
		this.items.approved(recorded, RECORDED_TITLE, List.of(), List.of(), Priority.PRIORITY, List.of(Channel.RADIO),
				"Kính thưa bà con, lịch tiêm chủng tháng mười hai.");
		GivenRecordings.give(this.context, this.audio, this.items, this.catalog, recorded, this.tone);
		this.clock.advance(Duration.ofMinutes(1));
		this.items.approved("nop-thue-dat-2026-xuat", SCRIPT_TITLE, List.of(), List.of(), Priority.PRIORITY,
				List.of(Channel.RADIO),
				"Kính thưa bà con nhân dân trong xã.\\n\\nĐề nghị các hộ gia đình nộp thuế đất trước ngày ba mươi.");
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void m3u8AndXspfParseBackToThePlaylistAndTheirLocationsPlayTheEntries() throws Exception {
		List<Expected> expected = expected();
		assertThat(expected).extracting(Expected::kind).contains("jingle", "recorded", "script");
		assertThat(expected).extracting(Expected::title).contains(RECORDED_TITLE, SCRIPT_TITLE);

		MockHttpServletResponse m3u8 = this.mvc
			.perform(as(get("/api/radio/occurrences/{id}/playlist.m3u8", OCCURRENCE), this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(m3u8.getContentType()).startsWith("audio/mpegurl").contains("UTF-8");
		List<M3u8Entry> parsedM3u8 = M3u8Entry.parse(new String(m3u8.getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(parsedM3u8).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			Expected entry = expected.get(i);
			M3u8Entry line = parsedM3u8.get(i);
			assertThat(line.title()).isEqualTo(entry.title());
			assertThat(line.seconds()).isEqualTo(entry.seconds());
			assertThat(line.location()).isEqualTo(entry.audio());
			assertThat(line.script()).isEqualTo(entry.kind().equals("script"));
		}

		String xspf = this.mvc.perform(as(get("/api/radio/occurrences/{id}/playlist.xspf", OCCURRENCE), this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<XspfTrack> tracks = XspfTrack.parse(xspf.getBytes(StandardCharsets.UTF_8));
		assertThat(tracks).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			Expected entry = expected.get(i);
			XspfTrack track = tracks.get(i);
			assertThat(track.title()).isEqualTo(entry.title());
			assertThat(track.durationMillis()).isEqualTo(entry.millis());
			assertThat(track.trackNum()).isEqualTo(entry.position());
			assertThat(track.location()).isEqualTo(entry.audio());
			assertThat(track.creator()).isEqualTo("UBND xã Hoằng Trung");
			if (entry.kind().equals("script")) {
				assertThat(track.annotation()).isEqualTo(entry.script());
			}
		}

		// every location answers with its file's bytes; a script has none
		for (Expected entry : expected) {
			if (entry.audio() == null) {
				continue;
			}
			byte[] body = this.mvc.perform(as(get(entry.audio()), this.token))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(body).isEqualTo(Files.readAllBytes(source(entry)));
		}
		int script = expected.stream().filter((entry) -> entry.audio() == null).findFirst().orElseThrow().position();
		this.mvc.perform(as(get("/api/radio/occurrences/{id}/entries/{p}/audio", OCCURRENCE, script), this.token))
			.andExpect(status().isNotFound());
	}

	@Test
	void theZipHoldsExactlyWhatItsPlaylistsListWithTheSourceBytesAndEveryScript() throws Exception {
		List<Expected> expected = expected();
		MockHttpServletResponse response = this.mvc
			.perform(as(get("/api/radio/occurrences/{id}/playlist.zip", OCCURRENCE), this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.contains("ban-tin-sang-2026-12-28-0600-all.zip");
		Map<String, byte[]> zip = unzip(response.getContentAsByteArray());

		String m3u8Name = zip.keySet().stream().filter((name) -> name.endsWith(".m3u8")).findFirst().orElseThrow();
		String xspfName = zip.keySet().stream().filter((name) -> name.endsWith(".xspf")).findFirst().orElseThrow();
		List<M3u8Entry> m3u8 = M3u8Entry.parse(new String(zip.get(m3u8Name), StandardCharsets.UTF_8));
		List<XspfTrack> xspf = XspfTrack.parse(zip.get(xspfName));
		List<String> m3u8Locations = m3u8.stream().map(M3u8Entry::location).filter((l) -> l != null).toList();
		List<String> xspfLocations = xspf.stream().map(XspfTrack::location).filter((l) -> l != null).toList();

		// relative names, the same in both, one per audio entry in order
		assertThat(m3u8Locations).containsExactlyElementsOf(xspfLocations)
			.allSatisfy((location) -> assertThat(location).doesNotContain("/", ":"))
			.hasSize((int) expected.stream().filter((entry) -> entry.audio() != null).count());
		assertThat(m3u8Locations.get(0)).isEqualTo("01-nhac-hieu-mo-dau.mp3");
		// the ZIP holds exactly those, both playlists and the sheet
		List<String> listed = new ArrayList<>(m3u8Locations);
		listed.addAll(List.of(m3u8Name, xspfName, PlaylistExports.SHEET));
		assertThat(zip.keySet()).containsExactlyInAnyOrderElementsOf(listed);
		// with the source files' bytes
		List<Expected> audible = expected.stream().filter((entry) -> entry.audio() != null).toList();
		for (int i = 0; i < audible.size(); i++) {
			assertThat(zip.get(m3u8Locations.get(i))).as(m3u8Locations.get(i))
				.isEqualTo(Files.readAllBytes(source(audible.get(i))));
		}
		assertThat(xspf).extracting(XspfTrack::title)
			.containsExactlyElementsOf(expected.stream().map(Expected::title).toList());

		// the sheet: standalone UTF-8 HTML with every script and entry
		String html = new String(zip.get(PlaylistExports.SHEET), StandardCharsets.UTF_8);
		org.jsoup.nodes.Document sheet = Jsoup.parse(html);
		assertThat(sheet.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
		assertThat(sheet.select("link[rel=stylesheet], script[src], img")).isEmpty();
		assertThat(sheet.select("style").html()).contains("@page").contains("A4");
		assertThat(sheet.select("section")).hasSameSizeAs(expected);
		String text = normal(sheet.text());
		for (Expected entry : expected) {
			assertThat(text).contains(entry.title());
			if (entry.script() != null) {
				assertThat(text).contains(normal(entry.script()));
			}
		}
	}

	/** The playlist as the JSON API gives it. */
	private List<Expected> expected() throws Exception {
		String json = this.mvc.perform(as(get("/api/radio/occurrences/{id}/playlist", OCCURRENCE), this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> entries = JsonPath.read(json, "$.entries");
		return entries.stream()
			.map((entry) -> new Expected(((Number) entry.get("position")).intValue(), (String) entry.get("kind"),
					(String) entry.get("title"), ((Number) entry.get("durationSeconds")).longValue(),
					((Number) entry.get("durationMillis")).longValue(), (String) entry.get("script"),
					(String) entry.get("audio")))
			.toList();
	}

	private Path source(Expected entry) {
		return switch (entry.kind()) {
			case "jingle" -> this.properties.contentDir()
				.resolve(entry.position() == 1 ? "radio/nhac-hieu-mo-dau.mp3" : "radio/nhac-hieu-ket-thuc.mp3");
			// the broadcast copy the ingest made of the tone
			case "recorded" -> this.audio.forItem(this.catalog.item(RECORDED).orElseThrow()).orElseThrow().file();
			default -> throw new IllegalArgumentException(entry.kind());
		};
	}

	static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				assertThat(files).as("entries of the zip").doesNotContainKey(entry.getName());
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		return files;
	}

	static String normal(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	record Expected(int position, String kind, String title, long seconds, long millis, String script, String audio) {
	}

	/**
	 * One entry of an M3U8 playlist as a player reads it: {@code #EXTINF} with the next
	 * URI line, or this application's {@code #BANTIN-SCRIPT} comment.
	 */
	record M3u8Entry(long seconds, String title, String location, boolean script) {

		static List<M3u8Entry> parse(String text) {
			// any Unicode line break ends a line here, as for the least forgiving player
			List<String> lines = List.of(text.split("\\R"));
			assertThat(lines.get(0)).isEqualTo("#EXTM3U");
			List<M3u8Entry> entries = new ArrayList<>();
			for (int i = 1; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.startsWith("#EXTINF:")) {
					String[] parts = line.substring("#EXTINF:".length()).split(",", 2);
					String location = lines.get(++i);
					assertThat(location).doesNotStartWith("#").isNotBlank();
					entries.add(new M3u8Entry(Long.parseLong(parts[0]), parts[1], location, false));
				}
				else if (line.startsWith("#BANTIN-SCRIPT:")) {
					String[] parts = line.substring("#BANTIN-SCRIPT:".length()).split(",", 2);
					entries.add(new M3u8Entry(Long.parseLong(parts[0]), parts[1], null, true));
				}
				else {
					assertThat(line).as("line %d", i + 1).startsWith("#");
				}
			}
			return entries;
		}

	}

	/** One track of an XSPF playlist, read with a namespace-aware parser. */
	record XspfTrack(String location, String title, String creator, String annotation, int trackNum,
			long durationMillis) {

		static List<XspfTrack> parse(byte[] xml) throws Exception {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
			Element root = document.getDocumentElement();
			assertThat(root.getNamespaceURI()).isEqualTo(PlaylistExports.XSPF);
			assertThat(root.getLocalName()).isEqualTo("playlist");
			assertThat(root.getAttribute("version")).isEqualTo("1");
			NodeList tracks = root.getElementsByTagNameNS(PlaylistExports.XSPF, "track");
			List<XspfTrack> parsed = new ArrayList<>();
			for (int i = 0; i < tracks.getLength(); i++) {
				Element track = (Element) tracks.item(i);
				parsed.add(new XspfTrack(child(track, "location"), child(track, "title"), child(track, "creator"),
						child(track, "annotation"), Integer.parseInt(child(track, "trackNum")),
						Long.parseLong(child(track, "duration"))));
			}
			return parsed;
		}

		private static String child(Element track, String name) {
			NodeList found = track.getElementsByTagNameNS(PlaylistExports.XSPF, name);
			return (found.getLength() == 0) ? null : found.item(0).getTextContent();
		}

	}

}
