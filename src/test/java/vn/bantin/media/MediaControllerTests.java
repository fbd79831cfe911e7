package vn.bantin.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Media over HTTP, through the whole application: the shipped sample recording from the
 * content folder and a file uploaded to the data folder, with exact byte ranges (phones
 * seek in podcasts), lengths, types, caching, and refusals of everything else. HEAD and
 * what really goes over the wire are in {@link MediaOverHttpTests}.
 */
@BantinWebTest
class MediaControllerTests {

	static final String SAMPLE = "/media/ban-tin-cchc-dai-truyen-thanh.mp3";

	@Autowired
	MockMvc mvc;

	@Autowired
	BantinProperties properties;

	@Autowired
	TestPublishedItems published;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	byte[] sample;

	String upload;

	byte[] uploaded;

	@BeforeEach
	void files() throws Exception {
		this.sample = Files
			.readAllBytes(this.properties.contentDir().resolve("media/ban-tin-cchc-dai-truyen-thanh.mp3"));
		String folder = UUID.randomUUID().toString();
		Path file = this.properties.dataPath("media").resolve(folder).resolve("ghi-am.mp3");
		Files.createDirectories(file.getParent());
		this.uploaded = new byte[5000];
		for (int i = 0; i < this.uploaded.length; i++) {
			this.uploaded[i] = (byte) (i * 31);
		}
		Files.write(file, this.uploaded);
		this.upload = "/media/" + folder + "/ghi-am.mp3";
		// residents get an upload once a published item refers to it
		this.published.published(this.clock.instant(), "Bản tin có tệp ghi âm " + folder, null, null, "Nội dung.",
				List.of(), List.of(), null, this.upload);
	}

	@Test
	void anUploadNoPublishedItemRefersToIsStaffsOnly() throws Exception {
		String folder = UUID.randomUUID().toString();
		Path file = this.properties.dataPath("media").resolve(folder).resolve("ban-nhap.mp3");
		Files.createDirectories(file.getParent());
		Files.write(file, this.uploaded);
		String address = "/media/" + folder + "/ban-nhap.mp3";

		this.mvc.perform(get(address)).andExpect(status().isNotFound());
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get(address).session(editor))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"));
	}

	@Test
	void fullAnswerHasTheFileSizeTypeAndAcceptsRanges() throws Exception {
		MvcResult result = this.mvc.perform(get(SAMPLE))
			.andExpect(status().isOk())
			.andExpect(content().contentType("audio/mpeg"))
			.andExpect(header().string(HttpHeaders.CONTENT_LENGTH, String.valueOf(this.sample.length)))
			.andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
			.andReturn();
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(this.sample);
	}

	@Test
	void rangeRequestGetsExactlyThoseBytes() throws Exception {
		MvcResult result = this.mvc.perform(get(SAMPLE).header(HttpHeaders.RANGE, "bytes=1000-1999"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + this.sample.length))
			.andExpect(header().string(HttpHeaders.CONTENT_LENGTH, "1000"))
			.andExpect(content().contentType("audio/mpeg"))
			.andReturn();
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(this.sample, 1000, 2000));
	}

	@Test
	void openEndedAndSuffixRangesGetTheEndOfTheFile() throws Exception {
		int length = this.sample.length;
		MvcResult suffix = this.mvc.perform(get(SAMPLE).header(HttpHeaders.RANGE, "bytes=-500"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE,
					"bytes " + (length - 500) + "-" + (length - 1) + "/" + length))
			.andReturn();
		assertThat(suffix.getResponse().getContentAsByteArray())
			.isEqualTo(Arrays.copyOfRange(this.sample, length - 500, length));
		MvcResult open = this.mvc.perform(get(this.upload).header(HttpHeaders.RANGE, "bytes=4990-"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 4990-4999/5000"))
			.andReturn();
		assertThat(open.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(this.uploaded, 4990, 5000));
	}

	@Test
	void rangeBeyondTheEndIsNotSatisfiable() throws Exception {
		this.mvc.perform(get(SAMPLE).header(HttpHeaders.RANGE, "bytes=" + this.sample.length + "-"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */" + this.sample.length));
		this.mvc.perform(get(this.upload).header(HttpHeaders.RANGE, "bytes=9000-9100"))
			.andExpect(status().isRequestedRangeNotSatisfiable());
	}

	@Test
	void uploadsAreKeptForAYearContentFilesAreRevalidated() throws Exception {
		this.mvc.perform(get(this.upload))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable"))
			.andExpect(header().string(HttpHeaders.CONTENT_LENGTH, "5000"));
		MvcResult result = this.mvc.perform(get(SAMPLE))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, public"))
			.andReturn();
		String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
		String lastModified = result.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
		assertThat(etag).isNotBlank();
		assertThat(lastModified).isNotBlank();
		this.mvc.perform(get(SAMPLE).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
		this.mvc.perform(get(SAMPLE).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
			.andExpect(status().isNotModified());
		this.mvc.perform(get(SAMPLE).header(HttpHeaders.IF_NONE_MATCH, "\"autre\"")).andExpect(status().isOk());
	}

	@Test
	void pathTraversalIsRefused() throws Exception {
		for (String attempt : new String[] { "/media/../pom.xml", "/media/%2e%2e/pom.xml", "/media/%2E%2E/pom.xml",
				"/media/..%2Fpom.xml", "/media/..%2fcontent%2fREADME.md", "/media/%252e%252e/pom.xml",
				"/media/..\\pom.xml", "/media/%5c..%5cpom.xml", "/media/....//pom.xml", "/media/./../pom.xml" }) {
			MvcResult result = this.mvc.perform(get(attempt)).andReturn();
			assertThat(result.getResponse().getStatus()).as(attempt).isBetween(400, 404);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(attempt)
				.doesNotContain("<artifactId>");
		}
	}

	@Test
	void unknownExtensionsAndMissingFilesAreNotFound() throws Exception {
		Path page = this.properties.dataPath("media").resolve(UUID.randomUUID().toString()).resolve("trang.html");
		Files.createDirectories(page.getParent());
		Files.writeString(page, "<script>alert(1)</script>");
		this.mvc.perform(get("/media/" + page.getParent().getFileName() + "/trang.html"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/media/ban-tin-cchc-dai-truyen-thanh.exe")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/khong-co.mp3")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/")).andExpect(status().isNotFound());
	}

}
