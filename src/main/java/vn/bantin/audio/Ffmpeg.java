package vn.bantin.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.bantin.media.FfmpegLocator;

/**
 * The ffmpeg that {@link FfmpegLocator} chose (the system's when usable, else the one
 * bundled with jave2), run as a process: its arguments as a list (never through a shell),
 * its diagnostic output (stderr) collected for parsing, and the position it has reached
 * ({@code time=} in its status lines) reported as it goes, so that a long recording shows
 * progress. Text that may hold Vietnamese (tags) goes in through files, never the command
 * line, whose encoding depends on the machine's locale.
 */
final class Ffmpeg {

	private static final Pattern TIME = Pattern.compile("time=(-?\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");

	private final FfmpegLocator locator;

	private final Duration timeout;

	private final java.util.Set<Process> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

	Ffmpeg(FfmpegLocator locator, Duration timeout) {
		this.locator = locator;
		this.timeout = timeout;
	}

	/**
	 * Runs ffmpeg with {@code arguments} (after {@code -hide_banner -nostdin}).
	 * @param position told the seconds of media done so far, as ffmpeg reports them
	 * @return the exit code and everything ffmpeg wrote to stderr
	 */
	Run run(List<String> arguments, DoubleConsumer position) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.locator.binary().executable());
		command.add("-hide_banner");
		command.add("-nostdin");
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		this.live.add(process);
		try {
			return collect(process, position);
		}
		finally {
			this.live.remove(process);
		}
	}

	/**
	 * Ends every ffmpeg this runner started that is still running (the application
	 * stops).
	 */
	void stopAll() {
		this.live.forEach(Process::destroy);
	}

	private Run collect(Process process, DoubleConsumer position) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		try (InputStream err = process.getErrorStream()) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = err.read()) != -1) {
				all.write(b);
				if (b == '\r' || b == '\n') {
					report(line.toString(StandardCharsets.UTF_8), position);
					line.reset();
				}
				else {
					line.write(b);
				}
			}
		}
		try {
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException("ffmpeg took longer than " + this.timeout);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while ffmpeg ran", ex);
		}
		return new Run(process.exitValue(), all.toString(StandardCharsets.UTF_8));
	}

	Run run(List<String> arguments) throws IOException {
		return run(arguments, (seconds) -> {
		});
	}

	private static void report(String line, DoubleConsumer position) {
		Matcher matcher = TIME.matcher(line);
		if (matcher.find() && !matcher.group(1).startsWith("-")) {
			position.accept(Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
					+ Double.parseDouble(matcher.group(3)));
		}
	}

	static String path(Path file) {
		return file.toAbsolutePath().toString();
	}

	/**
	 * One run of ffmpeg.
	 *
	 * @param exitCode its exit code, 0 on success
	 * @param stderr what it wrote to stderr
	 */
	record Run(int exitCode, String stderr) {

		boolean ok() {
			return this.exitCode == 0;
		}

		/** The last lines of stderr, for a log. */
		String tail() {
			String[] lines = this.stderr.strip().split("[\r\n]+");
			return String.join("\n",
					java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 6), lines.length));
		}

	}

}
