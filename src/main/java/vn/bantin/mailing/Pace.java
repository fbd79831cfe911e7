package vn.bantin.mailing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The rate limit of one node: at most so many messages per second (spaced evenly) and per
 * hour (a sliding window), shared by every worker. Each send reserves its moment; a
 * worker then sleeps until it. It measures elapsed time with a monotonic ticker, not the
 * wall clock: a rate is about time passing, and the clock may be set.
 */
final class Pace {

	private static final long HOUR = TimeUnit.HOURS.toNanos(1);

	private final long interval;

	private final int perHour;

	private final LongSupplier ticker;

	private final Deque<Long> lastHour = new ArrayDeque<>();

	private long next = Long.MIN_VALUE;

	/**
	 * @param perSecond messages per second, 0 or less for no limit
	 * @param perHour messages per hour, 0 or less for no limit
	 * @param ticker nanoseconds of a monotonic clock ({@code System::nanoTime})
	 */
	Pace(double perSecond, int perHour, LongSupplier ticker) {
		this.interval = (perSecond > 0) ? (long) (TimeUnit.SECONDS.toNanos(1) / perSecond) : 0;
		this.perHour = perHour;
		this.ticker = ticker;
	}

	/**
	 * Reserves the moment of the next send and says how long to wait for it, in
	 * nanoseconds (0 to send at once).
	 */
	synchronized long reserve() {
		long now = this.ticker.getAsLong();
		long at = Math.max(now, (this.next == Long.MIN_VALUE) ? now : this.next);
		if (this.perHour > 0) {
			while (!this.lastHour.isEmpty() && this.lastHour.peekFirst() <= at - HOUR) {
				this.lastHour.pollFirst();
			}
			if (this.lastHour.size() >= this.perHour) {
				at = Math.max(at, this.lastHour.peekFirst() + HOUR);
				this.lastHour.pollFirst();
			}
			this.lastHour.addLast(at);
		}
		this.next = at + this.interval;
		return at - now;
	}

	/** How long until a send could go out, without reserving it (nanoseconds). */
	synchronized long idle() {
		long now = this.ticker.getAsLong();
		long at = Math.max(now, (this.next == Long.MIN_VALUE) ? now : this.next);
		if (this.perHour > 0 && this.lastHour.size() >= this.perHour) {
			at = Math.max(at, this.lastHour.peekFirst() + HOUR);
		}
		return at - now;
	}

	/** Waits for the next send's moment. */
	void acquire() throws InterruptedException {
		long wait = reserve();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

}
