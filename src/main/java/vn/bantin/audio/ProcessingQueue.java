package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.content.ItemView;

/**
 * Puts what came in (an upload, a content file, a script to speak) on the queue of
 * processings in {@code radio_audio}: its headers are probed first (not for a script), so
 * a file that is not audio, in a format not accepted, empty or too long is refused at
 * once and recorded as a FAILED processing with its reason; otherwise a QUEUED row with
 * the item revision it belongs to, and the workers are woken.
 */
@Component
class ProcessingQueue {

	private final AudioPipeline pipeline;

	private final RecordingStore store;

	private final AudioFolder folder;

	private final AudioWorkers workers;

	private final ItemCatalog catalog;

	private final ItemLifecycle lifecycle;

	private final MessageSource messages;

	private final Clock clock;

	ProcessingQueue(AudioPipeline pipeline, RecordingStore store, AudioFolder folder, AudioWorkers workers,
			ItemCatalog catalog, ItemLifecycle lifecycle, MessageSource messages, Clock clock) {
		this.pipeline = pipeline;
		this.store = store;
		this.folder = folder;
		this.workers = workers;
		this.catalog = catalog;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Queues the file {@code incoming} (under the audio folder's {@code incoming/}) of an
	 * item; returns the processing's id.
	 * @throws AudioRefused when the probe refuses it (recorded as a failed processing,
	 * the file deleted), or when the item is archived
	 */
	long queue(String itemId, AudioProcessing.Source source, String key, String name, Path incoming, long size,
			String by) throws AudioRefused, IOException {
		String format = null;
		if (source != AudioProcessing.Source.SPEECH) {
			try {
				format = this.pipeline.probe(incoming).format().extension();
			}
			catch (AudioRefused refused) {
				Files.deleteIfExists(incoming);
				if (!this.workers.isRunning() && source != AudioProcessing.Source.UPLOAD) {
					// the probe was ended by the stop, not refused by the file
					throw new IOException("stopped while probing " + name);
				}
				throw refusal(itemId, source, key, name, size, refused, by);
			}
		}
		Integer revision;
		try {
			revision = revision(itemId, source, name, by);
		}
		catch (IllegalStateException archived) {
			Files.deleteIfExists(incoming);
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.archived", archived.getMessage());
		}
		long id = this.store.insert(itemId, AudioProcessing.Status.QUEUED, source,
				source == AudioProcessing.Source.SPEECH, key, name, format, size, null, by, this.clock.instant(),
				revision);
		this.store.original(id, format, size, this.folder.relative(incoming));
		this.workers.wake();
		return id;
	}

	/**
	 * Records a refusal as a FAILED processing with its reason; returns the refusal, for
	 * the caller to throw.
	 */
	AudioRefused refusal(String itemId, AudioProcessing.Source source, String key, String name, Long size,
			AudioRefused refused, String by) {
		this.store.insert(itemId, AudioProcessing.Status.FAILED, source, source == AudioProcessing.Source.SPEECH, key,
				name, null, size, refused.reason(name, this.messages), by, this.clock.instant(), null);
		return refused;
	}

	/**
	 * The item revision a new recording belongs to. A person's upload changes what the
	 * loudspeakers play: it makes a new revision of the item (an approved or published
	 * item goes back to approval, {@link ItemLifecycle#recorded}), and airs once that is
	 * approved. A content file's recording and speech belong to the revision they were
	 * made from (the file's version, the script's text).
	 */
	private Integer revision(String itemId, AudioProcessing.Source source, String name, String by) {
		if (source == AudioProcessing.Source.UPLOAD) {
			return this.lifecycle.recorded(itemId, (by != null) ? by : "radio", "recording " + name,
					this.clock.instant());
		}
		return this.catalog.item(itemId).map(ItemView::revision).orElse(null);
	}

}
