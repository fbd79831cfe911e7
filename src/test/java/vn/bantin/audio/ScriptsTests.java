package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptsTests {

	@TempDir
	Path content;

	@Test
	void abbreviationsOfTheCommunesDictionaryAreReadOut() throws IOException {
		dictionary("UBND: ủy ban nhân dân\nCCHC: cải cách hành chính\n", Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(scripts().read("UBND xã tuyên truyền CCHC ngày 7/12"))
			.isEqualTo("ủy ban nhân dân xã tuyên truyền cải cách hành chính ngày bảy tháng mười hai");
	}

	@Test
	void anEditedDictionaryCountsFromTheNextScriptWithoutARestart() throws IOException {
		dictionary("UBND: ủy ban nhân dân\n", Instant.parse("2026-11-01T00:00:00Z"));
		Scripts scripts = scripts();
		assertThat(scripts.read("TTHC mới")).isEqualTo("TTHC mới");
		dictionary("UBND: ủy ban nhân dân\nTTHC: thủ tục hành chính\n", Instant.parse("2026-11-02T00:00:00Z"));
		assertThat(scripts.read("TTHC mới")).isEqualTo("thủ tục hành chính mới");
	}

	@Test
	void aBadLineLeavesTheGoodOnesInForce() throws IOException {
		dictionary("UBND: ủy ban nhân dân\nthis line has no colon\nHĐND: hội đồng nhân dân\n",
				Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(scripts().read("UBND và HĐND")).isEqualTo("ủy ban nhân dân và hội đồng nhân dân");
	}

	@Test
	void withoutADictionaryScriptsKeepTheirAbbreviationsButNumbersAreStillReadOut() {
		assertThat(scripts().read("UBND có 21 thôn")).isEqualTo("UBND có hai mươi mốt thôn");
	}

	private void dictionary(String text, Instant modified) throws IOException {
		Path file = this.content.resolve("radio/viet-tat.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

	private Scripts scripts() {
		BantinProperties properties = new BantinProperties(this.content.resolve("data"), ZoneId.of("Asia/Ho_Chi_Minh"),
				this.content, this.content.resolve("schedules"));
		RadioAudioSettings settings = new RadioAudioSettings(null, -16, -1.5, 1, -50, null, null, 2, "espeak-ng", "vi",
				150, "radio/viet-tat.yaml", null);
		return new Scripts(properties, settings);
	}

}
