package vn.bantin.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Durations read by the real ffmpeg the application chooses here (Debian's where it is
 * installed, as on CI; else the one bundled with jave2), from real files: a WAV of known
 * length written here, the shipped sample MP3, and files ffmpeg cannot read.
 */
@ExtendWith(OutputCaptureExtension.class)
class AudioDurationsTests {

	@TempDir
	Path folder;

	final AudioDurations durations = new AudioDurations(FfmpegLocator.of(FfmpegLocator.AUTO));

	/** A mono 16-bit 8 kHz WAV of a 440 Hz tone lasting {@code seconds}. */
	static Path wav(Path file, double seconds) throws IOException {
		float rate = 8000;
		int frames = (int) Math.round(seconds * rate);
		byte[] samples = new byte[frames * 2];
		for (int i = 0; i < frames; i++) {
			short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
			samples[2 * i] = (byte) sample;
			samples[2 * i + 1] = (byte) (sample >> 8);
		}
		AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), format, frames)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

	@Test
	void durationOfAGeneratedWavMatchesItsLength() throws IOException {
		Path file = wav(this.folder.resolve("ba-giay-ruoi.wav"), 3.25);
		assertThat(this.durations.of(file))
			.hasValueSatisfying((duration) -> assertThat(duration.toMillis() / 1000.0).isCloseTo(3.25, within(0.1)));
	}

	@Test
	void durationOfTheSampleBulletinIsAboutTwentyFourSeconds() {
		assertThat(this.durations.of(Path.of("content/media/ban-tin-cchc-dai-truyen-thanh.mp3")))
			.hasValueSatisfying((duration) -> assertThat(duration.toMillis() / 1000.0).isCloseTo(23.6, within(0.5)));
	}

	@Test
	void unreadableFileHasNoDurationAndIsLogged(CapturedOutput output) throws IOException {
		Path garbage = Files.write(this.folder.resolve("hong.mp3"), new byte[12345]);
		assertThat(this.durations.of(garbage)).isEmpty();
		assertThat(output).contains("No audio duration for " + garbage.toAbsolutePath());
		assertThat(this.durations.of(this.folder.resolve("khong-co.mp3"))).isEmpty();
		assertThat(output).contains("khong-co.mp3: cannot read the file");
	}

	@Test
	void durationIsKeptWhileSizeAndModificationTimeStayTheSame() throws IOException {
		Path file = wav(this.folder.resolve("ban-tin.wav"), 2.0);
		FileTime written = Files.getLastModifiedTime(file);
		assertThat(this.durations.of(file)).map(Duration::toSeconds).contains(2L);

		// same size and time: the kept answer, without asking ffmpeg (which could not
		// read
		// these bytes)
		Files.write(file, new byte[(int) Files.size(file)]);
		Files.setLastModifiedTime(file, written);
		assertThat(this.durations.of(file)).map(Duration::toSeconds).contains(2L);

		// another version: probed again
		Files.setLastModifiedTime(file, FileTime.fromMillis(written.toMillis() + 60_000));
		assertThat(this.durations.of(file)).isEmpty();
		wav(file, 5.0);
		assertThat(this.durations.of(file)).map(Duration::toSeconds).contains(5L);
	}

	@Test
	void otherMediaHasNoDuration() throws IOException {
		Path pdf = Files.writeString(this.folder.resolve("to-khai.pdf"), "%PDF-1.4");
		assertThat(this.durations.of(new MediaFile(pdf, "/media/to-khai.pdf", "application/pdf", 8,
				Files.getLastModifiedTime(pdf).toInstant(), false)))
			.isEmpty();
	}

}
