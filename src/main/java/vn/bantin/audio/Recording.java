package vn.bantin.audio;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A broadcast-ready audio file of an item: uploaded and processed, taken from the item's
 * recording in the content folder, or synthesised from its script.
 *
 * @param id the processing id ({@code GET /api/audio/{id}})
 * @param itemId the item it belongs to
 * @param file the broadcast copy (mono MP3)
 * @param duration how long it plays
 * @param synthetic whether a speech synthesiser made it
 * @param sha256 the broadcast copy's SHA-256 in hex, for caches and ZIP exports
 */
public record Recording(long id, String itemId, Path file, Duration duration, boolean synthetic, String sha256) {
}
