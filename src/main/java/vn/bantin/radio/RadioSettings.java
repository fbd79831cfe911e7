package vn.bantin.radio;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the radio treats audio and builds playlists ({@code bantin.radio.*}).
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
 * @param intro the jingle before every bulletin, relative to the content folder; blank
 * for none
 * @param outro the jingle after every bulletin, relative to the content folder; blank for
 * none
 * @param dictionary the abbreviation dictionary, relative to the content folder
 * @param missedAfter a slot occurrence with nothing played this long after its start (or
 * at its slot's end, if later) is missed
 */
@ConfigurationProperties("bantin.radio")
public record RadioSettings(Path audioDir, @DefaultValue("-16") double loudnessTarget,
		@DefaultValue("-1.5") double truePeakCeiling, @DefaultValue("1") double loudnessTolerance,
		@DefaultValue("-50") double silenceThreshold, @DefaultValue("200MB") DataSize maxUploadSize,
		@DefaultValue("60m") Duration maxDuration, @DefaultValue("2") int workers,
		@DefaultValue("espeak-ng") String speechCommand, @DefaultValue("vi") String speechVoice,
		@DefaultValue("150") int speechSpeed, @DefaultValue("radio/nhac-hieu-mo-dau.mp3") String intro,
		@DefaultValue("radio/nhac-hieu-ket-thuc.mp3") String outro,
		@DefaultValue("radio/viet-tat.yaml") String dictionary, @DefaultValue("1h") Duration missedAfter) {

	public RadioSettings {
		workers = Math.max(1, workers);
		speechSpeed = Math.max(80, Math.min(450, speechSpeed));
		maxUploadSize = (maxUploadSize != null) ? maxUploadSize : DataSize.ofMegabytes(200);
		maxDuration = (maxDuration != null) ? maxDuration : Duration.ofMinutes(60);
		missedAfter = (missedAfter != null) ? missedAfter : Duration.ofHours(1);
	}

	/**
	 * Whether a speech command is configured (it may still be missing on the machine).
	 */
	boolean speechConfigured() {
		return this.speechCommand != null && !this.speechCommand.isBlank();
	}

}
