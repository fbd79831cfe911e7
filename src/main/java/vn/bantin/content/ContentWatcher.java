package vn.bantin.content;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.bantin.commune.CommuneFolders;
import vn.bantin.system.BantinProperties;

/**
 * Reloads the content folder whenever its files change, without a restart.
 *
 * <p>
 * One daemon thread, {@value #THREAD_NAME}, waits for the operating system's change
 * events on the content folder and its sub-folders ({@link ContentFolderEvents}) and,
 * every {@code bantin.content.poll-interval}, also compares a fingerprint of the folder
 * ({@link ContentFingerprint}: paths, sizes and modification times of the Markdown and
 * media files) with the one taken for the last load: network drives and some container
 * mounts deliver no events. Editors save in bursts (a temporary file, then a rename), so
 * the folder is reloaded only once it has stayed unchanged for
 * {@code bantin.content.quiet-period}. Loads run on this one thread, one after the other:
 * changes made during a load cause one more load, never a queue of them.
 *
 * <p>
 * A missing content folder (not created yet, or a drive that is not mounted) is never
 * loaded: what was loaded stays, rather than every item being archived, and the folder is
 * loaded again when polling sees it back.
 *
 * <p>
 * Durations here only pace the thread's own waiting, so they are measured with
 * {@link System#nanoTime()}: the application's {@code Clock} may be a fixed one in tests.
 *
 * <p>
 * This class decides when to load (the thread's life cycle, the quiet period, polling,
 * one load at a time); what the folder holds and what the events mean are the two classes
 * named above, each usable on its own.
 *
 * <p>
 * In a province ({@code bantin.communes-dir}) the one thread watches the whole tree:
 * every commune's {@code content/} on one watch service (a system allows only so many),
 * and a change reloads only the commune(s) whose files changed, each in its own scope.
 */
@Component
class ContentWatcher implements SmartLifecycle {

	static final String THREAD_NAME = "content-watcher";

	private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

	/** How long to pause after an unexpected failure before watching again. */
	private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

	/** How long {@link #stop()} waits for a load in progress to finish. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private static final int NAMES_LOGGED = 5;

	private final ContentFolder folder;

	private final Path root;

	private final ContentSettings settings;

	private final AtomicInteger reloads = new AtomicInteger();

	private final Object lifecycleMonitor = new Object();

	private boolean running;

	private Watch watch;

	private Thread thread;

	private final CommuneFolders communes;

	/**
	 * The content folders watched by the prefix of their paths: the content folder alone
	 * (prefix empty), or each commune's ({@code <key>/content/}); known once started.
	 */
	private volatile Map<String, Path> roots;

	/** A single commune's content folder, {@code bantin.content-dir}. */
	ContentWatcher(ContentFolder folder, BantinProperties properties, ContentSettings settings) {
		this(folder, properties, settings, null);
	}

	@Autowired
	ContentWatcher(ContentFolder folder, BantinProperties properties, ContentSettings settings,
			CommuneFolders communes) {
		this.folder = folder;
		this.communes = communes;
		this.root = (province()) ? communes.root().orElseThrow() : properties.contentDir().toAbsolutePath().normalize();
		this.settings = settings;
	}

	private boolean province() {
		return this.communes != null && this.communes.enabled();
	}

	/** The content folders to watch, by the prefix of their files' paths. */
	private Map<String, Path> roots() {
		if (!province()) {
			return Map.of("", this.root);
		}
		Map<String, Path> roots = new java.util.LinkedHashMap<>();
		this.communes.folders().forEach((f) -> roots.put(f.key() + "/content/", f.content()));
		return roots;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			if (!this.settings.watch() && !this.settings.polling()) {
				log.info("Content files in {} are loaded at start only (watching and polling are off)", this.root);
				return;
			}
			this.roots = roots();
			this.watch = new Watch(openWatchService());
			this.watch.prepare();
			this.thread = new Thread(this.watch, THREAD_NAME);
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	@Override
	public void stop() {
		Watch stopping;
		Thread stoppingThread;
		synchronized (this.lifecycleMonitor) {
			this.running = false;
			stopping = this.watch;
			stoppingThread = this.thread;
			this.watch = null;
			this.thread = null;
		}
		if (stopping == null) {
			return;
		}
		// no interrupt: a load in progress finishes its database work first
		stopping.stop();
		try {
			stoppingThread.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (stoppingThread.isAlive()) {
			log.warn("The content watcher is still loading after {}; not waiting for it", STOP_TIMEOUT);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running;
		}
	}

	/** How many loads changes have caused since the application started. */
	int reloads() {
		return this.reloads.get();
	}

	private WatchService openWatchService() {
		if (!this.settings.watch()) {
			return null;
		}
		try {
			return this.root.getFileSystem().newWatchService();
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Cannot watch {} for changes ({}); relying on polling every {}", this.root, ex.getMessage(),
					this.settings.pollInterval());
			return null;
		}
	}

	private static String human(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/**
	 * The watcher thread's work. All fields but {@link #stopping} are confined to that
	 * thread.
	 */
	private final class Watch implements Runnable, ContentFolderEvents.Changes {

		/** The operating system's change events, or {@code null} without them. */
		private final ContentFolderEvents events;

		private final CountDownLatch stopped = new CountDownLatch(1);

		private volatile boolean stopping;

		private final long quietNanos;

		private final long pollNanos;

		/** A change is loaded at the latest this long after it was first seen. */
		private final long maxDelayNanos;

		/** The fingerprint of the folder as last loaded; {@code null} when unknown. */
		private Map<String, ContentFingerprint.Stamp> loaded;

		private boolean pending;

		private long firstChange;

		private long lastChange;

		/** Files the events named since the last load. */
		private final Set<String> changed = new LinkedHashSet<>();

		private boolean overflow;

		/**
		 * The fingerprint with which polling noticed a change, to tell whether the folder
		 * is still changing.
		 */
		private Map<String, ContentFingerprint.Stamp> polled;

		private long nextPoll;

		private boolean missing;

		Watch(WatchService service) {
			this.events = (service != null) ? new ContentFolderEvents(ContentWatcher.this.roots, service) : null;
			ContentSettings settings = ContentWatcher.this.settings;
			this.quietNanos = Math.max(0, settings.quietPeriod().toNanos());
			this.pollNanos = settings.polling() ? settings.pollInterval().toNanos() : 0;
			this.maxDelayNanos = Math.max(Math.max(this.pollNanos, 10 * this.quietNanos),
					Duration.ofSeconds(1).toNanos());
		}

		void stop() {
			this.stopping = true;
			this.stopped.countDown();
			if (this.events != null) {
				this.events.close();
			}
		}

		/**
		 * Takes the fingerprint of the folder as the loader at start reads it (or will in
		 * a moment) and watches its folders, so that every change made after
		 * {@link ContentWatcher#start()} returns is noticed.
		 */
		void prepare() {
			log.info("Watching {} for changes (change events: {}, polling: {}, quiet period: {})",
					ContentWatcher.this.root, (this.events != null) ? "on" : "off",
					(this.pollNanos > 0) ? "every " + human(ContentWatcher.this.settings.pollInterval()) : "off",
					human(ContentWatcher.this.settings.quietPeriod()));
			try {
				ContentFingerprint scan = scanFolder();
				if (scan != null) {
					register(scan.folders());
					this.loaded = scan.files();
				}
			}
			catch (RuntimeException ex) {
				// the first poll loads
				log.warn("Cannot read {}; still watching it", ContentWatcher.this.root, ex);
			}
			this.nextPoll = System.nanoTime() + this.pollNanos;
		}

		@Override
		public void run() {
			try {
				while (!this.stopping) {
					step();
				}
			}
			catch (ClosedWatchServiceException ex) {
				// stopping
			}
			finally {
				this.stop();
				log.debug("Stopped watching {}", ContentWatcher.this.root);
			}
		}

		/** Does one thing: load, poll, or wait for events; never throws but to stop. */
		private void step() {
			try {
				long now = System.nanoTime();
				if (this.pending
						&& (now - this.lastChange >= this.quietNanos || now - this.firstChange >= this.maxDelayNanos)) {
					settle(now);
				}
				else if (this.pollNanos > 0 && now - this.nextPoll >= 0) {
					this.nextPoll = now + this.pollNanos;
					poll();
				}
				else {
					long wait = Long.MAX_VALUE;
					if (this.pending) {
						wait = Math.min(this.lastChange + this.quietNanos, this.firstChange + this.maxDelayNanos) - now;
					}
					if (this.pollNanos > 0) {
						wait = Math.min(wait, this.nextPoll - now);
					}
					awaitEvents(Math.max(wait, 0));
				}
			}
			catch (ClosedWatchServiceException ex) {
				throw ex;
			}
			catch (InterruptedException ex) {
				// only stop() ends the watch; it never interrupts
				log.debug("Content watcher interrupted", ex);
			}
			catch (RuntimeException ex) {
				log.warn("Content watcher failed; still watching {}", ContentWatcher.this.root, ex);
				pause();
			}
		}

		private void pause() {
			try {
				this.stopped.await(FAILURE_PAUSE.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				log.debug("Content watcher interrupted", ex);
			}
		}

		private void awaitEvents(long nanos) throws InterruptedException {
			if (this.events == null) {
				this.stopped.await(nanos, TimeUnit.NANOSECONDS);
				return;
			}
			this.events.await(nanos, this);
		}

		@Override
		public void lost() {
			this.overflow = true;
			changed(null);
		}

		@Override
		public void changed(String path) {
			long now = System.nanoTime();
			if (!this.pending) {
				this.pending = true;
				this.firstChange = now;
			}
			this.lastChange = now;
			if (path != null) {
				this.changed.add(path);
			}
		}

		private void poll() {
			ContentFingerprint scan = scanFolder();
			if (scan == null) {
				return;
			}
			register(scan.folders());
			if (!this.pending && !scan.files().equals(this.loaded)) {
				this.polled = scan.files();
				changed(null);
			}
		}

		/** The folder has been quiet: loads it if anything changed. */
		private void settle(long now) {
			ContentFingerprint scan = scanFolder();
			if (scan == null) {
				clearPending();
				return;
			}
			register(scan.folders());
			if (this.polled != null && !this.polled.equals(scan.files())
					&& now - this.firstChange < this.maxDelayNanos) {
				// polling saw a change and the folder is still changing: wait for quiet
				this.polled = scan.files();
				this.lastChange = now;
				return;
			}
			Set<String> files = new TreeSet<>(this.changed);
			files.addAll(ContentFingerprint.differing(this.loaded, scan.files()));
			boolean force = this.overflow || this.loaded == null;
			clearPending();
			if (files.isEmpty() && !force) {
				return;
			}
			log.info("Content changed: reloading {} file(s){}", files.size(), names(files));
			this.loaded = null;
			reload(files, force);
			ContentWatcher.this.reloads.incrementAndGet();
			// a change made while loading differs from this and loads again
			this.loaded = scan.files();
		}

		/**
		 * Loads the content folder, or in a province the communes whose files changed
		 * (every commune when only a new fingerprint can tell).
		 */
		private void reload(Set<String> files, boolean force) {
			if (!province()) {
				ContentWatcher.this.folder.load();
				return;
			}
			Set<String> keys = new TreeSet<>();
			if (force || files.isEmpty()) {
				ContentWatcher.this.roots.keySet()
					.forEach((prefix) -> keys.add(prefix.substring(0, prefix.indexOf('/'))));
			}
			else {
				files.stream()
					.filter((path) -> path.indexOf('/') > 0)
					.forEach((path) -> keys.add(path.substring(0, path.indexOf('/'))));
			}
			for (String key : keys) {
				ContentWatcher.this.folder.reload(key);
			}
		}

		private void clearPending() {
			this.pending = false;
			this.changed.clear();
			this.overflow = false;
			this.polled = null;
		}

		private String names(Set<String> files) {
			if (files.isEmpty()) {
				return "";
			}
			String shown = String.join(", ", files.stream().limit(NAMES_LOGGED).toList());
			return ": " + shown + ((files.size() > NAMES_LOGGED) ? ", …" : "");
		}

		private ContentFingerprint scanFolder() {
			ContentFingerprint scan = province() ? ContentFingerprint.of(ContentWatcher.this.roots)
					: ContentFingerprint.of(ContentWatcher.this.root);
			if (scan == null && !this.missing) {
				log.info("Content folder {} is missing; keeping what was loaded until it is back",
						ContentWatcher.this.root);
			}
			else if (scan != null && this.missing) {
				log.info("Content folder {} is back", ContentWatcher.this.root);
			}
			this.missing = scan == null;
			return scan;
		}

		private void register(List<Path> folders) {
			if (this.events != null) {
				this.events.watch(folders);
			}
		}

	}

}
