package vn.bantin.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.bantin.media.MediaTypes;
import vn.bantin.system.YamlFields;

/**
 * An item file ({@code items/}, {@code procedures/} or {@code documents/}): front matter
 * with the item's fields, then its body in Markdown. The format is described in
 * {@code content/README.md}.
 *
 * <p>
 * Besides the form of each field, reading checks what only the whole folder knows: that
 * themes exist in a plan and that attached media files exist.
 */
record ItemFile(String id, ItemKind kind, String title, String summary, String body, List<String> themes,
		List<String> tags, List<String> zones, Priority priority, String author, ItemStatus status, String approvedBy,
		Instant publishAt, Instant expireAt, Set<Channel> channels, List<Attachment> attachments, Variants variants,
		DocumentDetails document, ProcedureDetails procedure, String sourceHash, OnExpiry onExpiry) {

	static final Set<String> FIELDS = Set.of("id", "kind", "title", "summary", "themes", "tags", "zones", "priority",
			"author", "status", "approved-by", "publish-at", "expire-at", "on-expiry", "channels", "attachments",
			"email", "radio", "feed", "procedure", "document");

	/** This file with another id: the slug keyed by the commune it loads into. */
	ItemFile withId(String id) {
		return new ItemFile(id, this.kind, this.title, this.summary, this.body, this.themes, this.tags, this.zones,
				this.priority, this.author, this.status, this.approvedBy, this.publishAt, this.expireAt, this.channels,
				this.attachments, this.variants, this.document, this.procedure, this.sourceHash, this.onExpiry);
	}

	/**
	 * What a file may say about its status: publishing and expiry are the scheduler's
	 * business.
	 */
	private static final Map<String, ItemStatus> FILE_STATUSES = words(ItemStatus.DRAFT, ItemStatus.SUBMITTED,
			ItemStatus.APPROVED);

	/** An attached file, by its path under the content folder. */
	record Attachment(String file, String title) {
	}

	/**
	 * Per-channel variants; each null when the item's own text serves.
	 */
	record Variants(String emailSubject, String emailIntro, String radioScript, String radioRecording,
			String feedSummary) {
	}

	/** What a legal document carries. */
	record DocumentDetails(String number, String issuer, LocalDate issued, LocalDate effective, String abstractText,
			String file) {
	}

	/** What an administrative procedure carries. */
	record ProcedureDetails(String code, String field, ProcedureLevel level, String processingTime, String fee,
			List<String> papers, List<String> steps, List<String> legalBasis, String portalUrl, ProcedureStatus status,
			List<Change> history) {

		/** A change of the procedure's status. */
		record Change(LocalDate date, ProcedureStatus status, String note) {
		}

	}

	/**
	 * The outcome of reading one file: an item, or the problems that kept it from
	 * loading.
	 */
	record Reading(ItemFile item, List<ContentProblem> problems) {

		boolean ok() {
			return this.item != null;
		}

	}

	/**
	 * What reading an item file needs to know about the rest of the folder.
	 *
	 * @param contentDir the content folder, against which media paths are resolved
	 * @param themes theme keys defined by the plans
	 * @param zone the commune's zone, for times written without an offset
	 */
	record Context(Path contentDir, Set<String> themes, ZoneId zone) {
	}

	static Reading parse(String path, String source, Context context) {
		FrontMatter file = FrontMatter.read(path, source, FIELDS);
		if (file.fields().isEmpty()) {
			return new Reading(null, file.problems());
		}
		YamlFields fields = file.fields().get();
		String id = fields.id("id", true);
		ItemKind kind = fields.choice("kind", words(ItemKind.values()), null);
		if (kind == null && !fields.has("kind")) {
			fields.text("kind", true, 20);
		}
		ItemKind folderKind = folderKind(path);
		if (kind != null && folderKind != null && kind != folderKind) {
			fields.problem("kind", ": a file in " + path.substring(0, path.indexOf('/') + 1) + " must be '"
					+ folderKind.key() + "', not '" + kind.key() + "'");
		}
		else if (kind != null && folderKind == null && (kind == ItemKind.PROCEDURE || kind == ItemKind.DOCUMENT)) {
			fields.problem("kind", ": a " + kind.key() + " belongs in " + kind.key() + "s/");
		}
		String title = fields.text("title", true, 300);
		String summary = fields.text("summary", false, 500);
		List<String> themes = fields.texts("themes", 60);
		for (String theme : themes) {
			if (!context.themes().contains(theme)) {
				fields.problem("themes", ": unknown theme '" + theme + "' (themes of the plans: "
						+ String.join(", ", context.themes().stream().sorted().toList()) + ")");
			}
		}
		List<String> tags = keys(fields, "tags");
		List<String> zones = keys(fields, "zones");
		Priority priority = fields.choice("priority", words(Priority.values()), Priority.NORMAL);
		String author = fields.text("author", false, 200);
		ItemStatus status = fields.choice("status", FILE_STATUSES, ItemStatus.SUBMITTED);
		String approvedBy = fields.text("approved-by", false, 200);
		if (status == ItemStatus.APPROVED && approvedBy == null && !fields.has("approved-by")) {
			fields.problem("status", ": an item approved outside Bản tin needs 'approved-by' (who signed it)");
		}
		Instant publishAt = fields.instant("publish-at", context.zone());
		Instant expireAt = fields.instant("expire-at", context.zone());
		if (publishAt != null && expireAt != null && !expireAt.isAfter(publishAt)) {
			fields.problem("expire-at", ": must be after publish-at");
		}
		OnExpiry onExpiry = fields.choice("on-expiry", words(OnExpiry.values()), OnExpiry.ARCHIVE);
		Set<Channel> channels = channels(fields);
		List<Attachment> attachments = new ArrayList<>();
		for (YamlFields attachment : fields.list("attachments", Set.of("file", "title"))) {
			String media = media(attachment, "file", true, context);
			if (media != null) {
				attachments.add(new Attachment(media, attachment.text("title", false, 300)));
			}
		}
		Variants variants = variants(fields, context);
		DocumentDetails document = (kind == ItemKind.DOCUMENT) ? document(fields, context) : null;
		ProcedureDetails procedure = (kind == ItemKind.PROCEDURE) ? procedure(fields) : null;
		if (kind != ItemKind.DOCUMENT && fields.has("document")) {
			fields.problem("document", ": only a 'document' item has these details");
		}
		if (kind != ItemKind.PROCEDURE && fields.has("procedure")) {
			fields.problem("procedure", ": only a 'procedure' item has these details");
		}
		if (file.hasProblems()) {
			return new Reading(null, file.problems());
		}
		return new Reading(new ItemFile(id, kind, title, summary, file.body(), themes, tags, zones, priority, author,
				status, approvedBy, publishAt, expireAt, channels, attachments, variants, document, procedure,
				sha256(source), onExpiry), List.of());
	}

	private static ItemKind folderKind(String path) {
		if (path.startsWith("procedures/")) {
			return ItemKind.PROCEDURE;
		}
		return path.startsWith("documents/") ? ItemKind.DOCUMENT : null;
	}

	private static List<String> keys(YamlFields fields, String name) {
		List<String> keys = fields.texts(name, 100);
		for (String key : keys) {
			if (!FrontMatter.ID.matcher(key).matches()) {
				fields.problem(name, ": '" + key + "' must be lower-case letters, digits and '-'");
			}
		}
		return keys;
	}

	private static Set<Channel> channels(YamlFields fields) {
		if (!fields.has("channels")) {
			return EnumSet.allOf(Channel.class);
		}
		Map<String, Channel> known = words(Channel.values());
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (String word : fields.texts("channels", 20)) {
			Channel channel = known.get(word);
			if (channel == null) {
				fields.problem("channels", ": '" + word + "' is not one of: " + String.join(", ", known.keySet()));
			}
			else {
				channels.add(channel);
			}
		}
		if (channels.isEmpty()) {
			fields.problem("channels", ": name at least one channel, or leave the field out for all of them");
		}
		return channels;
	}

	private static Variants variants(YamlFields fields, Context context) {
		YamlFields email = fields.fields("email", Set.of("subject", "intro"));
		YamlFields radio = fields.fields("radio", Set.of("script", "recording"));
		YamlFields feed = fields.fields("feed", Set.of("summary"));
		return new Variants((email != null) ? email.text("subject", false, 300) : null,
				(email != null) ? email.text("intro", false, 1000) : null,
				(radio != null) ? radio.text("script", false, 20_000) : null,
				(radio != null) ? media(radio, "recording", false, context) : null,
				(feed != null) ? feed.text("summary", false, 1000) : null);
	}

	private static DocumentDetails document(YamlFields fields, Context context) {
		YamlFields document = fields.fields("document",
				Set.of("number", "issuer", "issued", "effective", "abstract", "file"));
		if (document == null) {
			fields.text("document", true, 0);
			return null;
		}
		return new DocumentDetails(document.text("number", true, 50), document.text("issuer", true, 200),
				document.date("issued", true), document.date("effective", false), document.text("abstract", true, 2000),
				media(document, "file", false, context));
	}

	private static ProcedureDetails procedure(YamlFields fields) {
		YamlFields procedure = fields.fields("procedure", Set.of("code", "field", "level", "processing-time", "fee",
				"papers", "steps", "legal-basis", "portal-url", "status", "history"));
		if (procedure == null) {
			fields.text("procedure", true, 0);
			return null;
		}
		String code = procedure.text("code", true, 50);
		String field = procedure.text("field", true, 200);
		ProcedureLevel level = procedure.choice("level", words(ProcedureLevel.values()), null);
		if (level == null && !procedure.has("level")) {
			procedure.text("level", true, 20);
		}
		String time = procedure.text("processing-time", true, 500);
		String fee = procedure.text("fee", true, 500);
		List<String> papers = required(procedure, "papers");
		List<String> steps = required(procedure, "steps");
		List<String> legalBasis = procedure.texts("legal-basis", 500);
		String portal = procedure.text("portal-url", false, 500);
		if (portal != null && !portal.startsWith("https://") && !portal.startsWith("http://")) {
			procedure.problem("portal-url", ": '" + portal + "' must be a web address starting with https://");
		}
		ProcedureStatus status = procedure.choice("status", words(ProcedureStatus.values()), null);
		if (status == null && !procedure.has("status")) {
			procedure.text("status", true, 20);
		}
		List<ProcedureDetails.Change> history = new ArrayList<>();
		for (YamlFields change : procedure.list("history", Set.of("date", "status", "note"))) {
			LocalDate date = change.date("date", true);
			ProcedureStatus changed = change.choice("status", words(ProcedureStatus.values()), null);
			if (changed == null && !change.has("status")) {
				change.text("status", true, 20);
			}
			if (date != null && changed != null) {
				history.add(new ProcedureDetails.Change(date, changed, change.text("note", false, 1000)));
			}
		}
		return new ProcedureDetails(code, field, level, time, fee, papers, steps, legalBasis, portal, status, history);
	}

	private static List<String> required(YamlFields fields, String name) {
		if (!fields.has(name)) {
			fields.text(name, true, 0);
		}
		return fields.texts(name, 2000);
	}

	/**
	 * A path to a media file that must exist under the content folder's {@code media/}
	 * (the site serves {@code media/x} at {@code /media/x}), of a kind the site serves.
	 */
	private static String media(YamlFields fields, String name, boolean required, Context context) {
		String file = fields.text(name, required, 500);
		if (file == null) {
			return null;
		}
		Path root = context.contentDir().toAbsolutePath().normalize();
		Path resolved = root.resolve(file).normalize();
		if (!resolved.startsWith(root.resolve("media")) || file.startsWith("/")) {
			fields.problem(name, ": '" + file
					+ "' must be a path inside the content folder, under media/ (where the site serves it from), e.g. media/to-khai.pdf");
			return null;
		}
		if (MediaTypes.of(file).isEmpty()) {
			fields.problem(name,
					": '" + file + "' is not a kind of file the site serves (" + MediaTypes.extensions() + ")");
			return null;
		}
		if (!Files.isRegularFile(resolved)) {
			fields.problem(name, ": media file '" + file + "' does not exist (put it under "
					+ context.contentDir().resolve("media") + ")");
			return null;
		}
		return root.relativize(resolved).toString().replace('\\', '/');
	}

	/**
	 * Identifies the file's exact text, so that an unchanged file is not applied again.
	 */
	static String sha256(String source) {
		return vn.bantin.system.Secrets.sha256(source);
	}

	@SafeVarargs
	private static <E extends Enum<E>> Map<String, E> words(E... values) {
		Map<String, E> words = new LinkedHashMap<>();
		Arrays.stream(values)
			.forEach((value) -> words.put(value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), value));
		return words;
	}

}
