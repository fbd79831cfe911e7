package vn.bantin.media;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides, once, which ffmpeg every part of Bản tin runs (the podcast durations here, the
 * radio's audio pipeline): uploads from anyone go through it, so it should be one that
 * gets security fixes. The static ffmpeg bundled with jave2 is 4.4.1 from 2021, and Maven
 * Central has no newer jave2 native build; Debian's {@code ffmpeg} package is maintained.
 * So, with {@code bantin.audio.ffmpeg}:
 * <ul>
 * <li>{@code auto} (the default): the first {@code ffmpeg} on the {@code PATH} that runs
 * and has every filter and encoder the radio pipeline uses ({@link #NEEDED_FILTERS},
 * {@link #NEEDED_ENCODERS}); else the bundled one, saying why;</li>
 * <li>{@code bundled}: the bundled one;</li>
 * <li>a path: that executable and no other. When it does not run or lacks something the
 * pipeline needs, start-up fails with the reason: whoever named a binary wants that one,
 * not a silent return to the old one.</li>
 * </ul>
 * The choice, with the version the binary reports, is logged at start and shown on the
 * radio's audio page ({@code /admin/radio/audio}).
 */
@Component
public class FfmpegLocator {

	/** The setting's default: the system's ffmpeg if usable, else the bundled one. */
	public static final String AUTO = "auto";

	/** The setting that always takes the bundled ffmpeg. */
	public static final String BUNDLED = "bundled";

	/** The filters the radio pipeline runs (trim, mono, gain, limiter, R128, silence). */
	static final List<String> NEEDED_FILTERS = List.of("atrim", "asetpts", "aformat", "volume", "alimiter", "loudnorm",
			"ebur128", "silencedetect", "aresample");

	/** The encoders the radio pipeline runs (the broadcast copy is MP3). */
	static final List<String> NEEDED_ENCODERS = List.of("libmp3lame");

	private static final Logger log = LoggerFactory.getLogger(FfmpegLocator.class);

	private static final Pattern VERSION = Pattern.compile("^ffmpeg version (\\S+)", Pattern.MULTILINE);

	/** A line of {@code -filters} or {@code -encoders}: flags, then the name. */
	private static final Pattern LISTED = Pattern.compile("^\\s*[A-Z.|]{3,6}\\s+(\\S+)\\s", Pattern.MULTILINE);

	private static final long PROBE_SECONDS = 30;

	private final String setting;

	private final List<Path> searchPath;

	private final Supplier<Path> bundled;

	private volatile FfmpegBinary binary;

	/**
	 * The application's locator: {@code bantin.audio.ffmpeg}, the {@code PATH} of this
	 * process.
	 */
	@Autowired
	public FfmpegLocator(AudioSettings settings) {
		this(settings.ffmpeg(), systemPath(), FfmpegLocator::extractBundled);
	}

	FfmpegLocator(String setting, List<Path> searchPath, Supplier<Path> bundled) {
		this.setting = (setting == null || setting.isBlank()) ? AUTO : setting.strip();
		this.searchPath = List.copyOf(searchPath);
		this.bundled = bundled;
	}

	/**
	 * A locator for {@code setting} ({@code auto}, {@code bundled} or a path) with this
	 * process's {@code PATH}, outside the application (commands, tests).
	 */
	public static FfmpegLocator of(String setting) {
		return new FfmpegLocator(setting, systemPath(), FfmpegLocator::extractBundled);
	}

	/**
	 * The ffmpeg to run, decided on first use and kept.
	 * @throws IllegalStateException when {@code bantin.audio.ffmpeg} names a path that
	 * cannot be used
	 */
	public FfmpegBinary binary() {
		FfmpegBinary chosen = this.binary;
		if (chosen == null) {
			synchronized (this) {
				chosen = this.binary;
				if (chosen == null) {
					chosen = locate();
					if (chosen.choice() == FfmpegBinary.Choice.FALLBACK) {
						// the outdated binary parses uploads: worth an administrator's
						// look
						log.warn("Audio: {} (install the system's ffmpeg package)", chosen.describe());
					}
					else {
						log.info("Audio: {}", chosen.describe());
					}
					this.binary = chosen;
				}
			}
		}
		return chosen;
	}

	/**
	 * Decides at start, so that the log says which ffmpeg runs and a wrong path fails the
	 * start rather than the first upload; it also copies the bundled binary out of its
	 * jar before workers could race to do it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void decideAtStart() {
		binary();
	}

	private FfmpegBinary locate() {
		if (BUNDLED.equals(this.setting.toLowerCase(Locale.ROOT))) {
			return bundled(FfmpegBinary.Choice.BUNDLED, "");
		}
		if (AUTO.equals(this.setting.toLowerCase(Locale.ROOT))) {
			List<String> passedOver = new ArrayList<>();
			for (Path candidate : candidates()) {
				try {
					return new FfmpegBinary(candidate, check(candidate), FfmpegBinary.Origin.SYSTEM,
							FfmpegBinary.Choice.FOUND, "");
				}
				catch (Unusable ex) {
					passedOver.add(candidate + " " + ex.getMessage());
				}
			}
			return bundled(FfmpegBinary.Choice.FALLBACK,
					passedOver.isEmpty() ? "no ffmpeg on the PATH" : "passed over " + String.join("; ", passedOver));
		}
		Path configured = Path.of(this.setting).toAbsolutePath().normalize();
		try {
			return new FfmpegBinary(configured, check(configured), FfmpegBinary.Origin.SYSTEM,
					FfmpegBinary.Choice.CONFIGURED, "");
		}
		catch (Unusable ex) {
			throw new IllegalStateException("bantin.audio.ffmpeg=" + this.setting + " cannot be used: " + configured
					+ " " + ex.getMessage() + " (set it to 'auto' or 'bundled', or to the path of a complete ffmpeg)");
		}
	}

	/** Every executable {@code ffmpeg} on the search path, in order, without repeats. */
	private List<Path> candidates() {
		Set<Path> found = new LinkedHashSet<>();
		for (Path directory : this.searchPath) {
			Path candidate = directory.resolve("ffmpeg").toAbsolutePath().normalize();
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				found.add(candidate);
			}
		}
		return List.copyOf(found);
	}

	private FfmpegBinary bundled(FfmpegBinary.Choice choice, String detail) {
		Path path = this.bundled.get();
		String version;
		try {
			version = version(path);
		}
		catch (Unusable ex) {
			// another platform, or a temporary folder mounted noexec: audio work fails
			// with its own errors, the site goes on
			log.warn("Audio: the bundled ffmpeg at {} {}", path, ex.getMessage());
			version = "unknown";
			detail = (detail.isEmpty() ? "" : detail + "; ") + "it " + ex.getMessage();
		}
		return new FfmpegBinary(path, version, FfmpegBinary.Origin.BUNDLED, choice, detail);
	}

	/**
	 * The version of a usable ffmpeg.
	 * @throws Unusable when it does not run, or lacks a filter or encoder the pipeline
	 * needs
	 */
	private static String check(Path ffmpeg) throws Unusable {
		if (!Files.isRegularFile(ffmpeg) || !Files.isExecutable(ffmpeg)) {
			throw new Unusable("is not an executable file");
		}
		String version = version(ffmpeg);
		missing(ffmpeg, "-filters", NEEDED_FILTERS, "filter");
		missing(ffmpeg, "-encoders", NEEDED_ENCODERS, "encoder");
		return version;
	}

	private static String version(Path ffmpeg) throws Unusable {
		Matcher matcher = VERSION.matcher(run(ffmpeg, "-version"));
		if (!matcher.find()) {
			throw new Unusable("does not say 'ffmpeg version'");
		}
		return matcher.group(1);
	}

	private static void missing(Path ffmpeg, String option, List<String> needed, String kind) throws Unusable {
		Set<String> listed = new LinkedHashSet<>();
		Matcher matcher = LISTED.matcher(run(ffmpeg, option));
		while (matcher.find()) {
			listed.add(matcher.group(1));
		}
		List<String> absent = needed.stream().filter((name) -> !listed.contains(name)).toList();
		if (!absent.isEmpty()) {
			throw new Unusable("lacks the " + kind + ((absent.size() > 1) ? "s " : " ") + String.join(", ", absent));
		}
	}

	private static String run(Path ffmpeg, String option) throws Unusable {
		Path output = null;
		Process process = null;
		try {
			// into a file rather than a pipe: a binary that hangs without closing its
			// output cannot hold the start-up past the time limit
			output = Files.createTempFile("bantin-ffmpeg", ".txt");
			process = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", option).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
				throw new Unusable("did not answer " + option + " within " + PROBE_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new Unusable("failed with exit code " + process.exitValue() + " on " + option);
			}
			return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new Unusable("does not run (" + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unusable("was interrupted");
		}
		finally {
			if (process != null) {
				process.destroyForcibly();
			}
			if (output != null) {
				try {
					Files.deleteIfExists(output);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}", output, ex);
				}
			}
		}
	}

	private static List<Path> systemPath() {
		String path = System.getenv("PATH");
		List<Path> directories = new ArrayList<>();
		if (path != null) {
			for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
				if (!directory.isBlank()) {
					directories.add(Path.of(directory));
				}
			}
		}
		return directories;
	}

	/**
	 * The bundled binary, copied by jave2 to {@code <java.io.tmpdir>/jave/} the first
	 * time.
	 */
	static Path extractBundled() {
		return Path.of(new DefaultFFMPEGLocator().getExecutablePath()).toAbsolutePath();
	}

	/** Why an ffmpeg cannot be used, as the end of a sentence naming it. */
	private static final class Unusable extends Exception {

		Unusable(String message) {
			super(message, null, false, false);
		}

	}

}
