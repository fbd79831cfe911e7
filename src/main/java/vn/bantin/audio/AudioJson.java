package vn.bantin.audio;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A processing as the JSON API and the admin page's poller show it. Times are ISO-8601
 * with the commune's offset; durations in seconds; loudness in LUFS, peaks in dBTP.
 *
 * @param id its id
 * @param itemId the item
 * @param status queued, processing, ready or failed
 * @param progress 0 to 100
 * @param stage what it is doing
 * @param error why it failed, or null
 * @param source upload, content_file or speech
 * @param synthetic whether a speech synthesiser made it
 * @param originalName the file name as sent
 * @param format the detected format
 * @param originalSize bytes of the original
 * @param before measured on the original
 * @param after measured on the encoded broadcast copy
 * @param loudnessRange the original's loudness range, LU
 * @param normalization linear or dynamic
 * @param created when it was queued
 * @param finished when it became ready or failed
 */
record AudioJson(long id, String itemId, String status, int progress, String stage, String error, String source,
		boolean synthetic, String originalName, String format, Long originalSize, Measure before, Measure after,
		Double loudnessRange, String normalization, String created, String finished) {

	static AudioJson of(AudioProcessing p, ZoneId zone) {
		return new AudioJson(p.id(), p.itemId(), p.status().key(), p.progress(), p.stage(), p.error(), p.source().key(),
				p.synthetic(), p.originalName(), p.format(), p.originalSize(),
				new Measure(seconds(p.durationBefore()), p.loudnessBefore(), p.truePeakBefore()),
				new Measure(seconds(p.durationAfter()), p.loudnessAfter(), p.truePeakAfter()), p.loudnessRange(),
				p.normalization(), time(p.createdAt(), zone), time(p.finishedAt(), zone));
	}

	private static Double seconds(java.time.Duration duration) {
		return (duration != null) ? duration.toMillis() / 1000.0 : null;
	}

	private static String time(Instant instant, ZoneId zone) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)) : null;
	}

	/**
	 * Measurements of one file.
	 *
	 * @param duration seconds
	 * @param loudness integrated loudness, LUFS
	 * @param truePeak true peak, dBTP
	 */
	record Measure(Double duration, Double loudness, Double truePeak) {
	}

	/**
	 * The answer to an upload.
	 *
	 * @param id the processing's id
	 * @param status {@code queued}
	 * @param location where to follow it
	 */
	record Queued(long id, String status, String location) {
	}

}
