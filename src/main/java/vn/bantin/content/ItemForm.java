package vn.bantin.content;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.StringUtils;

import vn.bantin.system.RuleViolation;

/**
 * The editor's form: what {@link ItemDraft} holds, as a browser sends it. Times are
 * entered in the commune's zone ({@code datetime-local} fields); tags and villages as
 * comma-separated words.
 */
record ItemForm(ItemKind kind, String title, String summary, String body, List<String> themes, String tags,
		String zones, Priority priority, String publishAt, String expireAt, Set<Channel> channels, String emailSubject,
		String emailIntro, String radioScript, String feedSummary, String docNumber, String docIssuer, String docIssued,
		String docEffective, String docAbstract, String procCode, String procField, ProcedureLevel procLevel,
		String procTime, String procFee, String procPapers, String procSteps, String procLegalBasis,
		String procPortalUrl, ProcedureStatus procStatus, OnExpiry onExpiry) {

	/** An empty form for a new item: an announcement to every channel. */
	static ItemForm blank() {
		return new ItemForm(ItemKind.ANNOUNCEMENT, "", "", "", List.of(), "", "", Priority.NORMAL, "", "",
				EnumSet.allOf(Channel.class), "", "", "", "", "", "", "", "", "", "", "", null, "", "", "", "", "", "",
				ProcedureStatus.IN_FORCE, OnExpiry.ARCHIVE);
	}

	static ItemForm of(ItemView item, ZoneId zone) {
		ItemView.Document d = item.document();
		ItemView.Procedure p = item.procedure();
		return new ItemForm(item.kind(), item.title(), item.summary(), item.bodyMarkdown(), List.copyOf(item.themes()),
				String.join(", ", item.tags().stream().sorted().toList()),
				String.join(", ", item.zones().stream().sorted().toList()), item.priority(),
				local(item.publishAt(), zone), local(item.expireAt(), zone), item.channels(),
				item.variants().emailSubject(), item.variants().emailIntro(), item.variants().radioScript(),
				item.variants().feedSummary(), (d != null) ? d.number() : "", (d != null) ? d.issuer() : "",
				(d != null && d.issued() != null) ? d.issued().toString() : "",
				(d != null && d.effective() != null) ? d.effective().toString() : "",
				(d != null) ? d.abstractText() : "", (p != null) ? p.code() : "", (p != null) ? p.field() : "",
				(p != null) ? p.level() : null, (p != null) ? p.processingTime() : "", (p != null) ? p.fee() : "",
				(p != null) ? String.join("\n", p.papers()) : "", (p != null) ? String.join("\n", p.steps()) : "",
				(p != null) ? String.join("\n", p.legalBasis()) : "", (p != null) ? p.portalUrl() : "",
				(p != null) ? p.status() : ProcedureStatus.IN_FORCE, item.onExpiry());
	}

	/**
	 * The draft this form describes.
	 * @throws RuleViolation on a time that cannot be read
	 */
	ItemDraft draft(ZoneId zone) {
		return new ItemDraft(this.kind, this.title, this.summary, this.body,
				(this.themes != null) ? this.themes : List.of(), words(this.tags), words(this.zones), this.priority,
				instant(this.publishAt, "publishAt", zone), instant(this.expireAt, "expireAt", zone),
				(this.channels != null && !this.channels.isEmpty()) ? EnumSet.copyOf(this.channels)
						: EnumSet.noneOf(Channel.class),
				this.emailSubject, this.emailIntro, this.radioScript, this.feedSummary,
				new ItemView.Document(this.docNumber, this.docIssuer, date(this.docIssued, "docIssued"),
						date(this.docEffective, "docEffective"), this.docAbstract, null),
				new ItemView.Procedure(this.procCode, this.procField, this.procLevel, this.procTime, this.procFee,
						lines(this.procPapers), lines(this.procSteps), lines(this.procLegalBasis), this.procPortalUrl,
						this.procStatus, List.of()),
				this.onExpiry);
	}

	private static List<String> lines(String text) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(StringUtils::hasText).toList();
	}

	private static java.time.LocalDate date(String text, String field) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "item.error.date");
		}
	}

	private static List<String> words(String text) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(StringUtils::hasText).toList();
	}

	private static Instant instant(String text, String field, ZoneId zone) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "item.error.time");
		}
	}

	private static String local(Instant instant, ZoneId zone) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString() : "";
	}

}
