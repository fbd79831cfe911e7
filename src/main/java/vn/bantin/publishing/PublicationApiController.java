package vn.bantin.publishing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.Page;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.Role;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * The history of publications over the JSON API ({@code Authorization: Bearer}, the same
 * roles as the history page). Errors are problem details
 * ({@link PublicationApiProblems}).
 */
@RestController
class PublicationApiController {

	static final int DEFAULT_PAGE_SIZE = 25;

	static final int MAX_PAGE_SIZE = 200;

	private final Publications publications;

	private final ItemCatalog catalog;

	private final BantinProperties properties;

	PublicationApiController(Publications publications, ItemCatalog catalog, BantinProperties properties) {
		this.publications = publications;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/api/publications")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "Publications that match the filters, latest occurrence first: what went out (or was "
			+ "planned, missed, failed) on which channel, to which target, planned and actual time, status and reason")
	PageJson list(@Parameter(description = "an item id") @RequestParam(required = false) String item,
			@Parameter(description = "web, feed, email, radio") @RequestParam(required = false) String channel,
			@Parameter(description = "planned, due, published, awaiting-confirmation, missed, failed") @RequestParam(
					required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolation("size", "history.error.page-size");
		}
		PublicationQuery query = new PublicationQuery(item, channel(channel), status(status), null, null);
		Page<Publications.PublicationView> found = this.publications.find(query, Math.max(page, 0), size);
		return new PageJson(found.getContent().stream().map(this::json).toList(), found.getNumber(), found.getSize(),
				found.getTotalElements(), found.getTotalPages());
	}

	private PublicationJson json(Publications.PublicationView publication) {
		return new PublicationJson(publication.id(), publication.itemId(),
				this.catalog.item(publication.itemId()).map(ItemView::title).orElse(null), publication.channel().key(),
				publication.target(), publication.slot(), publication.campaign(), time(publication.occurrence()),
				time(publication.publishedAt()), key(publication.status()), publication.reason(),
				time(publication.decidedAt()), publication.attempts(), publication.lastError());
	}

	private String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.properties.zone()))
				: null;
	}

	static String key(PublicationStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static Channel channel(String word) {
		if (word == null || word.isBlank()) {
			return null;
		}
		for (Channel channel : Channel.values()) {
			if (channel.key().equalsIgnoreCase(word.strip())) {
				return channel;
			}
		}
		throw new RuleViolation("channel", "history.error.channel-unknown");
	}

	private static PublicationStatus status(String word) {
		if (word == null || word.isBlank()) {
			return null;
		}
		String wanted = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (PublicationStatus status : PublicationStatus.values()) {
			if (key(status).equals(wanted)) {
				return status;
			}
		}
		throw new RuleViolation("status", "history.error.status-unknown");
	}

	/**
	 * One page of publications.
	 *
	 * @param publications the publications
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param totalElements how many match
	 * @param totalPages how many pages
	 */
	record PageJson(List<PublicationJson> publications, int page, int size, long totalElements, int totalPages) {
	}

	/**
	 * A publication. Times are ISO-8601 with the commune's offset.
	 *
	 * @param id its id
	 * @param item the item's id
	 * @param title the item's title
	 * @param channel web, feed, email or radio
	 * @param target zone or list key, {@code *} for none
	 * @param slot the slot it comes from, or {@code publish-now}, {@code emergency}
	 * @param campaign the campaign that placed it
	 * @param planned its planned time (the occurrence)
	 * @param published when it went out
	 * @param status planned, due, published, awaiting-confirmation, missed, failed
	 * @param reason why it was decided so
	 * @param decided when it was decided
	 * @param attempts failed hand-overs to its channel
	 * @param lastError why the last hand-over failed
	 */
	record PublicationJson(long id, String item, String title, String channel, String target, String slot,
			String campaign, String planned, String published, String status, String reason, String decided,
			int attempts, String lastError) {
	}

}
