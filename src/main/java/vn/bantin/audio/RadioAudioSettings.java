package vn.bantin.audio;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How recordings are taken in, made broadcast-ready and synthesised
 * ({@code bantin.radio.*}: the names predate this module and stay, so that existing
 * configuration keeps working; the playlists' settings under the same prefix are the
 * radio module's {@code RadioAudioSettings}).
 *
 * @param audioDir where originals and broadcast copies are kept; default
 * {@code <data-dir>/radio}
 * @param loudnessTarget integrated loudness of every broadcast copy, in LUFS
 * @param truePeakCeiling the highest true peak allowed, in dBTP
 * @param loudnessTolerance how far (LU) the measured loudness of a broadcast copy may be
 * from the target before ingest is refused as failed
 * @param silenceThreshold below this level (dBFS) leading and trailing sound counts as
 * silence
 * @param maxUploadSize the largest audio file accepted
 * @param maxDuration the longest recording accepted
 * @param workers how many recordings are processed at once
 * @param speechCommand the text-to-speech command; blank turns speech off. Must take
 * espeak-ng's options ({@code -v voice -s words-per-minute -w out.wav -f text-file})
 * @param speechVoice the voice, e.g. {@code vi}
 * @param speechSpeed words per minute
 * @param dictionary the abbreviation dictionary, relative to the content folder
 * @param staleAfter a processing whose claim has not been refreshed for this long (by the
 * database's clock) is taken over by any node, even when the node that claimed it still
 * beats: its workers refresh their claims every quarter of it while they work (a
 * processing of a node that is gone is taken over as soon as it is seen gone). Default 1
 * min
 */
@ConfigurationProperties("bantin.radio")
record RadioAudioSettings(Path audioDir, @DefaultValue("-16") double loudnessTarget,
		@DefaultValue("-1.5") double truePeakCeiling, @DefaultValue("1") double loudnessTolerance,
		@DefaultValue("-50") double silenceThreshold, @DefaultValue("200MB") DataSize maxUploadSize,
		@DefaultValue("60m") Duration maxDuration, @DefaultValue("2") int workers,
		@DefaultValue("espeak-ng") String speechCommand, @DefaultValue("vi") String speechVoice,
		@DefaultValue("150") int speechSpeed, @DefaultValue("radio/viet-tat.yaml") String dictionary,
		@DefaultValue("1m") Duration staleAfter) {

	RadioAudioSettings {
		workers = Math.max(1, workers);
		speechSpeed = Math.max(80, Math.min(450, speechSpeed));
		maxUploadSize = (maxUploadSize != null) ? maxUploadSize : DataSize.ofMegabytes(200);
		maxDuration = (maxDuration != null) ? maxDuration : Duration.ofMinutes(60);
		staleAfter = (staleAfter != null && staleAfter.compareTo(Duration.ofSeconds(1)) >= 0) ? staleAfter
				: Duration.ofMinutes(1);
	}

	/**
	 * Whether a speech command is configured (it may still be missing on the machine).
	 */
	boolean speechConfigured() {
		return this.speechCommand != null && !this.speechCommand.isBlank();
	}

}
