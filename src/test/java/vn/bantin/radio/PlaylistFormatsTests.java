package vn.bantin.radio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Priority;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and scripts as people write them survive every format: decomposed Vietnamese
 * comes out composed (NFC), line breaks (CR, LF, but also NEL U+0085, vertical tab and
 * the Unicode line and paragraph separators, which some readers take for line ends)
 * cannot start a new M3U8 line, characters XML cannot hold are dropped and markup is
 * escaped so that the XSPF still parses, durations are whole seconds in M3U8 (rounded)
 * and milliseconds in XSPF, and file names in the ZIP are ASCII slugs numbered by
 * position.
 */
@RadioWebTest
class PlaylistFormatsTests {

	@Autowired
	PlaylistExports exports;

	@Autowired
	BantinProperties properties;

	@Test
	void awkwardTitlesAndScriptsSurviveM3u8XspfAndTheZip() throws Exception {
		String decomposed = "Tho\u0302ng ba\u0301o";
		String title = decomposed + "\nhọp dân <thôn> & \"xóm\" ]]> \u0001 cuối\u0085tối\u2028nay\u2029nhé\u000Bnhé";
		String script = "Dòng một\u0007.\n\nĐoạn hai <b>không</b> phải HTML & vẫn đọc được.";
		Path intro = this.properties.contentDir().resolve("radio/nhac-hieu-mo-dau.mp3");
		Instant start = SimulatedRadioDayTests.vn("2027-03-01T06:00");
		Playlist playlist = new Playlist(
				new Playlist.Occurrence("ban-tin-sang_thon-1_20270301T060000", "ban-tin-sang", "Bản tin sáng", "thon-1",
						"Thôn\u00851", start, start.plus(Duration.ofMinutes(30)), false),
				List.of(new Playlist.Entry(1, null, "Nhạc hiệu mở đầu", null, null, Playlist.Source.JINGLE, null, intro,
						Duration.ofMillis(12_499), null),
						new Playlist.Entry(2, "hop-dan", title, Priority.NORMAL, "tin-moi", Playlist.Source.SCRIPT,
								null, null, Duration.ofMillis(90_500), script)));

		String m3u8 = this.exports.m3u8(playlist, (entry) -> "http://x/" + entry.position());
		assertThat(m3u8).doesNotContain("\u0085", "\u2028", "\u2029", "\u000B", "\r");
		List<PlaylistExportsTests.M3u8Entry> lines = PlaylistExportsTests.M3u8Entry.parse(m3u8);
		assertThat(lines).extracting(PlaylistExportsTests.M3u8Entry::seconds).containsExactly(12L, 91L);
		assertThat(lines.get(1).title()).isEqualTo("Thông báo họp dân <thôn> & \"xóm\" ]]> cuối tối nay nhé nhé")
			.isNotEqualTo(title);
		assertThat(m3u8).contains("#PLAYLIST:Bản tin sáng – Thôn 1 – 01/03/2027 06:00");

		String xspf = this.exports.xspf(playlist, (entry) -> "http://x/?a=1&b=" + entry.position());
		List<PlaylistExportsTests.XspfTrack> tracks = PlaylistExportsTests.XspfTrack
			.parse(xspf.getBytes(StandardCharsets.UTF_8));
		assertThat(tracks).extracting(PlaylistExportsTests.XspfTrack::durationMillis).containsExactly(12_499L, 90_500L);
		assertThat(tracks.get(0).location()).isEqualTo("http://x/?a=1&b=1");
		assertThat(tracks.get(1).title())
			.isEqualTo("Thông báo\nhọp dân <thôn> & \"xóm\" ]]>  cuối\u0085tối\u2028nay\u2029nhénhé");
		assertThat(tracks.get(1).annotation())
			.isEqualTo("Dòng một.\n\nĐoạn hai <b>không</b> phải HTML & vẫn đọc được.");
		assertThat(tracks.get(1).location()).isNull();
		// an XML Schema dateTime: with its seconds, which OffsetDateTime.toString() drops
		assertThat(xspf).contains("<date>2027-03-01T06:00:00+07:00</date>");

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		this.exports.zip(playlist, Locale.forLanguageTag("vi"), zip);
		Map<String, byte[]> files = PlaylistExportsTests.unzip(zip.toByteArray());
		assertThat(files.keySet()).containsExactlyInAnyOrder("01-nhac-hieu-mo-dau.mp3",
				"ban-tin-sang-2027-03-01-0600-thon-1.m3u8", "ban-tin-sang-2027-03-01-0600-thon-1.xspf",
				PlaylistExports.SHEET);
		String sheet = new String(files.get(PlaylistExports.SHEET), StandardCharsets.UTF_8);
		assertThat(sheet).contains("&lt;b&gt;không&lt;/b&gt;").doesNotContain("<b>không</b>");
	}

}
