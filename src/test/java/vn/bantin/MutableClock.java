package vn.bantin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that stands still until a test moves it, so that tests can pass time without
 * sleeping.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	public MutableClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		synchronized (this) {
			this.now = this.now.plus(duration);
		}
	}

	/** Sets the clock to an instant (forward or back). */
	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/**
	 * The same clock seen in another zone: it moves when this one does. (Not
	 * {@code Clock.offset(this, ZERO)}, which returns this very clock, so that its
	 * {@code withZone} called this method again without end.)
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock source = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}
		};
	}

}
