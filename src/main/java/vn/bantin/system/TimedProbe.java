package vn.bantin.system;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@linkplain FileStore#probe() probe of the file store} on a thread of its own
 * and waits for it at most a given time: a hung NFS mount blocks the thread that touches
 * it, sometimes for minutes, and a health check that blocked with it would tell the
 * balancer nothing. A probe still hanging from an earlier check is not joined by another:
 * the store is reported unusable at once, and at most one thread waits on it.
 */
final class TimedProbe {

	private final Probe probe;

	private final Duration timeout;

	private CompletableFuture<Void> running;

	TimedProbe(Probe probe, Duration timeout) {
		this.probe = probe;
		this.timeout = timeout;
	}

	/** Probes a store once, as the start of a shared store does. */
	static void run(FileStore store, Duration timeout) throws IOException {
		new TimedProbe(store::probe, timeout).check();
	}

	/**
	 * Probes the store.
	 * @throws IOException when the probe failed or did not return within the timeout
	 */
	void check() throws IOException {
		CompletableFuture<Void> probing;
		synchronized (this) {
			if (this.running != null && !this.running.isDone()) {
				throw new IOException("an earlier probe has not returned yet (more than " + this.timeout.toMillis()
						+ " ms): the store does not answer");
			}
			probing = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					this.probe.run();
					probing.complete(null);
				}
				catch (IOException | RuntimeException ex) {
					probing.completeExceptionally(ex);
				}
			}, "file-store-probe");
			thread.setDaemon(true);
			this.running = probing;
			thread.start();
		}
		try {
			probing.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IOException("no answer within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while probing", ex);
		}
	}

	/** What is timed: writing, reading back and deleting a small file. */
	@FunctionalInterface
	interface Probe {

		void run() throws IOException;

	}

}
