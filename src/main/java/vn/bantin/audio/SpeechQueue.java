package vn.bantin.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.bantin.content.ItemView;

/**
 * Queues speech for an item's current script (on request, and when a radio item without a
 * recording is approved): the script's text, voice, speed and command make its cache key,
 * so the same script is rendered once, whoever asks and however often.
 */
@Component
class SpeechQueue {

	private final SpeechSynthesis speech;

	private final Scripts scripts;

	private final RecordingStore store;

	private final AudioFolder folder;

	private final ProcessingQueue queue;

	SpeechQueue(SpeechSynthesis speech, Scripts scripts, RecordingStore store, AudioFolder folder,
			ProcessingQueue queue) {
		this.speech = speech;
		this.scripts = scripts;
		this.store = store;
		this.folder = folder;
		this.queue = queue;
	}

	/**
	 * Queues speech for an item's current script, unless the same text with the same
	 * settings is already rendered or on its way: then that processing's id.
	 * @throws AudioRefused when no synthesiser runs here or the script is empty
	 */
	long speech(ItemView item, String by) throws AudioRefused, IOException {
		if (!this.speech.available()) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.no-speech",
					"no speech synthesiser runs here");
		}
		String text = this.scripts.of(item);
		if (text == null || text.isBlank()) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.no-script", "the script is empty");
		}
		String key = this.speech.cacheKey(text);
		synchronized (this) {
			Optional<AudioProcessing> known = this.store.byCacheKey(item.id(), key)
				.filter((p) -> p.status() != AudioProcessing.Status.FAILED);
			if (known.isPresent()) {
				return known.get().id();
			}
			Path incoming = this.folder.incoming("script");
			this.folder.write(incoming, (temporary) -> Files.writeString(temporary, text, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE_NEW));
			return this.queue.queue(item.id(), AudioProcessing.Source.SPEECH, key, "script.txt", incoming,
					Files.size(incoming), by);
		}
	}

}
