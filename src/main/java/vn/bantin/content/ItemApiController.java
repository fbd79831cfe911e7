package vn.bantin.content;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.bantin.account.Role;
import vn.bantin.system.RuleViolation;

/**
 * The JSON API for items: what the web editor does, for integrators, with the same roles
 * ({@code @Secured} as in {@link ItemAdminController}). Callers sign in with a personal
 * token ({@code Authorization: Bearer}); errors are problem details
 * ({@link ItemApiProblems}).
 */
@RestController
@RequestMapping("/api/items")
class ItemApiController {

	static final int DEFAULT_PAGE_SIZE = 25;

	static final int MAX_PAGE_SIZE = 200;

	private static final Map<Class<?>, String> UNKNOWN_WORD = Map.of(ItemStatus.class, "item.error.status-unknown",
			ItemKind.class, "item.error.kind-unknown", Channel.class, "item.error.channel-unknown", Priority.class,
			"item.error.priority-unknown", OnExpiry.class, "item.error.on-expiry-unknown");

	private final ItemCatalog catalog;

	private final ItemEditor editor;

	private final ItemWorkflow workflow;

	ItemApiController(ItemCatalog catalog, ItemEditor editor, ItemWorkflow workflow) {
		this.catalog = catalog;
		this.editor = editor;
		this.workflow = workflow;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Items that match the filters, most recently changed first")
	ItemJson.Page list(
			@Parameter(description = "draft, submitted, approved, rejected, published, archived") @RequestParam(
					required = false) String status,
			@Parameter(description = "news, announcement, procedure, document") @RequestParam(
					required = false) String kind,
			@Parameter(description = "a plan theme key") @RequestParam(required = false) String theme,
			@Parameter(description = "web, feed, email, radio") @RequestParam(required = false) String channel,
			@Parameter(description = "normal, priority, emergency") @RequestParam(required = false) String priority,
			@Parameter(description = "words to find, ignoring diacritics and case") @RequestParam(
					required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolation("size", "item.error.page-size");
		}
		ItemQuery query = new ItemQuery(parse(status, ItemStatus.values(), ItemStatus::key, "status"),
				parse(kind, ItemKind.values(), ItemKind::key, "kind"), blankToNull(theme),
				parse(channel, Channel.values(), Channel::key, "channel"),
				parse(priority, Priority.values(), Priority::key, "priority"), blankToNull(q));
		Page<ItemView> found = this.catalog.find(query, Math.max(page, 0), size);
		return new ItemJson.Page(found.getContent().stream().map(ItemJson::of).toList(), found.getNumber(),
				found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	@GetMapping("/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "One item")
	ItemJson item(@PathVariable String id) {
		return ItemJson.of(view(id));
	}

	@PostMapping(consumes = "application/json")
	@Secured(Role.Authority.EDITOR)
	@Operation(summary = "Create a draft; its id is made from the title")
	ResponseEntity<ItemJson> create(@RequestBody ItemJson.Input input, Principal principal) {
		String id = this.editor.create(draft(input), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(ItemJson.of(view(id)));
	}

	@PutMapping(path = "/{id}", consumes = "application/json")
	@Secured(Role.Authority.EDITOR)
	@Operation(summary = "Replace an item's content; an approved item goes back to approval")
	ItemJson update(@PathVariable String id, @RequestBody ItemJson.Input input, Principal principal) {
		this.editor.update(id, draft(input), principal.getName());
		return ItemJson.of(view(id));
	}

	@PostMapping("/{id}/archive")
	@Secured(Role.Authority.EDITOR)
	@Operation(summary = "Archive an item: it leaves every channel, its history stays")
	ItemJson archive(@PathVariable String id, Principal principal) {
		this.editor.archive(id, principal.getName());
		return ItemJson.of(view(id));
	}

	@PostMapping("/{id}/submit")
	@Secured(Role.Authority.EDITOR)
	@Operation(summary = "Send a draft or rejected item for approval")
	ItemJson submit(@PathVariable String id, Principal principal) {
		this.workflow.submit(id, principal.getName());
		return ItemJson.of(view(id));
	}

	@PostMapping("/{id}/approve")
	@Secured(Role.Authority.APPROVER)
	@Operation(summary = "Approve the revision of a submitted item the approver saw",
			description = "The revision comes as ?revision=N or the body {\"revision\": N}. A newer revision answers "
					+ "409 with the link to the changes (diff); with four-eyes on, the person who made the revision "
					+ "may not approve it (409, reason four-eyes).")
	ItemJson approve(@PathVariable String id, @RequestParam(required = false) Integer revision,
			@RequestBody(required = false) ItemJson.Approval body, Authentication authentication) {
		Integer seen = (revision != null) ? revision : ((body != null) ? body.revision() : null);
		this.workflow.approve(id, seen, authentication.getName(), Role.heldBy(authentication));
		return ItemJson.of(view(id));
	}

	@PostMapping(path = "/{id}/reject", consumes = "application/json")
	@Secured(Role.Authority.APPROVER)
	@Operation(summary = "Send a submitted item back to its author, with the reason")
	ItemJson reject(@PathVariable String id, @RequestBody ItemJson.Rejection rejection, Principal principal) {
		this.workflow.reject(id, principal.getName(), (rejection != null) ? rejection.comment() : null);
		return ItemJson.of(view(id));
	}

	private ItemView view(String id) {
		return this.catalog.item(id).orElseThrow(() -> new UnknownItem(id));
	}

	private static ItemDraft draft(ItemJson.Input input) {
		ItemJson.VariantsJson variants = (input.variants() != null) ? input.variants()
				: new ItemJson.VariantsJson(null, null, null, null, null);
		Set<Channel> channels;
		if (input.channels() == null) {
			channels = EnumSet.allOf(Channel.class);
		}
		else {
			channels = EnumSet.noneOf(Channel.class);
			for (String channel : input.channels()) {
				channels.add(parse(channel, Channel.values(), Channel::key, "channels"));
			}
		}
		return new ItemDraft(parse(input.kind(), ItemKind.values(), ItemKind::key, "kind"), input.title(),
				input.summary(), input.body(), orEmpty(input.themes()), orEmpty(input.tags()), orEmpty(input.zones()),
				parse(input.priority(), Priority.values(), Priority::key, "priority"),
				time(input.publishAt(), "publishAt"), time(input.expireAt(), "expireAt"), channels,
				variants.emailSubject(), variants.emailIntro(), variants.radioScript(), variants.feedSummary(), null,
				null, parse(input.onExpiry(), OnExpiry.values(), OnExpiry::key, "onExpiry"));
	}

	/** An enum from its word (case ignored); null for null or blank. */
	private static <E extends Enum<E>> E parse(String word, E[] values, Function<E, String> key, String field) {
		if (word == null || word.isBlank()) {
			return null;
		}
		String wanted = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (E value : values) {
			if (key.apply(value).equals(wanted)) {
				return value;
			}
		}
		throw new RuleViolation(field, UNKNOWN_WORD.get(values[0].getDeclaringClass()));
	}

	private static Instant time(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "item.error.time-format");
		}
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values.stream().filter((v) -> v != null).toList() : List.of();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
