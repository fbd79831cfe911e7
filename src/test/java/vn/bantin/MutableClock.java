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

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(this, Duration.ZERO).withZone(zone);
	}

}
