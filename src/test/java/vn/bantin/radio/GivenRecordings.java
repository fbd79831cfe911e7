package vn.bantin.radio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import vn.bantin.content.ItemView;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;

/**
 * Real MP3 files made for a test by the ffmpeg bundled with jave2 (a tone), and a way to
 * make the {@link RadioAudio} spy of {@link RadioWebTest} return one as an item's
 * recording, whatever the ingest does for other items.
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

	/** Makes the spy answer this recording for the item with this id. */
	static Recording give(RadioAudio spy, String itemId, long id, Path file, Duration duration) throws IOException {
		String sha256;
		try {
			sha256 = HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		Recording recording = new Recording(id, itemId, file, duration, false, sha256);
		doReturn(Optional.of(recording)).when(spy)
			.forItem(argThat((ItemView item) -> item != null && itemId.equals(item.id())));
		doReturn(Optional.of(recording)).when(spy).find(id);
		return recording;
	}

}
