package vn.bantin.content;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.media.UploadAudience;

/**
 * Residents may fetch an upload once an item they may see refers to it: attached, as a
 * document's file, or in its text. A file attached to a draft, to an item waiting for
 * approval (an attachment sends an approved item back to approval) or to an item since
 * withdrawn is staff's only. So is a file of an item that only the radio carries: such an
 * item is published when its bulletin's time comes, but it may be a zone's own matter and
 * residents read it nowhere, so nothing they read links to its files (the radio plays its
 * recordings from the radio's own store).
 */
@Component
@Transactional(readOnly = true)
class AttachmentAudience implements UploadAudience {

	private final ItemStore items;

	private final Clock clock;

	AttachmentAudience(ItemStore items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	@Override
	public boolean residentsMaySee(String address) {
		Instant now = this.clock.instant();
		return this.items.referringTo(address)
			.stream()
			.map(Item::view)
			.filter(AttachmentAudience::read)
			.anyMatch((item) -> item.visibleAt(now) || item.archivedAt(now));
	}

	/** Whether residents read it somewhere: on the site, in the feeds or in a letter. */
	private static boolean read(ItemView item) {
		return item.channels().contains(Channel.WEB) || item.channels().contains(Channel.FEED)
				|| item.channels().contains(Channel.EMAIL);
	}

}
