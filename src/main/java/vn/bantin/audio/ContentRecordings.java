package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.Secrets;

/**
 * Takes an item's recording kept in the content folder ({@code radio: recording:} in its
 * file) in, once per version of the file: the file's SHA-256 is the processing's cache
 * key, so the same file is never processed twice and an edited one is processed again. A
 * path outside the content folder, or to nothing, is logged and ignored.
 */
@Component
class ContentRecordings {

	private static final Logger log = LoggerFactory.getLogger(ContentRecordings.class);

	private final Path contentDir;

	private final AudioFolder folder;

	private final RecordingStore store;

	private final ProcessingQueue queue;

	ContentRecordings(BantinProperties properties, AudioFolder folder, RecordingStore store, ProcessingQueue queue) {
		this.contentDir = properties.contentDir().toAbsolutePath().normalize();
		this.folder = folder;
		this.store = store;
		this.queue = queue;
	}

	/**
	 * Takes an item's recording in the content folder in, once per version of the file;
	 * returns the processing's id, or empty when the item has none or it is known.
	 */
	synchronized Optional<Long> takeIn(ItemView item) throws IOException {
		String relative = (item.variants() != null) ? item.variants().radioRecording() : null;
		if (relative == null || relative.isBlank()) {
			return Optional.empty();
		}
		Path file = this.contentDir.resolve(relative.strip()).normalize();
		if (!file.startsWith(this.contentDir) || !Files.isRegularFile(file)) {
			log.warn("Item {}: its radio recording {} is not a file in the content folder", item.id(), relative);
			return Optional.empty();
		}
		Path incoming = this.folder.incoming("content");
		this.folder.copyIn(file, incoming);
		String key = "file:" + Secrets.sha256(incoming);
		if (this.store.byCacheKey(item.id(), key).isPresent()) {
			Files.deleteIfExists(incoming);
			return Optional.empty();
		}
		String name = file.getFileName().toString();
		try {
			return Optional.of(this.queue.queue(item.id(), AudioProcessing.Source.CONTENT_FILE, key, relative.strip(),
					incoming, Files.size(incoming), null));
		}
		catch (AudioRefused refused) {
			log.warn("Item {}: its radio recording {} is refused: {}", item.id(), name, refused.getMessage());
			return Optional.empty();
		}
	}

}
