package vn.bantin.radio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import vn.bantin.content.ItemView;

/**
 * Real MP3 files made for a test by the ffmpeg bundled with jave2 (a tone), and a way to
 * give an item one as its recording through the real ingest.
 */
final class GivenRecordings {

	private GivenRecordings() {
	}

	/** A mono MP3 tone of about {@code seconds} seconds, written to {@code file}. */
	static Path tone(Path file, int seconds, int frequency) throws IOException, InterruptedException {
		Files.createDirectories(file.getParent());
		List<String> command = new ArrayList<>(
				List.of(new DefaultFFMPEGLocator().getExecutablePath(), "-nostdin", "-hide_banner", "-loglevel",
						"error", "-y", "-f", "lavfi", "-i", "sine=frequency=" + frequency + ":duration=" + seconds,
						"-ac", "1", "-ar", "44100", "-b:a", "64k", file.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(file)) {
			throw new IOException("ffmpeg could not make " + file + ": " + output);
		}
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
