package vn.bantin.radio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;

/**
 * The radio programme as a publishing channel. A due radio publication (one item, one
 * zone, one slot occurrence) is "on the programme": its occurrence's {@link Playlists
 * playlist} is built from the agenda, which reads the recorded publications, so there is
 * nothing to store here and taking a publication twice changes nothing (idempotent by
 * publication id, as the hand-over requires). What the operator really played is the
 * console's as-run log, not this.
 *
 * <p>
 * Only due publications reach a channel: an occurrence the lateness policy decided missed
 * (more than 15 minutes late by default) is never handed over, so it stays missed.
 */
@Component
class RadioChannel implements PublicationChannel {

	private static final Logger log = LoggerFactory.getLogger(RadioChannel.class);

	@Override
	public Channel channel() {
		return Channel.RADIO;
	}

	@Override
	public void publish(Publications.PublicationView publication) {
		if (publication.channel() != Channel.RADIO) {
			throw new IllegalArgumentException(
					"Publication " + publication.id() + " is for " + publication.channel().key() + ", not the radio");
		}
		log.debug("Radio: item {} on the programme of {} at {} ({})", publication.itemId(), publication.slot(),
				publication.occurrence(), publication.target());
	}

}
