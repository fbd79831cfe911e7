package vn.bantin.subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.bantin.account.Role;
import vn.bantin.timetable.MailingListRefused;
import vn.bantin.timetable.MailingLists;
import vn.bantin.timetable.Timetable;
import vn.bantin.system.BantinProperties;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email lists' admin pages: every list with its sending rules and counts, a form to
 * create a list (kept in the database, part of the timetables), and per list its
 * subscribers (search, add, remove, mail them a link to their choices, CSV import in two
 * steps, CSV export). Decisions are made by {@link ListMembers}, {@link ListImports} and
 * {@link MailingLists}.
 */
@Controller
@RequestMapping("/admin/lists")
class ListAdminController {

	static final int PAGE_SIZE = 50;

	private final MailingLists lists;

	private final ListMembers members;

	private final ListImports imports;

	private final PreferenceLinks preferenceLinks;

	private final MessageSource messages;

	private final ZoneId zone;

	ListAdminController(MailingLists lists, ListMembers members, ListImports imports, PreferenceLinks preferenceLinks,
			MessageSource messages, BantinProperties properties) {
		this.lists = lists;
		this.members = members;
		this.imports = imports;
		this.preferenceLinks = preferenceLinks;
		this.messages = messages;
		this.zone = properties.zone();
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String lists(Model model, Locale locale) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ListFields("", "", "", Boolean.FALSE));
		}
		model.addAttribute("rows", this.lists.all().stream().map((list) -> row(list, locale)).toList());
		return "admin/lists/list";
	}

	@PostMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String create(ListFields form, Principal principal, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			String key = this.lists.create(new Timetable.MailingList(form.key(), form.name(), form.description(),
					Boolean.TRUE.equals(form.open()), null), principal.getName());
			redirect.addFlashAttribute("notice", "lists.created");
			return "redirect:/admin/lists/" + key;
		}
		catch (MailingListRefused ex) {
			model.addAttribute("form",
					new ListFields(form.key(), form.name(), form.description(), Boolean.TRUE.equals(form.open())));
			model.addAttribute("errors", errors(ex, locale));
			return lists(model, locale);
		}
	}

	@GetMapping("/{key}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		MailingLists.ListView list = known(key);
		Page<Subscriber> found = this.members.page(key, q, page, PAGE_SIZE);
		model.addAttribute("row", row(list, locale));
		model.addAttribute("subscribers", found.map(SubscriberRow::of));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("zone", this.zone);
		model.addAttribute("maxMegabytes", SubscriberImport.MAX_BYTES / (1024 * 1024));
		return "admin/lists/members";
	}

	@PostMapping("/{key}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String update(@PathVariable String key, ListFields form, @RequestParam(required = false) Long version,
			Principal principal, Locale locale, RedirectAttributes redirect) {
		known(key);
		try {
			this.lists.update(new Timetable.MailingList(key, form.name(), form.description(),
					Boolean.TRUE.equals(form.open()), null), version, principal.getName());
			redirect.addFlashAttribute("notice", "lists.saved");
		}
		catch (MailingListRefused ex) {
			redirect.addFlashAttribute("listRefused", String.join(" ", errors(ex, locale).values()));
		}
		return "redirect:/admin/lists/" + key;
	}

	@PostMapping("/{key}/delete")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String delete(@PathVariable String key, @RequestParam(required = false) Long version, Locale locale,
			RedirectAttributes redirect) {
		known(key);
		try {
			this.lists.delete(key, version);
			redirect.addFlashAttribute("notice", "lists.deleted");
			return "redirect:/admin/lists";
		}
		catch (MailingListRefused ex) {
			redirect.addFlashAttribute("listRefused", String.join(" ", errors(ex, locale).values()));
			return "redirect:/admin/lists/" + key;
		}
	}

	@PostMapping("/{key}/subscribers")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String add(@PathVariable String key, @RequestParam(defaultValue = "") String address,
			@RequestParam(required = false) String name, @RequestParam(required = false) String village,
			@RequestParam(defaultValue = "false") boolean consent, Principal principal, RedirectAttributes redirect) {
		known(key);
		ListMembers.Added added = this.members.add(key, new ListMembers.Person(address, name, village), consent,
				"admin by " + principal.getName());
		redirect.addFlashAttribute("notice", "lists.added." + added.outcome().name().toLowerCase(Locale.ROOT));
		return "redirect:/admin/lists/" + key;
	}

	@PostMapping("/{key}/subscribers/{id}/remove")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String remove(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		known(key);
		boolean removed = this.members.remove(key, String.valueOf(id));
		redirect.addFlashAttribute("notice", removed ? "lists.removed" : "lists.not-on-list");
		return "redirect:/admin/lists/" + key;
	}

	/**
	 * Mails the person a new link to their preference page, revoking every older one
	 * (e.g. they lost it, or one was forwarded). Staff never see the link.
	 */
	@PostMapping("/{key}/subscribers/{id}/preferences-link")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String sendPreferencesLink(@PathVariable String key, @PathVariable long id, Principal principal,
			RedirectAttributes redirect) {
		known(key);
		PreferenceLinks.Sent sent = this.preferenceLinks.send(id, "staff user " + principal.getName());
		redirect.addFlashAttribute("notice", "lists.preferences-link." + sent.name().toLowerCase(Locale.ROOT));
		return "redirect:/admin/lists/" + key;
	}

	@PostMapping("/{key}/import")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String upload(@PathVariable String key, @RequestParam(required = false) MultipartFile file, Model model,
			Locale locale) throws IOException {
		MailingLists.ListView list = known(key);
		model.addAttribute("row", row(list, locale));
		if (file == null || file.isEmpty()) {
			return refusedImport(model, "lists.import.error.no-file");
		}
		if (file.getSize() > SubscriberImport.MAX_BYTES) {
			return refusedImport(model, "lists.import.error.too-large", SubscriberImport.MAX_BYTES / (1024 * 1024));
		}
		byte[] bytes = file.getBytes();
		SubscriberImport.Table table;
		try {
			table = SubscriberImport.read(bytes);
		}
		catch (SubscriberImport.Refused ex) {
			return refusedImport(model, ex.messageKey(), ex.args());
		}
		model.addAttribute("token", this.imports.keep(bytes));
		model.addAttribute("fileName", fileName(file.getOriginalFilename()));
		model.addAttribute("headers", table.headers());
		model.addAttribute("preview", table.lines().stream().limit(5).toList());
		model.addAttribute("rowCount", table.lines().size());
		model.addAttribute("mapping", SubscriberImport.guess(table.headers()));
		return "admin/lists/import";
	}

	@PostMapping("/{key}/import/apply")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String apply(@PathVariable String key, @RequestParam(required = false) String token,
			@RequestParam(required = false) String fileName, @RequestParam(required = false) Integer email,
			@RequestParam(required = false) Integer name, @RequestParam(required = false) Integer village,
			@RequestParam(required = false) Integer consent, Principal principal, Model model, Locale locale) {
		MailingLists.ListView list = known(key);
		model.addAttribute("row", row(list, locale));
		Optional<byte[]> bytes = this.imports.kept(token);
		if (bytes.isEmpty()) {
			return refusedImport(model, "lists.import.error.expired");
		}
		try {
			ListImports.Summary summary = this.imports.apply(key, bytes.get(),
					new SubscriberImport.Mapping(email, name, village, consent), fileName(fileName),
					principal.getName());
			this.imports.discard(token);
			model.addAttribute("summary", summary);
			model.addAttribute("fileName", fileName(fileName));
			return "admin/lists/imported";
		}
		catch (SubscriberImport.Refused ex) {
			this.imports.discard(token);
			return refusedImport(model, ex.messageKey(), ex.args());
		}
	}

	@GetMapping("/{key}/export")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	ResponseEntity<byte[]> export(@PathVariable String key) {
		known(key);
		byte[] csv = SubscriberExport.write(this.members.all(key), this.zone);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(key + ".csv", StandardCharsets.UTF_8).build().toString())
			.body(csv);
	}

	private String refusedImport(Model model, String key, Object... args) {
		model.addAttribute("refused", this.messages.getMessage(key, args, key, localeOf(model)));
		return "admin/lists/import";
	}

	private static Locale localeOf(Model model) {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale();
	}

	private static String fileName(String name) {
		if (name == null || name.isBlank()) {
			return "CSV";
		}
		String plain = name.replace('\\', '/');
		plain = plain.substring(plain.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
		return (plain.length() > 100) ? plain.substring(0, 100) : plain;
	}

	private MailingLists.ListView known(String key) {
		return this.lists.list(key)
			.orElseThrow(
					() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no list " + key));
	}

	private Row row(MailingLists.ListView list, Locale locale) {
		List<String> rules = new ArrayList<>();
		for (MailingLists.SendingRule rule : list.rules()) {
			rules.add(rule.name() + ": " + this.lists.when(rule, locale));
		}
		Map<Subscriber.Status, Long> counts = this.members.counts(list.key());
		return new Row(list, rules, counts.get(Subscriber.Status.CONFIRMED), counts.get(Subscriber.Status.PENDING));
	}

	private Map<String, String> errors(MailingListRefused ex, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (MailingListRefused.FieldError error : ex.errors()) {
			errors.merge(error.field(), this.messages.getMessage(error.code(), error.args(), error.code(), locale),
					(a, b) -> a + " " + b);
		}
		return errors;
	}

	/**
	 * The list form as the browser sends it.
	 *
	 * @param key the key
	 * @param name the name
	 * @param description the description
	 * @param open public
	 */
	record ListFields(String key, String name, String description, Boolean open) {
	}

	/**
	 * A subscriber as the list's page shows them.
	 *
	 * @param id the id
	 * @param address the address
	 * @param name the name
	 * @param village the village
	 * @param status the status
	 * @param consentSource how consent was given
	 * @param consentAt when
	 */
	record SubscriberRow(long id, String address, String name, String village, Subscriber.Status status,
			String consentSource, java.time.Instant consentAt) {

		static SubscriberRow of(Subscriber subscriber) {
			return new SubscriberRow(subscriber.id(), subscriber.address(), subscriber.name(), subscriber.village(),
					subscriber.status(), subscriber.consentSource(), subscriber.consentAt());
		}

	}

	/**
	 * A list as the pages show it.
	 *
	 * @param list the list
	 * @param rules its sending rules in words
	 * @param confirmed confirmed subscribers
	 * @param pending subscribers who have not confirmed yet
	 */
	record Row(MailingLists.ListView list, List<String> rules, long confirmed, long pending) {
	}

}
