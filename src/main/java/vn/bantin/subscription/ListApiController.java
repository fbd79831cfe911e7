package vn.bantin.subscription;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import vn.bantin.account.Role;
import vn.bantin.timetable.MailingLists;
import vn.bantin.timetable.Timetable;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The email lists and their subscribers over the JSON API ({@code Authorization: Bearer},
 * editors and administrators, like the lists' pages). Adding with {@code consent: true}
 * records the consent as given by the caller ({@code api by <user>}) and sends no mail;
 * without, the person gets the one confirmation mail. Errors are problem details
 * ({@link ListApiProblems}).
 */
@RestController
@RequestMapping("/api/lists")
class ListApiController {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 200;

	private final MailingLists lists;

	private final ListMembers members;

	private final ZoneId zone;

	ListApiController(MailingLists lists, ListMembers members, BantinProperties properties) {
		this.lists = lists;
		this.members = members;
		this.zone = properties.zone();
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	@Operation(summary = "Every email list (from schedules/ files and the admin UI) with its sending rules (the email "
			+ "slots that name it) and its counts of confirmed and pending subscribers")
	List<ListJson> all() {
		return this.lists.all().stream().map(this::json).toList();
	}

	@PostMapping(consumes = "application/json")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	@Operation(summary = "Creates an email list kept in the database (part of the timetables); 409 when the key is "
			+ "used by a list already, 422 with field errors")
	ResponseEntity<ListJson> create(@RequestBody ListInput input, Principal principal) {
		String key = this.lists.create(new Timetable.MailingList(input.key(), input.name(), input.description(),
				Boolean.TRUE.equals(input.open()), null), principal.getName());
		return ResponseEntity.created(URI.create("/api/lists/" + key)).body(json(known(key)));
	}

	@GetMapping("/{id}/subscribers")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	@Operation(summary = "The subscribers of a list, by address, a page at a time")
	SubscriberPage subscribers(@Parameter(description = "the list's key") @PathVariable String id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
		known(id);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolation("size", "lists.error.page-size");
		}
		Page<Subscriber> found = this.members.page(id, null, page, size);
		return new SubscriberPage(found.getContent().stream().map(this::json).toList(), found.getNumber(),
				found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	@PostMapping(path = "/{id}/subscribers", consumes = "application/json")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	@Operation(summary = "Adds someone to a list: with consent true, confirmed at once with the source 'api by <user>' "
			+ "and no mail; without, a confirmation mail (202). 200 when already on the list, 409 when the address "
			+ "is suppressed (left or bounced), 422 when it is not an address")
	ResponseEntity<Added> add(@Parameter(description = "the list's key") @PathVariable String id,
			@RequestBody SubscriberInput input, Principal principal) {
		known(id);
		if (input.address() == null || input.address().isBlank()) {
			throw new ListApiProblems.Refused(HttpStatus.UNPROCESSABLE_CONTENT, "lists.error.address-required",
					Map.of("field", "address"));
		}
		ListMembers.Added added = this.members.add(id,
				new ListMembers.Person(input.address(), input.name(), input.village()),
				Boolean.TRUE.equals(input.consent()), "api by " + principal.getName());
		return switch (added.outcome()) {
			case INVALID -> throw new ListApiProblems.Refused(HttpStatus.UNPROCESSABLE_CONTENT,
					"lists.error.invalid-address", Map.of("field", "address"));
			case SUPPRESSED -> throw new ListApiProblems.Refused(HttpStatus.CONFLICT, "lists.error.suppressed",
					Map.of("reason", added.suppressed().name().toLowerCase(Locale.ROOT)),
					added.suppressed().name().toLowerCase(Locale.ROOT));
			case ADDED ->
				ResponseEntity.created(URI.create("/api/lists/" + id + "/subscribers/" + added.subscriberId()))
					.body(body(id, added));
			case PENDING -> ResponseEntity.accepted().body(body(id, added));
			case ALREADY -> ResponseEntity.ok(body(id, added));
		};
	}

	@DeleteMapping("/{id}/subscribers/{subscriber}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	@Operation(summary = "Takes a subscriber (by id or address) off a list; they stay on their other lists")
	ResponseEntity<Void> remove(@Parameter(description = "the list's key") @PathVariable String id,
			@Parameter(description = "the subscriber's id or address") @PathVariable String subscriber) {
		known(id);
		if (!this.members.remove(id, subscriber)) {
			throw new ListApiProblems.Refused(HttpStatus.NOT_FOUND, "lists.error.not-on-list", Map.of());
		}
		return ResponseEntity.noContent().build();
	}

	private Added body(String list, ListMembers.Added added) {
		Subscriber subscriber = this.members.find(list, String.valueOf(added.subscriberId())).orElse(null);
		return new Added(added.outcome().name().toLowerCase(Locale.ROOT),
				(subscriber != null) ? json(subscriber) : null);
	}

	private MailingLists.ListView known(String key) {
		return this.lists.list(key)
			.orElseThrow(() -> new ListApiProblems.Refused(HttpStatus.NOT_FOUND, "lists.error.unknown", Map.of(), key));
	}

	private ListJson json(MailingLists.ListView view) {
		Map<Subscriber.Status, Long> counts = this.members.counts(view.key());
		Timetable.MailingList list = view.list();
		return new ListJson(list.key(), list.name(), list.description(), list.open(),
				(list.source() != null) ? list.source() : "ui",
				view.rules()
					.stream()
					.map((rule) -> new RuleJson(rule.slot(), rule.name(), rule.kindKey(),
							rule.times().stream().map(LocalTime::toString).toList(),
							rule.days().stream().sorted().map(Enum::name).toList(), rule.cron()))
					.toList(),
				counts.get(Subscriber.Status.CONFIRMED), counts.get(Subscriber.Status.PENDING));
	}

	private SubscriberJson json(Subscriber subscriber) {
		return new SubscriberJson(subscriber.id(), subscriber.address(), subscriber.name(), subscriber.village(),
				subscriber.status().name().toLowerCase(Locale.ROOT), subscriber.consentSource(),
				time(subscriber.consentAt()));
	}

	private String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.zone)) : null;
	}

	/**
	 * A new list.
	 *
	 * @param key its key (lower-case words joined by dashes)
	 * @param name its name
	 * @param description what it is for
	 * @param open whether residents may sign up (public)
	 */
	record ListInput(String key, String name, String description,
			@com.fasterxml.jackson.annotation.JsonProperty("public") Boolean open) {
	}

	/**
	 * A list.
	 *
	 * @param key its key
	 * @param name its name
	 * @param description what it is for
	 * @param open public (residents may sign up) or internal
	 * @param source its file in {@code schedules/}, or {@code ui}
	 * @param rules when it is sent
	 * @param confirmed confirmed subscribers
	 * @param pending subscribers who have not confirmed
	 */
	record ListJson(String key, String name, String description,
			@com.fasterxml.jackson.annotation.JsonProperty("public") boolean open, String source, List<RuleJson> rules,
			long confirmed, long pending) {
	}

	/**
	 * A sending rule: an email slot naming the list.
	 *
	 * @param slot the slot's key
	 * @param name the slot's name
	 * @param kind on-publish or digest
	 * @param times the digest's times
	 * @param days the digest's days (empty: every day)
	 * @param cron the digest's cron expression
	 */
	record RuleJson(String slot, String name, String kind, List<String> times, List<String> days, String cron) {
	}

	/**
	 * Someone to add.
	 *
	 * @param address the email address
	 * @param name the name
	 * @param village the village
	 * @param consent whether the caller has the person's consent
	 */
	record SubscriberInput(String address, String name, String village, Boolean consent) {
	}

	/**
	 * A subscriber.
	 *
	 * @param id the id
	 * @param address the address
	 * @param name the name
	 * @param village the village
	 * @param status pending, confirmed or left
	 * @param consentSource how consent was given
	 * @param consentAt when (ISO-8601 with the commune's offset)
	 */
	record SubscriberJson(long id, String address, String name, String village, String status, String consentSource,
			String consentAt) {
	}

	/**
	 * A page of subscribers.
	 *
	 * @param subscribers the subscribers
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param totalElements how many there are
	 * @param totalPages how many pages
	 */
	record SubscriberPage(List<SubscriberJson> subscribers, int page, int size, long totalElements, int totalPages) {
	}

	/**
	 * What adding did.
	 *
	 * @param outcome added, already or pending
	 * @param subscriber the subscriber
	 */
	record Added(String outcome, SubscriberJson subscriber) {
	}

}
