package vn.bantin.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The ffmpeg executable Bản tin runs, as {@link FfmpegLocator} chose it.
 *
 * @param path its absolute path
 * @param version the version it reports ({@code ffmpeg -version}), e.g.
 * {@code 5.1.9-0+deb12u1}; {@code unknown} when it did not say
 * @param origin whether it is the machine's own or the one bundled with jave2
 * @param choice why this one was chosen
 * @param detail what was found on the way, for the log and the audio page (e.g. why a
 * system ffmpeg was passed over); empty when there is nothing to add
 */
public record FfmpegBinary(Path path, String version, Origin origin, Choice choice, String detail) {

	/** The path as a command's first argument. */
	public String executable() {
		return this.path.toString();
	}

	/** One line for the log. */
	public String describe() {
		return "ffmpeg " + this.version + " (" + this.origin.key() + ", " + this.choice.key() + ") at " + this.path
				+ (this.detail.isEmpty() ? "" : ": " + this.detail);
	}

	/** Where an ffmpeg comes from. */
	public enum Origin {

		/**
		 * The machine's own, found on the {@code PATH} or configured by path: updated
		 * with the system (Debian's {@code ffmpeg} package gets its security fixes).
		 */
		SYSTEM,

		/**
		 * The static binary bundled with jave2 ({@code jave-nativebin-linux64}), copied
		 * out of its jar: ffmpeg 4.4.1 from 2021, no longer updated.
		 */
		BUNDLED;

		/** The lower-case key, for messages. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Why an ffmpeg was chosen. */
	public enum Choice {

		/** {@code bantin.audio.ffmpeg} names its path. */
		CONFIGURED,

		/**
		 * {@code auto}: the first {@code ffmpeg} on the {@code PATH} with what the
		 * pipeline needs.
		 */
		FOUND,

		/** {@code bantin.audio.ffmpeg=bundled}. */
		BUNDLED,

		/**
		 * {@code auto}, and no usable {@code ffmpeg} on the {@code PATH}: the bundled
		 * one.
		 */
		FALLBACK;

		/** The lower-case key, for messages. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
