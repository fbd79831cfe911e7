package vn.bantin.mailing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;
import vn.bantin.publishing.Publications.PublicationView;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetables;

/**
 * The email channel: turns a due email publication into a mailing and returns at once
 * (the workers send in the background). A publication of an on-publish slot (or a
 * "publish now") makes one mailing of its item to its list, keyed by the publication; a
 * publication of a digest slot makes one mailing per list, slot and occurrence that
 * gathers every item of that occurrence, so the first of the siblings handed over makes
 * it and the others find it made. Handing the same publication over again (the hand-over
 * is at least once) makes nothing new.
 */
@Component
class EmailChannel implements PublicationChannel {

	private final Mailings mailings;

	private final Publications publications;

	private final Timetables timetables;

	private final ItemCatalog catalog;

	private final Letters letters;

	EmailChannel(Mailings mailings, Publications publications, Timetables timetables, ItemCatalog catalog,
			Letters letters) {
		this.mailings = mailings;
		this.publications = publications;
		this.timetables = timetables;
		this.catalog = catalog;
		this.letters = letters;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public void publish(PublicationView publication) {
		String list = publication.target();
		if (list == null || list.isBlank() || Publications.NO_TARGET.equals(list)) {
			throw new IllegalStateException("email publication " + publication.id() + " names no list");
		}
		Optional<Slot> slot = (publication.slot() != null) ? this.timetables.current().slot(publication.slot())
				: Optional.empty();
		if (slot.isPresent() && slot.get().kind() == SlotKind.DIGEST) {
			digest(publication, slot.get());
			return;
		}
		String origin = "publication:" + publication.id();
		if (this.mailings.existing(origin).isPresent()) {
			return;
		}
		String subject = this.catalog.item(publication.itemId())
			.map(Letters::subject)
			.orElseThrow(() -> new IllegalStateException("no item " + publication.itemId()));
		this.mailings.create(list, MailingKind.ON_PUBLISH, origin, subject, List.of(publication.itemId()), null);
	}

	private void digest(PublicationView publication, Slot slot) {
		String origin = "digest:" + publication.target() + ":" + slot.key() + ":" + publication.occurrence();
		if (this.mailings.existing(origin).isPresent()) {
			return;
		}
		List<String> items = this.publications
			.siblings(Channel.EMAIL, publication.target(), publication.occurrence(), publication.slot())
			.stream()
			.map(PublicationView::itemId)
			.distinct()
			.toList();
		this.mailings.create(publication.target(), MailingKind.DIGEST, origin,
				this.letters.digestSubject(slot.name(), publication.occurrence()), items, null);
	}

}
