package vn.bantin.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.FileStore;
import vn.bantin.system.NodeId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which file, if any, an address under {@code /media/} means: uploads and content-folder
 * files, never anything outside the two media folders, never a kind the site does not
 * serve.
 */
class MediaLibraryTests {

	static final String FOLDER = "0b0e5c7e-1d2a-4f3b-9c4d-5e6f7a8b9c0d";

	@TempDir
	Path root;

	Path data;

	Path content;

	MediaLibrary library;

	@BeforeEach
	void folders() throws IOException {
		this.data = this.root.resolve("data");
		this.content = this.root.resolve("content");
		Files.createDirectories(this.data.resolve("media").resolve(FOLDER));
		Files.createDirectories(this.content.resolve("media/2026"));
		Files.writeString(this.data.resolve("media").resolve(FOLDER).resolve("to-khai.pdf"), "%PDF-1.4 upload");
		Files.writeString(this.content.resolve("media/2026/ban-tin.mp3"), "ID3 content");
		Files.writeString(this.content.resolve("media/tờ khai.pdf"), "%PDF-1.4 content");
		Files.writeString(this.content.resolve("secret.pdf"), "%PDF-1.4 outside media");
		Files.writeString(this.root.resolve("outside.pdf"), "%PDF-1.4 outside");
		this.library = new MediaLibrary(
				new BantinProperties(this.data, ZoneId.of("Asia/Ho_Chi_Minh"), this.content, this.root.resolve("s")),
				FileStore.local(this.data, NodeId.named("test"), Clock.systemUTC()));
	}

	@Test
	void uploadIsFoundAtItsAddressAndNeverChanges() {
		assertThat(this.library.find("/media/" + FOLDER + "/to-khai.pdf")).hasValueSatisfying((file) -> {
			assertThat(file.path().getFileName()).hasToString("to-khai.pdf");
			assertThat(file.type()).isEqualTo("application/pdf");
			assertThat(file.size()).isEqualTo(15);
			assertThat(file.immutable()).isTrue();
		});
	}

	@Test
	void contentFolderFileIsServedUnderMediaAtItsPathAndMayChange() {
		assertThat(this.library.find("media/2026/ban-tin.mp3")).hasValueSatisfying((file) -> {
			assertThat(file.address()).isEqualTo("/media/2026/ban-tin.mp3");
			assertThat(file.type()).isEqualTo("audio/mpeg");
			assertThat(file.audio()).isTrue();
			assertThat(file.immutable()).isFalse();
		});
		assertThat(this.library.atAddress("/media/2026/ban-tin.mp3")).isPresent();
	}

	@Test
	void namesWithSpacesAndVietnameseLettersGetPercentEncodedUrls() {
		assertThat(this.library.find("media/tờ khai.pdf"))
			.hasValueSatisfying((file) -> assertThat(file.url()).isEqualTo("/media/t%E1%BB%9D%20khai.pdf"));
		assertThat(MediaLibrary.url("media/tờ khai.pdf")).contains("/media/t%E1%BB%9D%20khai.pdf");
	}

	@Test
	void nothingOutsideTheMediaFoldersIsFound() {
		assertThat(this.library.atAddress("/media/../secret.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media/../../outside.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media/2026/../../secret.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media//secret.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media/" + FOLDER + "/../../../outside.pdf")).isEmpty();
		assertThat(this.library.find("secret.pdf")).isEmpty();
		assertThat(this.library.find("../outside.pdf")).isEmpty();
	}

	@Test
	void symbolicLinkLeavingTheMediaFolderIsNotFollowed() throws IOException {
		Files.createSymbolicLink(this.content.resolve("media/link.pdf"), this.root.resolve("outside.pdf"));
		assertThat(this.library.atAddress("/media/link.pdf")).isEmpty();
	}

	@Test
	void hiddenFilesAndKindsTheSiteDoesNotServeAreNotFound() throws IOException {
		Files.writeString(this.content.resolve("media/.an.pdf"), "%PDF-1.4");
		Files.writeString(this.content.resolve("media/trang.html"), "<script></script>");
		Files.writeString(this.content.resolve("media/README"), "text");
		assertThat(this.library.atAddress("/media/.an.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media/trang.html")).isEmpty();
		assertThat(this.library.atAddress("/media/README")).isEmpty();
		assertThat(this.library.atAddress("/media/khong-co.pdf")).isEmpty();
		assertThat(this.library.atAddress("/media/2026")).isEmpty();
	}

	@Test
	void uploadAddressWithoutAnUploadFallsBackToTheContentFolder() throws IOException {
		Files.createDirectories(this.content.resolve("media").resolve(FOLDER));
		Files.writeString(this.content.resolve("media").resolve(FOLDER).resolve("ghi-am.mp3"), "ID3");
		assertThat(this.library.atAddress("/media/" + FOLDER + "/ghi-am.mp3"))
			.hasValueSatisfying((file) -> assertThat(file.immutable()).isFalse());
	}

}
