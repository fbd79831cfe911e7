package vn.bantin.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemLifecycle;

/**
 * Hands due publications to their channels: the one mechanism by which anything goes out.
 * The publication table is the queue (not Spring Modulith's event publication registry):
 * a publication is handed over while it is {@link PublicationStatus#DUE}, and marked
 * {@link PublicationStatus#PUBLISHED} once its {@link PublicationChannel} returned.
 *
 * <p>
 * <b>The item went out.</b> The hand-over, not a channel, marks the item itself published
 * ({@link ItemLifecycle#published}), in the transaction that marks the publication, when
 * a channel first takes one of its publications: whichever channel that is. An item meant
 * only for the radio is published when its first bulletin's time comes and the radio
 * channel takes it (it is then on the programme the operator plays; what was really
 * played is the as-run log's, per zone, and is the operator's act, not ours); an item
 * meant only for email when the email channel has queued its mailing. Being published
 * gives an item no page: what residents see on the site and in the feeds still follows
 * its channels ({@link vn.bantin.content.ItemView#visibleAt(Instant, Channel)}).
 *
 * <p>
 * At {@code now}, {@link #run} first decides every planned publication whose occurrence
 * has come with the {@link LatenessPolicy} (the reason is stored), then hands each due
 * one to the channel bean of its channel. A channel with no bean yet (later issues
 * provide them) leaves its publications due: they wait for their channel. A channel that
 * throws gets the publication again at the next run (the scheduler runs this at least
 * every {@code bantin.schedule.retry-interval}); the attempts and the last error are
 * stored, and after {@code bantin.publishing.max-attempts} failures the publication is
 * {@link PublicationStatus#FAILED} with the error as its reason.
 *
 * <p>
 * <b>At least once.</b> A crash between a channel's {@code publish} and the mark leaves
 * the publication due, so the channel receives it again after the restart (or on another
 * node). Channels must therefore be idempotent by publication id.
 *
 * <p>
 * <b>Several nodes.</b> Any node may run this at any moment, also two at once: each
 * publication is held while it is handed over (see {@link #handOver}), so two runs split
 * the due publications between them instead of handing each over twice.
 */
@Service
public class Handover {

	private static final Logger log = LoggerFactory.getLogger(Handover.class);

	private final Publications publications;

	private final PublicationStore store;

	private final ObjectProvider<PublicationChannel> channels;

	private final int maxAttempts;

	private final TransactionTemplate transaction;

	private final ItemLifecycle lifecycle;

	Handover(Publications publications, PublicationStore store, ObjectProvider<PublicationChannel> channels,
			PublishingSettings settings, PlatformTransactionManager transactions, ItemLifecycle lifecycle) {
		this.publications = publications;
		this.store = store;
		this.channels = channels;
		this.lifecycle = lifecycle;
		this.maxAttempts = Math.max(1, settings.maxAttempts());
		this.transaction = new TransactionTemplate(transactions);
		// each publication's outcome is stored by itself, whatever the caller's
		// transaction
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Decides what has come due at {@code now} and hands it over.
	 * @return the publications as they stand after this run, in the order handled
	 */
	public synchronized List<Publications.PublicationView> run(Instant now) {
		Map<Channel, PublicationChannel> byChannel = channels();
		List<Publications.PublicationView> handled = new ArrayList<>();
		for (Publications.PublicationView publication : this.publications.due(now)) {
			Publications.PublicationView current = publication;
			if (current.status() == PublicationStatus.PLANNED) {
				current = this.publications.decide(current.id(), now);
			}
			if (current.status() == PublicationStatus.DUE) {
				PublicationChannel channel = byChannel.get(current.channel());
				if (channel != null) {
					current = handOver(current, channel, now);
				}
			}
			handled.add(current);
		}
		return handled;
	}

	/**
	 * Hands one due publication to its channel, holding it: its row is locked
	 * ({@code FOR UPDATE SKIP LOCKED}) from before the channel is called until the mark
	 * commits. Why: several nodes run the hand-over at the same moment (a slot's job on
	 * one, the periodic run on another, a "publish now" on a third) and read the same due
	 * rows; a row another node holds is skipped here (that node hands it over), and a row
	 * claimed after that node committed is no longer due and is left. So a channel gets a
	 * publication once in the normal case, and again only after a crash between its
	 * {@code publish} and the commit: a dead node's session ends and releases the row,
	 * which is then still due and handed over by the next run on any node. Channels are
	 * idempotent by publication id for that case (the web and feeds store nothing, the
	 * radio builds its playlists from the recorded publications, the email channel makes
	 * at most one mailing per origin under a unique key).
	 *
	 * <p>
	 * A conflict at the commit (another publication of the same item marked it published
	 * on another node at the same moment) is retried once: the row is still due, the
	 * channel takes it again and changes nothing, and the item is found published.
	 */
	private Publications.PublicationView handOver(Publications.PublicationView publication, PublicationChannel channel,
			Instant now) {
		for (int attempt = 1;; attempt++) {
			try {
				return handOverOnce(publication, channel, now);
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt >= 2) {
					log.info("Publication {} met a concurrent change twice; left due for the next run: {}",
							publication.id(), ex.getMessage());
					return current(publication);
				}
			}
		}
	}

	private Publications.PublicationView handOverOnce(Publications.PublicationView publication,
			PublicationChannel channel, Instant now) {
		Outcome outcome = this.transaction.execute((status) -> {
			Publication claimed = this.store.claim(publication.id(), PublicationStatus.DUE).orElse(null);
			if (claimed == null) {
				// held by another node right now, or already handed over
				return new Outcome(null, null);
			}
			try {
				channel.publish(claimed.view());
			}
			catch (Exception ex) {
				// nothing of this transaction is kept (a channel may have spoilt it); the
				// failure is stored below, after the row is released
				status.setRollbackOnly();
				return new Outcome(null, (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
			}
			claimed.markPublished(now);
			this.lifecycle.published(claimed.view().itemId(), now);
			return new Outcome(claimed.view(), null);
		});
		if (outcome.handled() != null) {
			return outcome.handled();
		}
		if (outcome.error() == null) {
			return current(publication);
		}
		String error = outcome.error();
		log.warn("Channel {} could not take publication {} ({} of item {}): {}", publication.channel(),
				publication.id(), publication.target(), publication.itemId(), error);
		return this.transaction.execute((status) -> {
			Publication stored = this.store.findById(publication.id()).orElseThrow();
			if (stored.status() == PublicationStatus.DUE) {
				stored.handOverFailed(error, this.maxAttempts, now);
			}
			return stored.view();
		});
	}

	/** The publication as it stands now, read again. */
	private Publications.PublicationView current(Publications.PublicationView publication) {
		return this.transaction
			.execute((status) -> this.store.findById(publication.id()).map(Publication::view).orElse(publication));
	}

	/**
	 * What one hand-over did: the publication marked published, or the channel's error,
	 * or neither (it was not there to take).
	 */
	private record Outcome(Publications.PublicationView handled, String error) {
	}

	private Map<Channel, PublicationChannel> channels() {
		Map<Channel, PublicationChannel> byChannel = new EnumMap<>(Channel.class);
		this.channels.orderedStream().forEach((channel) -> byChannel.putIfAbsent(channel.channel(), channel));
		return byChannel;
	}

}
