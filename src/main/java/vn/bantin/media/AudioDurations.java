package vn.bantin.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ws.schild.jave.EncoderException;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.process.ProcessLocator;
import ws.schild.jave.process.ProcessWrapper;
import ws.schild.jave.process.ffmpeg.FFMPEGProcess;

import org.springframework.stereotype.Component;

/**
 * How long an audio file plays, as the ffmpeg {@link FfmpegLocator} chose reads it
 * (through jave2's parser of ffmpeg's output). Probing starts a process, so each answer
 * is kept for the file's path as long as its size and modification time stay the same: a
 * feed asked for every few minutes probes each file once. A file ffmpeg cannot read (not
 * audio, damaged, missing) has no duration; that is logged once per version of the file
 * and never fails the caller, which simply leaves the duration out.
 */
@Component
public class AudioDurations {

	private static final Logger log = LoggerFactory.getLogger(AudioDurations.class);

	private final Map<Path, Probe> probes = new ConcurrentHashMap<>();

	private final FfmpegLocator locator;

	public AudioDurations(FfmpegLocator locator) {
		this.locator = locator;
	}

	/** The duration of the audio in {@code file}, if ffmpeg can read one. */
	public Optional<Duration> of(Path file) {
		Path path = file.toAbsolutePath().normalize();
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			log.warn("No audio duration for {}: cannot read the file ({})", path, ex.toString());
			return Optional.empty();
		}
		long size = attributes.size();
		long modified = attributes.lastModifiedTime().toMillis();
		Probe known = this.probes.get(path);
		if (known != null && known.size() == size && known.modified() == modified) {
			return known.duration();
		}
		Probe probe = new Probe(size, modified, probe(path));
		this.probes.put(path, probe);
		return probe.duration();
	}

	/** The duration of a media file, if it is audio ffmpeg can read. */
	public Optional<Duration> of(MediaFile file) {
		return file.audio() ? of(file.path()) : Optional.empty();
	}

	private Optional<Duration> probe(Path path) {
		try {
			long millis = new MultimediaObject(path.toFile(), ffmpeg()).getInfo().getDuration();
			if (millis <= 0) {
				log.warn("No audio duration for {}: ffmpeg found none", path);
				return Optional.empty();
			}
			return Optional.of(Duration.ofMillis(millis));
		}
		catch (EncoderException | RuntimeException ex) {
			log.warn("No audio duration for {}: ffmpeg cannot read it ({})", path, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * jave2's view of the chosen ffmpeg (run with {@code -hide_banner}, as jave2 does).
	 */
	private ProcessLocator ffmpeg() {
		String executable = this.locator.binary().executable();
		return new ProcessLocator() {

			@Override
			public String getExecutablePath() {
				return executable;
			}

			@Override
			public ProcessWrapper createExecutor() {
				return new FFMPEGProcess(executable);
			}

		};
	}

	private record Probe(long size, long modified, Optional<Duration> duration) {
	}

}
