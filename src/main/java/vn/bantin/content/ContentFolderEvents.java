package vn.bantin.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's change events for a content folder ({@link WatchService}), told
 * as the changes that matter for loading it: a Markdown file in a folder the loader
 * reads, any file under {@value ContentFingerprint#MEDIA}, or one of those folders coming
 * or going. Folders created later are watched too; a folder that cannot be watched (the
 * system's limit of watches) is left to polling.
 *
 * <p>
 * Kept apart from {@link ContentWatcher}, which decides when to load (quiet period,
 * polling, at most one load at a time): this class only knows the watch service's keys
 * and events. Used by the watcher's one thread; only {@link #close()} may be called from
 * another.
 */
final class ContentFolderEvents {

	private static final Logger log = LoggerFactory.getLogger(ContentFolderEvents.class);

	/** Each content folder watched, by the prefix of its files' paths. */
	private final Map<String, Path> roots;

	private final WatchService service;

	private final Map<WatchKey, Path> keys = new HashMap<>();

	private final Map<Path, WatchKey> watched = new HashMap<>();

	private final Set<Path> unwatchable = new HashSet<>();

	ContentFolderEvents(Path root, WatchService service) {
		this(Map.of("", root), service);
	}

	/**
	 * Events of several content folders on one watch service (the communes of a province:
	 * one watcher over the tree).
	 * @param roots each content folder by the prefix its files' paths are told with, e.g.
	 * {@code hoang-trung/content/}
	 */
	ContentFolderEvents(Map<String, Path> roots, WatchService service) {
		this.roots = Map.copyOf(roots);
		this.service = service;
	}

	/** Stops the events; a thread waiting for them gets a closed watch service. */
	void close() {
		try {
			this.service.close();
		}
		catch (IOException ex) {
			log.debug("Closing the watch service failed", ex);
		}
	}

	/**
	 * Waits up to {@code nanos} for events and tells the changes they name, with those
	 * already queued.
	 * @throws java.nio.file.ClosedWatchServiceException once closed
	 */
	void await(long nanos, Changes changes) throws InterruptedException {
		WatchKey key = this.service.poll(nanos, TimeUnit.NANOSECONDS);
		while (key != null) {
			handle(key, changes);
			key = this.service.poll();
		}
	}

	/** Watches these folders, unless they are watched already. */
	void watch(List<Path> folders) {
		for (Path dir : folders) {
			WatchKey known = this.watched.get(dir);
			if (known != null && known.isValid()) {
				continue;
			}
			if (known != null) {
				this.keys.remove(known);
			}
			try {
				WatchKey key = dir.register(this.service, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
				this.keys.put(key, dir);
				this.watched.put(dir, key);
				this.unwatchable.remove(dir);
			}
			catch (IOException ex) {
				// e.g. the system's limit of watches: polling still sees the changes
				if (this.unwatchable.add(dir)) {
					log.warn("Cannot watch {} ({}); changes there are seen by polling", dir, ex.toString());
				}
			}
		}
	}

	private void handle(WatchKey key, Changes changes) {
		Path dir = this.keys.get(key);
		if (dir == null) {
			key.cancel();
			return;
		}
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
				changes.lost();
			}
			else {
				onEvent(dir, event.kind(), dir.resolve((Path) event.context()), changes);
			}
		}
		if (!key.reset()) {
			// the folder was deleted or moved away
			this.keys.remove(key);
			this.watched.remove(dir);
			changes.changed(null);
		}
	}

	private void onEvent(Path dir, WatchEvent.Kind<?> kind, Path child, Changes changes) {
		for (Map.Entry<String, Path> root : this.roots.entrySet()) {
			if (dir.startsWith(root.getValue())) {
				onEvent(root.getKey(), root.getValue(), dir, kind, child, changes);
				return;
			}
		}
	}

	private void onEvent(String prefix, Path root, Path dir, WatchEvent.Kind<?> kind, Path child, Changes changes) {
		Path media = root.resolve(ContentFingerprint.MEDIA);
		boolean newFolder = kind == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child);
		if (dir.equals(root)) {
			String name = child.getFileName().toString();
			if (name.equals(ContentFingerprint.MEDIA) || ContentFiles.folders().contains(name)) {
				// which files came or went with the folder, the fingerprint tells
				changes.changed(null);
				if (newFolder) {
					watchAll(root);
				}
			}
		}
		else if (dir.startsWith(media)) {
			changes.changed(prefix + ContentFiles.relative(root, child));
			if (newFolder) {
				watchAll(root);
			}
		}
		else if (child.getFileName().toString().endsWith(".md")) {
			changes.changed(prefix + ContentFiles.relative(root, child));
		}
	}

	private void watchAll(Path root) {
		ContentFingerprint now = ContentFingerprint.of(root);
		if (now != null) {
			watch(now.folders());
		}
	}

	/** What the events tell. */
	interface Changes {

		/**
		 * Something changed.
		 * @param path the file, relative to the content folder, or {@code null} when only
		 * a new fingerprint can tell which files changed
		 */
		void changed(String path);

		/**
		 * Events were lost (the system's queue overflowed): anything may have changed.
		 */
		void lost();

	}

}
