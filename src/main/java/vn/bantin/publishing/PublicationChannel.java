package vn.bantin.publishing;

import vn.bantin.content.Channel;

/**
 * A channel that takes publications: the web site, the feeds, the email lists, the radio
 * programme. Each is a Spring bean; the publishing module hands it every due publication
 * of its channel, at least once: again after a failure or a crash before the hand-over
 * was recorded. So {@link #publish} must be idempotent, keyed by the publication's id.
 */
public interface PublicationChannel {

	/** The channel this bean serves. */
	Channel channel();

	/**
	 * Takes a due publication. Returns normally when the channel accepted it (the
	 * publication is then marked published); throws when it could not, with a message
	 * that says why (the publication is handed over again later).
	 */
	void publish(Publications.PublicationView publication) throws Exception;

}
