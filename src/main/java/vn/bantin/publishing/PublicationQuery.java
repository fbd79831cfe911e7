package vn.bantin.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import vn.bantin.content.Channel;

/**
 * Which publications to list in the history: every filter is optional ({@code null}
 * matches everything).
 *
 * @param itemId the item's id
 * @param channel the channel
 * @param status where they stand
 * @param from occurrences at or after this instant
 * @param to occurrences before this instant
 */
record PublicationQuery(String itemId, Channel channel, PublicationStatus status, Instant from, Instant to) {

	public PublicationQuery {
		itemId = (itemId == null || itemId.isBlank()) ? null : itemId.strip();
	}

	/** No filter: every publication. */
	public static PublicationQuery all() {
		return new PublicationQuery(null, null, null, null, null);
	}

	Specification<Publication> specification() {
		return (root, criteria, builder) -> {
			List<Predicate> where = new ArrayList<>();
			if (this.itemId != null) {
				where.add(builder.equal(root.get("itemId"), this.itemId));
			}
			if (this.channel != null) {
				where.add(builder.equal(root.get("channel"), this.channel));
			}
			if (this.status != null) {
				where.add(builder.equal(root.get("status"), this.status));
			}
			if (this.from != null) {
				where.add(builder.greaterThanOrEqualTo(root.get("occurrence"), this.from));
			}
			if (this.to != null) {
				where.add(builder.lessThan(root.get("occurrence"), this.to));
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
	}

}
