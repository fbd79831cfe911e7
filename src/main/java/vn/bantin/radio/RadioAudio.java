package vn.bantin.radio;

import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.bantin.content.ItemView;

/**
 * The broadcast-ready audio of items, as the playlists ask for it. CONTRACT for the
 * playlists and the console; the ingest work fills in the body.
 */
@Service
class RadioAudio {

	/**
	 * The audio an item plays from, when it is ready: its newest processed recording
	 * (uploaded, or its {@code radioRecording} in the content folder), or else its
	 * synthetic speech when a synthesiser is available. Never blocks on processing: what
	 * is not ready yet is empty (the playlist then shows the script).
	 */
	Optional<Recording> forItem(ItemView item) {
		return Optional.empty();
	}

	/** A recording by its processing id. */
	Optional<Recording> find(long id) {
		return Optional.empty();
	}

}
