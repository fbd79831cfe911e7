package vn.bantin.audio;

import java.time.Duration;
import java.time.Instant;

/**
 * One processing of a recording into a broadcast copy, as stored: where it stands and
 * what was measured. Loudness in LUFS, peaks in dBTP, range in LU; measurements are null
 * until known.
 *
 * @param id its id
 * @param itemId the item it belongs to
 * @param status queued, processing, ready or failed
 * @param progress 0 to 100
 * @param stage what it is doing ({@code queued}, {@code measuring}, {@code normalising},
 * {@code encoding}, {@code verifying}, {@code done}, {@code failed})
 * @param error why it failed, in words; null otherwise
 * @param source where the recording came from
 * @param synthetic whether a speech synthesiser made it
 * @param cacheKey for speech, the hash of text and settings; for a content file, of its
 * path and bytes; null for uploads
 * @param originalName the file name as sent (NFC), or a description
 * @param format the detected format ({@link AudioFormat#extension()}), or null
 * @param originalSize bytes of the original
 * @param originalFile the kept original, relative to the audio folder
 * @param broadcastFile the broadcast copy, relative to the audio folder
 * @param broadcastSha256 the broadcast copy's SHA-256
 * @param durationBefore the original's duration
 * @param durationAfter the broadcast copy's duration
 * @param loudnessBefore the original's integrated loudness
 * @param loudnessAfter the broadcast copy's integrated loudness
 * @param truePeakBefore the original's true peak
 * @param truePeakAfter the broadcast copy's true peak
 * @param loudnessRange the original's loudness range
 * @param normalization {@code linear} or {@code dynamic}
 * @param createdBy who sent it, or null for the application
 * @param createdAt when it was queued
 * @param finishedAt when it became ready or failed
 * @param itemRevision the item's revision it was made for (an upload makes a new one); it
 * airs only once that revision or a later one is approved; null for recordings from
 * before revisions were kept
 */
record AudioProcessing(long id, String itemId, Status status, int progress, String stage, String error, Source source,
		boolean synthetic, String cacheKey, String originalName, String format, Long originalSize, String originalFile,
		String broadcastFile, String broadcastSha256, Duration durationBefore, Duration durationAfter,
		Double loudnessBefore, Double loudnessAfter, Double truePeakBefore, Double truePeakAfter, Double loudnessRange,
		String normalization, String createdBy, Instant createdAt, Instant finishedAt, Integer itemRevision) {

	public boolean finished() {
		return this.status == Status.READY || this.status == Status.FAILED;
	}

	/** Where a processing stands. */
	enum Status {

		QUEUED, PROCESSING, READY, FAILED;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Where the recording came from. */
	enum Source {

		UPLOAD, CONTENT_FILE, SPEECH;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
