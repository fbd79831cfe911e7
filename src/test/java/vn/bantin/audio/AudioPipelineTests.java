package vn.bantin.audio;

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

	static final RadioAudioSettings SETTINGS = new RadioAudioSettings(null, -16, -1.5, 1, -50,
			DataSize.ofMegabytes(200), java.time.Duration.ofMinutes(60), 2, "espeak-ng", "vi", 150,
			"radio/viet-tat.yaml", null);

	@TempDir
	static Path dir;

	static Path speech;

	final AudioPipeline pipeline = new AudioPipeline(SETTINGS, TestRecordings.FFMPEG);

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
	void theBundledFfmpegStillMakesABroadcastReadyCopyWhereTheSystemHasNone() throws Exception {
		AudioPipeline bundled = new AudioPipeline(SETTINGS, TestRecordings.BUNDLED);
		assertBroadcastReady(process(bundled, TestRecordings.encode(speech, dir, "mp3"), "bundled"));
	}

	@Test
	void veryQuietAndClippingRecordingsEndAtTheTarget() throws Exception {
		Path quiet = TestRecordings.gain(speech, dir.resolve("quiet.wav"), -17);
		assertThat(TestRecordings.measure(quiet).integrated()).isLessThan(-30);
		assertBroadcastReady(process(quiet, "quiet"));
		Path loud = TestRecordings.gain(speech, dir.resolve("loud.wav"), 14);
		assertBroadcastReady(process(loud, "loud"));
	}

	@Test
	void leadingAndTrailingSilenceIsTrimmedButAPauseInsideSpeechIsKept() throws Exception {
		Path padded = TestRecordings.padded(speech, dir.resolve("padded.wav"), 3, 2, 3);
		double speechSeconds = TestRecordings.measure(speech).seconds();
		Path out = process(padded, "padded");
		TestRecordings.Measurement m = TestRecordings.measure(out);
		// 3 s before and 3 s after are gone (a tenth of a second is kept at each end)
		assertThat(m.seconds()).isCloseTo(2 * speechSeconds + 2, within(1.0));
		List<double[]> pauses = TestRecordings.silences(out, 1.5);
		assertThat(pauses).as("the 2 s pause inside").hasSize(1);
		assertThat(pauses.get(0)[1] - pauses.get(0)[0]).isGreaterThan(1.8);
		assertThat(pauses.get(0)[0]).isGreaterThan(speechSeconds - 1.5);
	}

	@Test
	void theBroadcastCopyCarriesVietnameseTagsInUtf8() throws Exception {
		Path out = process(TestRecordings.encode(speech, dir, "flac"), "tags");
		String tags = TestRecordings.tags(out);
		assertThat(tags).contains("title=Thông báo tiêm chủng")
			.contains("artist=Xã Yên Hòa")
			.contains("publisher=Xã Yên Hòa")
			.contains("date=2026-11-30");
	}

	@Test
	void filesThatAreNotAudioAreRefusedWhateverTheirName() throws Exception {
		Path text = Files.writeString(dir.resolve("thong-bao.mp3"),
				"Đây là văn bản, không phải âm thanh.\n".repeat(50));
		assertRefused(text, AudioRefused.Kind.UNSUPPORTED, "audio.refused.not-audio");
		Path jpeg = dir.resolve("anh.mp3");
		TestRecordings.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1", "-f", "mjpeg",
				jpeg.toString());
		assertRefused(jpeg, AudioRefused.Kind.UNSUPPORTED, "audio.refused.not-audio");
		byte[] garbage = new byte[200_000];
		new java.util.Random(7).nextBytes(garbage);
		assertRefused(Files.write(dir.resolve("rac.wav"), garbage), AudioRefused.Kind.UNSUPPORTED,
				"audio.refused.not-audio");
	}

	@Test
	void emptyTruncatedSilentAndTooLongRecordingsAreRefused() throws Exception {
		assertRefused(Files.write(dir.resolve("rong.mp3"), new byte[0]), AudioRefused.Kind.UNUSABLE,
				"audio.refused.empty");
		Path m4a = TestRecordings.encode(speech, dir, "m4a");
		byte[] whole = Files.readAllBytes(m4a);
		Path cut = Files.write(dir.resolve("cut.m4a"), java.util.Arrays.copyOf(whole, whole.length / 2));
		assertRefused(cut, AudioRefused.Kind.UNUSABLE, "audio.refused.damaged");
		Path wav = TestRecordings.encode(speech, dir, "wav");
		byte[] wavBytes = Files.readAllBytes(wav);
		Path cutWav = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(wavBytes, wavBytes.length / 3));
		assertRefused(cutWav, AudioRefused.Kind.UNUSABLE, "audio.refused.damaged");
		assertRefused(TestRecordings.silence(dir.resolve("lang.wav"), 5), AudioRefused.Kind.UNUSABLE,
				"audio.refused.silent");
		AudioPipeline shortOnly = new AudioPipeline(new RadioAudioSettings(null, -16, -1.5, 1, -50,
				DataSize.ofMegabytes(200), java.time.Duration.ofSeconds(5), 2, "", "vi", 150, null, null),
				TestRecordings.FFMPEG);
		assertThatExceptionOfType(AudioRefused.class).isThrownBy(() -> shortOnly.probe(speech))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("audio.refused.too-long"));
	}

	private void assertRefused(Path file, AudioRefused.Kind kind, String key) {
		assertThatExceptionOfType(AudioRefused.class).isThrownBy(() -> {
			AudioPipeline.Probe probe = this.pipeline.probe(file);
			this.pipeline.measure(file, probe, NOTHING);
		}).satisfies((refused) -> {
			assertThat(refused.messageKey()).as(refused.getMessage()).isEqualTo(key);
			assertThat(refused.kind()).isEqualTo(kind);
		});
	}

	private Path process(Path input, String name) throws Exception {
		return process(this.pipeline, input, name);
	}

	private static Path process(AudioPipeline pipeline, Path input, String name) throws Exception {
		Path work = Files.createDirectories(dir.resolve("work-" + name));
		Path upload = work.resolve("upload");
		Files.copy(input, upload);
		AudioPipeline.Probe probe = pipeline.probe(upload);
		AudioPipeline.Measured measured = pipeline.measure(upload, probe, NOTHING);
		Path out = work.resolve("out.mp3");
		AudioPipeline.Result result = pipeline.normalise(upload, measured,
				new AudioPipeline.Tags("Thông báo tiêm chủng", "Xã Yên Hòa", LocalDate.of(2026, 11, 30)), out, work,
				NOTHING);
		assertThat(result.normalisation()).as("loudnorm stayed linear").isEqualTo("linear");
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
