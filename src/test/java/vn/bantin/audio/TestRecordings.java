package vn.bantin.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.bantin.media.FfmpegLocator;

/**
 * Recordings for tests, made here with the bundled ffmpeg (which has AMR encoders that
 * Debian's lacks; the application runs the ffmpeg {@link #FFMPEG} chooses): Vietnamese
 * speech from espeak-ng when it is installed, otherwise tones and noise shaped like
 * speech (bursts with short gaps), so the tests run everywhere. Measured independently of
 * the application with ffmpeg's {@code ebur128}.
 */
final class TestRecordings {

	static final String TEXT = "Xin chào bà con. Ủy ban nhân dân xã thông báo lịch tiêm chủng mở rộng cho trẻ em "
			+ "vào sáng thứ bảy tuần này, tại trạm y tế xã. Đề nghị các gia đình đưa trẻ đến đúng giờ.";

	/**
	 * The ffmpeg the application chooses on this machine ({@code auto}: Debian's where it
	 * is installed, as on CI; else the bundled one).
	 */
	static final FfmpegLocator FFMPEG = FfmpegLocator.of(FfmpegLocator.AUTO);

	/** The ffmpeg bundled with jave2: it makes and measures the test recordings. */
	static final FfmpegLocator BUNDLED = FfmpegLocator.of(FfmpegLocator.BUNDLED);

	private TestRecordings() {
	}

	static boolean espeak() {
		try {
			Process process = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	/** About {@code seconds} of speech (or speech-like tones) as 22.05 kHz mono WAV. */
	static Path speech(Path dir, String name, int seconds) throws Exception {
		Path wav = dir.resolve(name + ".wav");
		if (espeak()) {
			Path text = dir.resolve(name + ".txt");
			StringBuilder words = new StringBuilder();
			while (words.length() < seconds * 14) {
				words.append(TEXT).append(' ');
			}
			Files.writeString(text, words.toString(), StandardCharsets.UTF_8);
			Path raw = dir.resolve(name + "-raw.wav");
			run(List.of("espeak-ng", "-v", "vi", "-s", "160", "-w", raw.toString(), "-f", text.toString()));
			ffmpeg("-i", raw.toString(), "-t", String.valueOf(seconds), "-ac", "1", wav.toString());
		}
		else {
			ffmpeg("-f", "lavfi", "-i", "sine=f=220:d=" + seconds + ",volume='if(lt(mod(t,1.3),0.9),1,0)':eval=frame",
					"-f", "lavfi", "-i", "anoisesrc=d=" + seconds + ":c=pink:a=0.05", "-filter_complex",
					"[1]volume='if(lt(mod(t,1.3),0.9),1,0)':eval=frame[n];[0][n]amix=inputs=2", "-ar", "22050", "-ac",
					"1", wav.toString());
		}
		return wav;
	}

	/**
	 * {@code input} with its level changed by {@code db} (clipping when pushed over 0
	 * dBFS).
	 */
	static Path gain(Path input, Path output, double db) throws Exception {
		ffmpeg("-i", input.toString(), "-af", String.format(Locale.ROOT, "volume=%.1fdB", db), "-c:a", "pcm_s16le",
				output.toString());
		return output;
	}

	/** Silence of {@code seconds}, then {@code input}, then silence again. */
	static Path padded(Path input, Path output, double before, double inside, double after) throws Exception {
		ffmpeg("-i", input.toString(), "-filter_complex",
				"[0]asplit[a][b];[a]adelay=" + (int) (before * 1000) + "|" + (int) (before * 1000) + "[a1];"
						+ "[b]adelay=" + (int) (inside * 1000) + "|" + (int) (inside * 1000) + "[b1];"
						+ "[a1][b1]concat=n=2:v=0:a=1,apad=pad_dur=" + after,
				"-ac", "1", output.toString());
		return output;
	}

	static Path silence(Path output, int seconds) throws Exception {
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", String.valueOf(seconds), output.toString());
		return output;
	}

	/** {@code input} encoded as a file of the given accepted format. */
	static Path encode(Path input, Path dir, String format) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("-i", input.toString()));
		String extension = format;
		switch (format) {
			case "mp3" -> arguments.addAll(List.of("-c:a", "libmp3lame", "-b:a", "128k"));
			case "wav" -> arguments.addAll(List.of("-c:a", "pcm_s16le"));
			case "m4a" -> arguments.addAll(List.of("-c:a", "aac", "-b:a", "96k"));
			case "aac" -> arguments.addAll(List.of("-c:a", "aac", "-b:a", "96k", "-f", "adts"));
			case "ogg" -> arguments.addAll(List.of("-c:a", "libvorbis", "-q:a", "4"));
			case "opus" -> arguments.addAll(List.of("-c:a", "libopus", "-b:a", "48k"));
			case "flac" -> arguments.addAll(List.of("-c:a", "flac"));
			case "amr" -> arguments
				.addAll(List.of("-ar", "8000", "-ac", "1", "-c:a", "libopencore_amrnb", "-b:a", "12.2k", "-f", "amr"));
			case "3gp" -> arguments
				.addAll(List.of("-ar", "8000", "-ac", "1", "-c:a", "libopencore_amrnb", "-b:a", "12.2k", "-f", "3gp"));
			default -> throw new IllegalArgumentException(format);
		}
		Path output = dir.resolve("in-" + format + "." + extension);
		arguments.add(output.toString());
		ffmpeg(arguments.toArray(String[]::new));
		return output;
	}

	/** What ffmpeg's ebur128 says of a file, measured here, not by the application. */
	static Measurement measure(Path file) throws Exception {
		String stderr = ffmpeg("-i", file.toString(), "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-");
		Matcher summary = Pattern
			.compile("Summary:.*?I:\\s*(-?[\\d.]+) LUFS.*?Peak:\\s*(-?[\\d.]+|-inf) dBFS", Pattern.DOTALL)
			.matcher(stderr);
		if (!summary.find()) {
			throw new AssertionError("no ebur128 summary: " + stderr);
		}
		Matcher stream = Pattern.compile("Stream #0:0.*?: Audio: (\\w+).*?, (\\d+) Hz, (\\w+),.*?(\\d+) kb/s")
			.matcher(stderr);
		Matcher time = Pattern.compile("time=(\\d+):(\\d+):(\\d+\\.\\d+)").matcher(stderr);
		double seconds = 0;
		while (time.find()) {
			seconds = Integer.parseInt(time.group(1)) * 3600 + Integer.parseInt(time.group(2)) * 60
					+ Double.parseDouble(time.group(3));
		}
		boolean found = stream.find();
		return new Measurement(Double.parseDouble(summary.group(1)),
				summary.group(2).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(summary.group(2)),
				found ? stream.group(1) : null, found ? Integer.parseInt(stream.group(2)) : 0,
				found ? stream.group(3) : null, found ? Integer.parseInt(stream.group(4)) : 0, seconds, stderr);
	}

	/** The file's tags as ffmpeg's metadata file (UTF-8). */
	static String tags(Path file) throws Exception {
		Path out = Files.createTempFile("tags", ".txt");
		try {
			ffmpeg("-y", "-i", file.toString(), "-f", "ffmetadata", out.toString());
			return Files.readString(out, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	/** Seconds of silence detected inside a file (between sounds). */
	static List<double[]> silences(Path file, double minimum) throws Exception {
		String stderr = ffmpeg("-i", file.toString(), "-af", "silencedetect=n=-50dB:d=" + minimum, "-f", "null", "-");
		Matcher start = Pattern.compile("silence_start: (-?[\\d.]+)").matcher(stderr);
		Matcher end = Pattern.compile("silence_end: (-?[\\d.]+)").matcher(stderr);
		List<double[]> found = new ArrayList<>();
		while (start.find()) {
			double to = end.find() ? Double.parseDouble(end.group(1)) : Double.NaN;
			found.add(new double[] { Double.parseDouble(start.group(1)), to });
		}
		return found;
	}

	static String ffmpeg(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(BUNDLED.binary().executable(), "-hide_banner", "-nostdin", "-y"));
		command.addAll(List.of(arguments));
		return run(command);
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(command + " failed: " + output);
		}
		return output;
	}

	/**
	 * An independent measurement.
	 *
	 * @param integrated integrated loudness, LUFS
	 * @param truePeak true peak, dBTP
	 * @param codec the first stream's codec
	 * @param sampleRate its sample rate
	 * @param channels its channel layout
	 * @param kbps its bit rate
	 * @param seconds decoded length
	 * @param stderr ffmpeg's output
	 */
	record Measurement(double integrated, double truePeak, String codec, int sampleRate, String channels, int kbps,
			double seconds, String stderr) {
	}

}
