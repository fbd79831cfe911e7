package vn.bantin.publishing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import vn.bantin.content.Channel;

/**
 * One item going out on one channel to one target at one occurrence. Unique for that key
 * in the database.
 */
@Entity
@Table(name = "publication")
class Publication {

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id", nullable = false, length = 100)
	private String itemId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Channel channel;

	@Column(nullable = false, length = 100)
	private String target;

	@Column(nullable = false)
	private Instant occurrence;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private PublicationStatus status;

	@Column(length = 500)
	private String reason;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "slot_key", length = 100)
	private String slot;

	@Column(name = "campaign_key", length = 100)
	private String campaign;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "last_error", length = 500)
	private String lastError;

	/**
	 * Unique while set: {@code <item>|<CHANNEL>|<target>} on a publication that may exist
	 * once per item, channel and target while it carries the item (see
	 * {@link Publications#recordOnce}); cleared when it is missed or fails.
	 */
	@Column(name = "once_key", length = 320)
	private String onceKey;

	@Version
	@Column(nullable = false)
	private Long version;

	protected Publication() {
	}

	Publication(String itemId, Channel channel, String target, Instant occurrence, Publications.Origin origin,
			Instant createdAt) {
		this(itemId, channel, target, occurrence, origin, createdAt, null);
	}

	Publication(String itemId, Channel channel, String target, Instant occurrence, Publications.Origin origin,
			Instant createdAt, String onceKey) {
		this.onceKey = onceKey;
		this.slot = origin.slot();
		this.campaign = origin.campaign();
		this.itemId = itemId;
		this.channel = channel;
		this.target = target;
		this.occurrence = micros(occurrence);
		this.createdAt = micros(createdAt);
		this.status = PublicationStatus.PLANNED;
	}

	Long id() {
		return this.id;
	}

	Channel channel() {
		return this.channel;
	}

	Instant occurrence() {
		return this.occurrence;
	}

	PublicationStatus status() {
		return this.status;
	}

	/**
	 * Applies the lateness policy's decision to a planned publication; a publication that
	 * was already decided keeps its status.
	 * @return whether the decision was applied
	 */
	boolean decide(LatenessPolicy.Decision decision, Instant now) {
		if (this.status != PublicationStatus.PLANNED) {
			return false;
		}
		this.status = switch (decision.outcome()) {
			case DUE -> PublicationStatus.DUE;
			case AWAIT_CONFIRMATION -> PublicationStatus.AWAITING_CONFIRMATION;
			case MISSED -> PublicationStatus.MISSED;
		};
		if (this.status == PublicationStatus.MISSED) {
			this.onceKey = null;
		}
		this.reason = decision.reason();
		this.decidedAt = micros(now);
		return true;
	}

	/** An editor lets a publication that was too late go out after all. */
	void confirm(String editor, Instant now) {
		requireStatus(PublicationStatus.AWAITING_CONFIRMATION);
		this.status = PublicationStatus.DUE;
		this.reason = truncate("confirmed by " + editor + " (" + this.reason + ")");
		this.decidedAt = micros(now);
	}

	/**
	 * An editor decides that a publication that was too late does not go out: it is
	 * missed, and the reason says who decided.
	 */
	void skip(String editor, Instant now) {
		requireStatus(PublicationStatus.AWAITING_CONFIRMATION);
		this.status = PublicationStatus.MISSED;
		this.onceKey = null;
		this.reason = truncate("skipped by " + editor + " (" + this.reason + ")");
		this.decidedAt = micros(now);
	}

	/** The channel accepted it. */
	void markPublished(Instant at) {
		requireStatus(PublicationStatus.DUE);
		this.status = PublicationStatus.PUBLISHED;
		this.publishedAt = micros(at);
	}

	/**
	 * A hand-over to the channel failed: counts the attempt and keeps the error; after
	 * {@code maxAttempts} failed attempts the publication is failed for good, with the
	 * error as its reason, otherwise it stays due for a retry.
	 */
	void handOverFailed(String error, int maxAttempts, Instant now) {
		requireStatus(PublicationStatus.DUE);
		this.attempts++;
		this.lastError = truncate((error != null) ? error : "unknown error");
		if (this.attempts >= maxAttempts) {
			markFailed("failed " + this.attempts + " times, last: " + this.lastError, now);
		}
	}

	/** The channel could not take it. */
	void markFailed(String why, Instant now) {
		requireStatus(PublicationStatus.DUE);
		this.status = PublicationStatus.FAILED;
		this.onceKey = null;
		this.reason = truncate(why);
		this.decidedAt = micros(now);
	}

	private void requireStatus(PublicationStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Publication " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	/**
	 * Instants as the database keeps them (TIMESTAMP(6)), so that what is read back
	 * equals them.
	 */
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static String truncate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500);
	}

	Publications.PublicationView view() {
		return new Publications.PublicationView(this.id, this.itemId, this.channel, this.target, this.occurrence,
				this.status, this.reason, this.decidedAt, this.publishedAt, this.createdAt, this.slot, this.campaign,
				this.attempts, this.lastError);
	}

}
