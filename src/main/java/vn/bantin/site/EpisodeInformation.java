package vn.bantin.site;

import java.util.Locale;

import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.types.Duration;

/**
 * A podcast episode's iTunes details whose {@code itunes:duration} is written
 * {@code HH:MM:SS} with ASCII digits. Rome's own duration writes the hours unpadded with
 * a number format of the JVM's default locale; it is also copied whenever Rome clones the
 * module on output, so the copy keeps this duration.
 */
final class EpisodeInformation extends EntryInformationImpl {

	private static final long serialVersionUID = 1L;

	EpisodeInformation(java.time.Duration duration) {
		if (duration != null) {
			setDuration(new Length(duration.toMillis()));
		}
	}

	@Override
	public Object clone() {
		EpisodeInformation copy = new EpisodeInformation(null);
		copy.copyFrom(this);
		copy.setDuration(getDuration());
		return copy;
	}

	/** A duration written {@code HH:MM:SS}, rounded to the nearest second. */
	static final class Length extends Duration {

		private static final long serialVersionUID = 1L;

		Length(long milliseconds) {
			super(milliseconds);
		}

		@Override
		public String toString() {
			long seconds = Math.round(getMilliseconds() / 1000.0);
			return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
		}

	}

}
