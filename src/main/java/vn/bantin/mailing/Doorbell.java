package vn.bantin.mailing;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes idle workers when there is new work (a mailing made, resumed or retried), so that
 * they need not wait for their next poll.
 */
@Component
class Doorbell {

	private long rings;

	synchronized void ring() {
		this.rings++;
		notifyAll();
	}

	/** Waits until the bell rings or the time is up. */
	synchronized void await(long millis) throws InterruptedException {
		long seen = this.rings;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (this.rings == seen) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				return;
			}
			wait(left);
		}
	}

}
