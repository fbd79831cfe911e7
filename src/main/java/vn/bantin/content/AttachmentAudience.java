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
 * withdrawn is staff's only.
 */
@Component
@Transactional(readOnly = true)
class AttachmentAudience implements UploadAudience {

	private final Items items;

	private final Clock clock;

	AttachmentAudience(Items items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	@Override
	public boolean residentsMaySee(String address) {
		Instant now = this.clock.instant();
		return this.items.referringTo(address)
			.stream()
			.map(Item::view)
			.anyMatch((item) -> item.visibleAt(now) || item.archivedAt(now));
	}

}
