package vn.bantin.audio;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.bantin.content.ItemView;

/**
 * The broadcast-ready audio of items, as the radio's playlists ask for it: read from the
 * processings the workers recorded ({@link AudioWorkers}). Never blocks on processing.
 * With {@link Scripts}, it is what the audio module offers the radio.
 */
@Service
public class RadioAudio {

	private final RecordingStore store;

	private final AudioFolder folder;

	private final Scripts scripts;

	private final SpeechSynthesis speech;

	private final RadioAudioSettings settings;

	RadioAudio(RecordingStore store, AudioFolder folder, Scripts scripts, SpeechSynthesis speech,
			RadioAudioSettings settings) {
		this.store = store;
		this.folder = folder;
		this.scripts = scripts;
		this.speech = speech;
		this.settings = settings;
	}

	/**
	 * The audio an item plays from, when it is ready: its newest processed recording
	 * (uploaded, or its {@code radioRecording} in the content folder) made for its
	 * approved revision or an earlier one (a recording waiting for approval never airs;
	 * an item never approved has none), or else its synthetic speech of its CURRENT
	 * script (an edited script no longer plays the old speech). Never blocks on
	 * processing: what is not ready yet is empty (the playlist then shows the script).
	 */
	public Optional<Recording> forItem(ItemView item) {
		Optional<Recording> recorded = (item.approvedRevision() != null)
				? this.store.latestRecorded(item.id(), item.approvedRevision()).flatMap(this::recording)
				: Optional.empty();
		if (recorded.isPresent() || !this.settings.speechConfigured()
				|| !java.util.Objects.equals(item.approvedRevision(), item.revision())) {
			// speech reads the current script: only when that is the approved revision
			return recorded;
		}
		String script = this.scripts.of(item);
		if (script == null || script.isBlank()) {
			return Optional.empty();
		}
		return this.store.readyByCacheKey(this.speech.cacheKey(script))
			.flatMap(this::recording)
			.map((r) -> new Recording(r.id(), item.id(), r.file(), r.duration(), true, r.sha256()));
	}

	/** A recording by its processing id, when it is ready. */
	Optional<Recording> find(long id) {
		return this.store.find(id).flatMap(this::recording);
	}

	private Optional<Recording> recording(AudioProcessing processing) {
		if (processing.status() != AudioProcessing.Status.READY) {
			return Optional.empty();
		}
		Optional<Path> file = this.folder.file(processing.broadcastFile());
		return file.map((f) -> new Recording(processing.id(), processing.itemId(), f, processing.durationAfter(),
				processing.synthetic(), processing.broadcastSha256()));
	}

}
