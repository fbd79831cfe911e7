package vn.bantin.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.bantin.media.FfmpegLocator;

/**
 * Makes a recording broadcast-ready with ffmpeg (the one {@link FfmpegLocator} chose), so
 * that every item plays at the same loudness on the commune loudspeakers:
 * <ol>
 * <li><b>probe</b>: what the content is (ffmpeg's demuxer and the audio stream, never the
 * file name); anything else is refused;</li>
 * <li><b>measure</b>: decode it all once, measuring its loudness and true peak
 * ({@code ebur128}) and where sound starts and ends ({@code silencedetect}); a damaged,
 * truncated, silent or too long recording is refused here;</li>
 * <li><b>normalise</b>: trim the silence before the first and after the last sound only
 * ({@code atrim} at the measured points, so no pause inside speech is touched), mix to
 * mono, bring it near the target, limit its peaks ({@code alimiter}), then the two-pass
 * EBU R128 {@code loudnorm}: pass 1 measures, pass 2 applies the measured values with
 * {@code linear=true}. When pass 2 says it had to fall back to dynamic normalisation
 * (peaks too high for a plain gain), the limiter is made stronger and pass 2 runs again;
 * pass 1's numbers already tell whether a plain gain would do (its true peak plus the
 * gain it needs under the target), so the limiter is made stronger before pass 2 when it
 * would not; the type applied is recorded;</li>
 * <li><b>encode</b>: mono MP3, CBR 64 kb/s, 44.1 kHz, with UTF-8 ID3v2.4 tags (title,
 * commune as artist and publisher, date);</li>
 * <li><b>verify</b>: measure the encoded file again. When the encoder raised the peaks
 * above the ceiling (heavily limited material overshoots more), normalising and encoding
 * run again aiming that much lower; outside the tolerance around the target, or still
 * above the ceiling, it is refused with the numbers.</li>
 * </ol>
 * Stateless apart from its settings; safe to use from several workers at once. The module
 * has one, so that {@link #stop()} ends every ffmpeg that audio runs (the upload probes
 * as well as the workers' passes).
 */
@Component
final class AudioPipeline {

	private static final Pattern INPUT = Pattern.compile("Input #0, (.+?), from '");

	private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");

	private static final Pattern AUDIO_STREAM = Pattern.compile("Stream #0:\\d+[^:]*: Audio: (\\w+)");

	private static final Pattern BRAND = Pattern.compile("major_brand\\s*:\\s*(\\S+)");

	private static final Pattern SILENCE_START = Pattern.compile("silence_start: (-?[\\d.]+)");

	private static final Pattern SILENCE_END = Pattern.compile("silence_end: (-?[\\d.]+)");

	private static final Pattern TIME = Pattern.compile("time=(\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");

	/** Silence kept before the first and after the last sound, so no onset is clipped. */
	static final double EDGE_SECONDS = 0.1;

	/**
	 * How far below the ceiling loudnorm aims, for what the MP3 encoder adds to peaks.
	 */
	static final double ENCODER_HEADROOM = 1.0;

	/**
	 * How far below loudnorm's true-peak target the limiter holds sample peaks at first.
	 */
	static final double LIMITER_HEADROOM = 1.0;

	private static final int ATTEMPTS = 4;

	/**
	 * How many times the encoding is redone with more headroom when the MP3 overshoots.
	 */
	private static final int ENCODER_ROUNDS = 3;

	private final RadioAudioSettings settings;

	private final Ffmpeg ffmpeg;

	AudioPipeline(RadioAudioSettings settings, FfmpegLocator ffmpeg) {
		this.settings = settings;
		this.ffmpeg = new Ffmpeg(ffmpeg, Duration.ofMinutes(30).plus(settings.maxDuration().multipliedBy(2)));
	}

	/**
	 * Ends the ffmpeg processes running now; their processing fails or is queued again.
	 */
	void stop() {
		this.ffmpeg.stopAll();
	}

	/**
	 * What a file holds, from its headers only (quick: nothing is decoded): refused when
	 * it is empty, not audio, not an accepted format or longer than allowed.
	 */
	Probe probe(Path file) throws AudioRefused, IOException {
		if (Files.size(file) == 0) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.empty", "the file is empty");
		}
		Ffmpeg.Run run = this.ffmpeg.run(List.of("-i", Ffmpeg.path(file)));
		String stderr = run.stderr();
		Matcher input = INPUT.matcher(stderr);
		if (!input.find()) {
			if (stderr.contains("moov atom not found") || stderr.contains("partial file")) {
				throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.damaged",
						"the file is damaged or cut short: " + run.tail());
			}
			throw new AudioRefused(AudioRefused.Kind.UNSUPPORTED, "audio.refused.not-audio",
					"ffmpeg recognises no audio in it: " + run.tail());
		}
		String demuxer = input.group(1);
		Matcher stream = AUDIO_STREAM.matcher(stderr);
		if (!stream.find()) {
			throw new AudioRefused(AudioRefused.Kind.UNSUPPORTED, "audio.refused.not-audio",
					"no audio stream (ffmpeg reads it as " + demuxer + ")");
		}
		String codec = stream.group(1);
		Matcher brand = BRAND.matcher(stderr);
		AudioFormat format = AudioFormat.of(demuxer, codec, brand.find() ? brand.group(1) : null);
		if (format == null) {
			throw new AudioRefused(AudioRefused.Kind.UNSUPPORTED, "audio.refused.format",
					"format " + demuxer + "/" + codec + " is not accepted", demuxer + " / " + codec);
		}
		Duration duration = seconds(DURATION, stderr);
		if (duration != null && duration.compareTo(this.settings.maxDuration()) > 0) {
			throw tooLong(duration);
		}
		return new Probe(format, codec, duration);
	}

	private AudioRefused tooLong(Duration duration) {
		return new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.too-long",
				"it plays " + minutes(duration) + ", longer than " + minutes(this.settings.maxDuration()),
				minutes(duration), minutes(this.settings.maxDuration()));
	}

	/**
	 * Decodes the whole file, measuring its loudness and where its sound starts and ends.
	 */
	Measured measure(Path file, Probe probe, Stages stages) throws AudioRefused, IOException {
		double expected = (probe.duration() != null) ? probe.duration().toMillis() / 1000.0 : 0;
		Ffmpeg.Run run = this.ffmpeg.run(
				List.of("-i", Ffmpeg.path(file), "-map", "0:a:0", "-vn", "-af",
						"silencedetect=n=" + number(this.settings.silenceThreshold()) + "dB:d=0.3,"
								+ "ebur128=peak=true:framelog=verbose",
						"-f", "null", "-"),
				(position) -> stages.progress(position, expected));
		if (!run.ok()) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.damaged",
					"ffmpeg cannot decode it: " + run.tail());
		}
		if (run.stderr().contains("corrupt input packet") || count(run.stderr(), "Error while decoding") > 5
				|| count(run.stderr(), "Invalid data found") > 5) {
			// a cut-off file (its last packet is short) or one damaged in many places; a
			// glitch or two in a phone's MP3 still plays
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.damaged",
					"it is damaged or cut short: " + run.tail());
		}
		double decoded = lastTime(run.stderr());
		if (decoded <= 0.0) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.no-sound", "it holds no audio");
		}
		if (expected > 2.0 && decoded < expected * 0.9 - 0.5) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.damaged",
					"it is cut short: " + decoded + " s of the " + expected + " s its header announces");
		}
		Duration length = Duration.ofMillis(Math.round(decoded * 1000));
		if (length.compareTo(this.settings.maxDuration()) > 0) {
			throw tooLong(length);
		}
		Loudness loudness = Loudness.ebur128(run.stderr())
			.orElseThrow(() -> new IOException("ffmpeg gave no loudness summary: " + run.tail()));
		List<Double> starts = all(SILENCE_START, run.stderr());
		List<Double> ends = all(SILENCE_END, run.stderr());
		double soundStart = 0;
		double soundEnd = decoded;
		if (!starts.isEmpty() && starts.get(0) <= 0.05) {
			soundStart = (ends.isEmpty()) ? decoded : ends.get(0);
		}
		if (!starts.isEmpty()) {
			double lastStart = starts.get(starts.size() - 1);
			boolean ended = ends.size() >= starts.size();
			double lastEnd = ended ? ends.get(ends.size() - 1) : decoded;
			if (lastEnd >= decoded - 0.05 && lastStart > soundStart) {
				soundEnd = lastStart;
			}
		}
		if (loudness.silent() || soundEnd - soundStart < 0.2) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.silent",
					"it is silence only (nothing above " + number(this.settings.silenceThreshold()) + " dB)");
		}
		return new Measured(length, loudness, Math.max(0, soundStart - EDGE_SECONDS),
				Math.min(decoded, soundEnd + EDGE_SECONDS));
	}

	/**
	 * Trims, limits, normalises and encodes {@code input} into {@code output} (an MP3),
	 * then measures the encoded file: refused when it misses the target.
	 */
	Result normalise(Path input, Measured measured, Tags tags, Path output, Path workDir, Stages stages)
			throws AudioRefused, IOException {
		double target = this.settings.loudnessTarget();
		double ceiling = this.settings.truePeakCeiling();
		double headroom = ENCODER_HEADROOM;
		for (int round = 1;; round++) {
			Result result = encode(input, measured, tags, output, workDir, stages, ceiling - headroom);
			Loudness after = result.loudness();
			boolean loudnessMet = Math.abs(after.integrated() - target) <= this.settings.loudnessTolerance();
			if (loudnessMet && after.truePeak() <= ceiling) {
				return result;
			}
			if (loudnessMet && round < ENCODER_ROUNDS) {
				// the encoder raised the peaks more than the headroom allowed for
				// (heavily
				// limited material): aim lower and encode again
				headroom += after.truePeak() - ceiling + 0.5;
				continue;
			}
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.off-target",
					"the broadcast copy measures " + number(after.integrated()) + " LUFS, true peak "
							+ number(after.truePeak()) + " dBTP; wanted " + number(target) + " ± "
							+ number(this.settings.loudnessTolerance()) + " LUFS, at most " + number(ceiling) + " dBTP",
					number(after.integrated()), number(after.truePeak()), number(target),
					number(this.settings.loudnessTolerance()), number(ceiling));
		}
	}

	private Result encode(Path input, Measured measured, Tags tags, Path output, Path workDir, Stages stages,
			double peakTarget) throws IOException {
		double target = this.settings.loudnessTarget();
		double gain = target - measured.loudness().integrated();
		double limit = peakTarget - LIMITER_HEADROOM;
		double kept = measured.soundEnd() - measured.soundStart();
		Path metadata = workDir.resolve("tags.txt");
		Files.writeString(metadata, tags.ffmetadata(), StandardCharsets.UTF_8);
		String normalisation = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String before = pre(measured, gain, limit);
			stages.stage("normalising", 0);
			Ffmpeg.Run first = this.ffmpeg.run(
					List.of("-i", Ffmpeg.path(input), "-map", "0:a:0", "-vn", "-af",
							before + ",loudnorm=I=" + number(target) + ":TP=" + number(peakTarget)
									+ ":LRA=20:print_format=json",
							"-f", "null", "-"),
					(position) -> stages.progress(position, kept));
			Map<String, String> pass1 = Loudness.loudnorm(first.stderr());
			double inputI = Loudness.field(pass1, "input_i").orElse(Double.NaN);
			double inputTp = Loudness.field(pass1, "input_tp").orElse(Double.NaN);
			if (!first.ok() || Double.isNaN(inputI) || Double.isNaN(inputTp)) {
				throw new IOException("loudnorm pass 1 failed: " + first.tail());
			}
			// loudnorm stays linear only when the gain it needs keeps the true peak under
			// its target; when it would not, limit harder and aim the gain at what pass 1
			// found after the limiter, before the costly pass 2 (which would fall back to
			// dynamic normalisation)
			double excess = inputTp + (target - inputI) - peakTarget;
			if (excess > 0 && attempt < ATTEMPTS) {
				gain += target - inputI;
				limit -= excess + 0.5;
				continue;
			}
			stages.stage("encoding", 0);
			Files.deleteIfExists(output);
			List<String> arguments = new ArrayList<>(List.of("-i", Ffmpeg.path(input), "-f", "ffmetadata", "-i",
					Ffmpeg.path(metadata), "-map", "0:a:0", "-map_metadata", "1", "-vn", "-af",
					before + ",loudnorm=I=" + number(target) + ":TP=" + number(peakTarget) + ":LRA=20" + ":measured_I="
							+ pass1.get("input_i") + ":measured_TP=" + pass1.get("input_tp") + ":measured_LRA="
							+ pass1.get("input_lra") + ":measured_thresh=" + pass1.get("input_thresh") + ":offset="
							+ pass1.get("target_offset") + ":linear=true:print_format=json,aresample=44100",
					"-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "4", "-f", "mp3",
					Ffmpeg.path(output)));
			Ffmpeg.Run second = this.ffmpeg.run(arguments, (position) -> stages.progress(position, kept));
			if (!second.ok()) {
				throw new IOException("loudnorm pass 2 failed: " + second.tail());
			}
			normalisation = Loudness.loudnorm(second.stderr()).getOrDefault("normalization_type", "unknown");
			if ("linear".equals(normalisation)) {
				break;
			}
			// dynamic after all: limit harder and try again
			limit -= 2.0;
			gain += target - inputI;
		}
		stages.stage("verifying", 0);
		Ffmpeg.Run check = this.ffmpeg.run(
				List.of("-i", Ffmpeg.path(output), "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"),
				(position) -> stages.progress(position, kept));
		Loudness after = Loudness.ebur128(check.stderr())
			.orElseThrow(() -> new IOException("no loudness of the encoded file: " + check.tail()));
		double seconds = lastTime(check.stderr());
		return new Result(Duration.ofMillis(Math.round(seconds * 1000)), after, normalisation);
	}

	/** Trim, mono at 44.1 kHz, gain toward the target, then the peak limiter. */
	private static String pre(Measured measured, double gain, double limitDb) {
		double limit = Math.max(0.0625, Math.min(1.0, Math.pow(10, limitDb / 20)));
		return "atrim=start=" + number(measured.soundStart()) + ":end=" + number(measured.soundEnd())
				+ ",asetpts=PTS-STARTPTS,aformat=sample_fmts=fltp:sample_rates=44100:channel_layouts=mono,volume="
				+ number(gain) + "dB,alimiter=limit=" + String.format(Locale.ROOT, "%.5f", limit)
				+ ":level=false:attack=5:release=50";
	}

	private static Duration seconds(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		double seconds = Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
				+ Double.parseDouble(matcher.group(3));
		return Duration.ofMillis(Math.round(seconds * 1000));
	}

	private static double lastTime(String stderr) {
		Matcher matcher = TIME.matcher(stderr);
		double last = 0;
		while (matcher.find()) {
			last = Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
					+ Double.parseDouble(matcher.group(3));
		}
		return last;
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static List<Double> all(Pattern pattern, String text) {
		List<Double> values = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			values.add(Double.parseDouble(matcher.group(1)));
		}
		return values;
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String minutes(Duration duration) {
		long seconds = duration.toSeconds();
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

	/**
	 * What the headers say.
	 *
	 * @param format the accepted format found
	 * @param codec the audio codec
	 * @param duration the announced duration, or null
	 */
	record Probe(AudioFormat format, String codec, Duration duration) {
	}

	/**
	 * What decoding found.
	 *
	 * @param duration how long it plays
	 * @param loudness its loudness
	 * @param soundStart seconds where the kept part starts
	 * @param soundEnd seconds where the kept part ends
	 */
	record Measured(Duration duration, Loudness loudness, double soundStart, double soundEnd) {
	}

	/**
	 * The broadcast copy.
	 *
	 * @param duration how long it plays
	 * @param loudness measured on the encoded file
	 * @param normalisation {@code linear} or {@code dynamic}
	 */
	record Result(Duration duration, Loudness loudness, String normalisation) {
	}

	/**
	 * The ID3 tags of a broadcast copy.
	 *
	 * @param title the item's title
	 * @param commune the commune's name (artist and publisher)
	 * @param date the day it was made, in the commune's zone
	 */
	record Tags(String title, String commune, LocalDate date) {

		/**
		 * The tags in ffmpeg's metadata file format (UTF-8, special characters escaped).
		 */
		String ffmetadata() {
			return ";FFMETADATA1\ntitle=" + escape(this.title) + "\nartist=" + escape(this.commune) + "\npublisher="
					+ escape(this.commune) + "\ndate=" + this.date + "\n";
		}

		private static String escape(String value) {
			String text = (value != null) ? vn.bantin.text.VietnameseText.nfc(value) : "";
			StringBuilder escaped = new StringBuilder();
			for (char c : text.toCharArray()) {
				if (c == '=' || c == ';' || c == '#' || c == '\\') {
					escaped.append('\\').append(c);
				}
				else if (c == '\n' || c == '\r') {
					escaped.append(' ');
				}
				else {
					escaped.append(c);
				}
			}
			return escaped.toString();
		}

	}

	/** Told where processing is, to show progress. */
	interface Stages {

		/** A new stage starts. */
		void stage(String name, int percent);

		/**
		 * Within the current stage, {@code position} of {@code total} seconds are done.
		 */
		void progress(double position, double total);

	}

}
