package vn.bantin.radio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The pipeline on real recordings in every accepted format, its output checked with an
 * independent ebur128 measurement.
 */
class AudioPipelineTests {

	static final RadioSettings SETTINGS = new RadioSettings(null, -16, -1.5, 1, -50, DataSize.ofMegabytes(200),
			java.time.Duration.ofMinutes(60), 2, "espeak-ng", "vi", 150, null, null, "radio/viet-tat.yaml", null);

	@TempDir
	static Path dir;

	static Path speech;

	final AudioPipeline pipeline = new AudioPipeline(SETTINGS);

	@BeforeAll
	static void speech() throws Exception {
		speech = TestRecordings.speech(dir, "speech", 8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mp3", "wav", "m4a", "aac", "ogg", "opus", "flac", "amr", "3gp" })
	void everyAcceptedFormatBecomesBroadcastReadyMonoMp3(String format) throws Exception {
		Path input = TestRecordings.encode(speech, dir, format);
		Path out = process(input, format);
		assertBroadcastReady(out);
	}

	@Test
	void veryQuietAndClippingRecordingsEndAtTheTarget() throws Exception {
		Path quiet = TestRecordings.gain(speech, dir.resolve("quiet.wav"), -17);
		assertThat(TestRecordings.measure(quiet).integrated()).isLessThan(-30);
		assertBroadcastReady(process(quiet, "quiet"));
		Path loud = TestRecordings.gain(speech, dir.resolve("loud.wav"), 14);
		assertBroadcastReady(process(loud, "loud"));
	}

	private Path process(Path input, String name) throws Exception {
		Path work = Files.createDirectories(dir.resolve("work-" + name));
		Path upload = work.resolve("upload");
		Files.copy(input, upload);
		AudioPipeline.Probe probe = this.pipeline.probe(upload);
		AudioPipeline.Measured measured = this.pipeline.measure(upload, probe, NOTHING);
		Path out = work.resolve("out.mp3");
		this.pipeline.normalise(upload, measured,
				new AudioPipeline.Tags("Thông báo tiêm chủng", "Xã Yên Hòa", LocalDate.of(2026, 11, 30)), out, work,
				NOTHING);
		return out;
	}

	static void assertBroadcastReady(Path out) throws Exception {
		TestRecordings.Measurement m = TestRecordings.measure(out);
		assertThat(m.codec()).isEqualTo("mp3");
		assertThat(m.sampleRate()).isEqualTo(44100);
		assertThat(m.channels()).isEqualTo("mono");
		assertThat(m.kbps()).isEqualTo(64);
		assertThat(m.integrated()).as(m.stderr()).isCloseTo(-16.0, within(1.0));
		assertThat(m.truePeak()).isLessThanOrEqualTo(-1.5);
	}

	static final AudioPipeline.Stages NOTHING = new AudioPipeline.Stages() {
		@Override
		public void stage(String name, int percent) {
		}

		@Override
		public void progress(double position, double total) {
		}
	};

}
