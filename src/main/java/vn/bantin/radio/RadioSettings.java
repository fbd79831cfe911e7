package vn.bantin.radio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the radio builds playlists and judges occurrences ({@code bantin.radio.*}; the
 * settings of recordings and speech under the same prefix belong to the audio module).
 *
 * @param intro the jingle before every bulletin, relative to the content folder; blank
 * for none
 * @param outro the jingle after every bulletin, relative to the content folder; blank for
 * none
 * @param missedAfter a slot occurrence with nothing played this long after its start (or
 * at its slot's end, if later) is missed
 */
@ConfigurationProperties("bantin.radio")
record RadioSettings(@DefaultValue("radio/nhac-hieu-mo-dau.mp3") String intro,
		@DefaultValue("radio/nhac-hieu-ket-thuc.mp3") String outro, @DefaultValue("1h") Duration missedAfter) {

	public RadioSettings {
		missedAfter = (missedAfter != null) ? missedAfter : Duration.ofHours(1);
	}

}
