package vn.bantin.radio;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;

import vn.bantin.content.ItemView;

/**
 * Real MP3 files made for a test by the ffmpeg bundled with jave2 (a tone, through
 * {@link TestRecordings}), and a way to give an item one as its recording through the
 * real ingest.
 */
final class GivenRecordings {

	private GivenRecordings() {
	}

	/** A mono MP3 tone of about {@code seconds} seconds, written to {@code file}. */
	static Path tone(Path file, int seconds, int frequency) throws Exception {
		Files.createDirectories(file.getParent());
		TestRecordings.ffmpeg("-loglevel", "error", "-f", "lavfi", "-i",
				"sine=frequency=" + frequency + ":duration=" + seconds, "-ac", "1", "-ar", "44100", "-b:a", "64k",
				file.toString());
		return file;
	}

	/**
	 * Gives the item a recording through the real ingest (the whole pipeline) and waits
	 * until it is the audio the item plays from.
	 */
	static Recording give(AudioIngest ingest, RadioAudio audio, ItemView item, Path file) throws Exception {
		try (InputStream input = Files.newInputStream(file)) {
			ingest.upload(item.id(), file.getFileName().toString(), input, "test");
		}
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(() -> audio.forItem(item), Optional::isPresent)
			.orElseThrow();
	}

}
