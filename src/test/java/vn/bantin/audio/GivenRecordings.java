package vn.bantin.audio;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;

import org.springframework.context.ApplicationContext;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.TestItems;

/**
 * Real MP3 files made for a test by the ffmpeg bundled with jave2 (a tone, through
 * {@link TestRecordings}), and a way to give an item one as its recording through the
 * real ingest. Public for the radio's tests, which play what the audio module made.
 */
public final class GivenRecordings {

	private GivenRecordings() {
	}

	/** A mono MP3 tone of about {@code seconds} seconds, written to {@code file}. */
	public static Path tone(Path file, int seconds, int frequency) throws Exception {
		Files.createDirectories(file.getParent());
		TestRecordings.ffmpeg("-loglevel", "error", "-f", "lavfi", "-i",
				"sine=frequency=" + frequency + ":duration=" + seconds, "-ac", "1", "-ar", "44100", "-b:a", "64k",
				file.toString());
		return file;
	}

	/**
	 * Gives the item a recording through the real ingest (the whole pipeline), has an
	 * approver approve the revision it made (an upload is a change like an edit), and
	 * waits until it is the audio the item plays from. The upload goes through the
	 * context's {@link UploadIntake}, which is not the audio module's API.
	 */
	public static Recording give(ApplicationContext context, RadioAudio audio, TestItems items, ItemCatalog catalog,
			String itemId, Path file) throws Exception {
		try (InputStream input = Files.newInputStream(file)) {
			context.getBean(UploadIntake.class).upload(itemId, file.getFileName().toString(), input, "test");
		}
		items.approve(itemId);
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(() -> audio.forItem(catalog.item(itemId).orElseThrow()), Optional::isPresent)
			.orElseThrow();
	}

}
