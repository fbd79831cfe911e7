package vn.bantin.timetable;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import vn.bantin.content.Channel;

/**
 * A named, recurring place in the commune's programme for one channel: the radio's "Bản
 * tin sáng" at 06:00 Monday to Saturday for 30 minutes, an email list's weekly digest,
 * the web site "at each item's publish time".
 *
 * @param key stable key (lower-case letters, digits, '-'), unique across all timetables
 * @param name the name people see, e.g. {@code Bản tin sáng}
 * @param channel the channel it feeds
 * @param kind when it occurs and what it carries
 * @param recurrence when it occurs; required for {@link SlotKind#TIMED} and
 * {@link SlotKind#DIGEST}, {@code null} for {@link SlotKind#ON_PUBLISH}
 * @param length how long one occurrence lasts (the air time of a radio programme);
 * {@link Duration#ZERO} when it has no length
 * @param zones the speaker zones (radio) it plays in; empty means the whole commune
 * @param list the email list it goes to (email only), else {@code null}
 * @param source where it is defined: a file path relative to {@code schedules/}, or
 * {@code null} when it is kept in the database (edited in the admin UI)
 */
public record Slot(String key, String name, Channel channel, SlotKind kind, Recurrence recurrence, Duration length,
		Set<String> zones, String list, String source) {

	public Slot {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(kind, "kind");
		name = (name == null || name.isBlank()) ? key : name;
		length = (length != null) ? length : Duration.ZERO;
		zones = (zones != null) ? Set.copyOf(zones) : Set.of();
		if (kind != SlotKind.ON_PUBLISH) {
			Objects.requireNonNull(recurrence, "recurrence");
		}
	}

	/**
	 * The target publications of this slot carry: its list for email, otherwise the zone
	 * (one publication per zone for radio, see {@link #targets()}).
	 */
	public Set<String> targets() {
		if (this.channel == Channel.EMAIL) {
			return Set.of((this.list != null) ? this.list : ALL);
		}
		if (this.channel == Channel.RADIO) {
			return this.zones.isEmpty() ? Set.of(ALL) : this.zones;
		}
		return Set.of(ALL);
	}

	/** Whether it is kept in a file (read-only in the admin UI). */
	public boolean fromFile() {
		return this.source != null;
	}

	/** The target meaning "everywhere", the same as {@code Publications.NO_TARGET}. */
	public static final String ALL = "*";

}
