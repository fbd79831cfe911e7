package vn.bantin.agenda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import vn.bantin.text.Timestamps;
import vn.bantin.text.VietnameseText;
import vn.bantin.timetable.Slot;

/**
 * Writes agenda occurrences as an iCalendar document (RFC 5545) for phone calendars: one
 * {@code VEVENT} per occurrence, its {@code UID} made of the slot, the start and the
 * target so that a calendar app updates the same event when the plan changes, times in
 * UTC, text escaped, lines folded at 75 octets (never inside a UTF-8 character), CRLF
 * line ends. Written by hand: the format needed here is small.
 */
final class CalendarFeed {

	private static final int MAX_OCTETS = 75;

	private final StringBuilder text = new StringBuilder();

	private CalendarFeed() {
	}

	/**
	 * The calendar.
	 * @param name its name in calendar apps ({@code X-WR-CALNAME})
	 * @param zone the commune's zone id, as a hint to apps ({@code X-WR-TIMEZONE})
	 * @param entries the occurrences
	 * @param host the host name that makes {@code UID}s unique
	 * @param stamp when the document was made ({@code DTSTAMP})
	 * @param summary an occurrence's title
	 * @param description an occurrence's details
	 */
	static String write(String name, String zone, List<AgendaEntry> entries, String host, Instant stamp,
			Function<AgendaEntry, String> summary, Function<AgendaEntry, String> description) {
		CalendarFeed feed = new CalendarFeed();
		feed.line("BEGIN:VCALENDAR");
		feed.line("VERSION:2.0");
		feed.line("PRODID:-//Ban tin//Agenda//VI");
		feed.line("CALSCALE:GREGORIAN");
		feed.line("METHOD:PUBLISH");
		feed.line("X-WR-CALNAME:" + escape(name));
		feed.line("X-WR-TIMEZONE:" + escape(zone));
		// ask calendar apps to look again every hour: the plan changes with the items
		feed.line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
		feed.line("X-PUBLISHED-TTL:PT1H");
		String dtstamp = Timestamps.icalendar(stamp);
		for (AgendaEntry entry : entries) {
			feed.line("BEGIN:VEVENT");
			feed.line("UID:" + escape(uid(entry, host)));
			feed.line("DTSTAMP:" + dtstamp);
			feed.line("DTSTART:" + Timestamps.icalendar(entry.start()));
			// an event without DTEND lasts no time; DTEND must be after DTSTART when
			// given
			if (entry.end().isAfter(entry.start())) {
				feed.line("DTEND:" + Timestamps.icalendar(entry.end()));
			}
			feed.line("SUMMARY:" + escape(summary.apply(entry)));
			String details = description.apply(entry);
			if (details != null && !details.isEmpty()) {
				feed.line("DESCRIPTION:" + escape(details));
			}
			feed.line("TRANSP:TRANSPARENT");
			feed.line("END:VEVENT");
		}
		feed.line("END:VCALENDAR");
		return feed.text.toString();
	}

	/**
	 * The event's stable identity: slot key, start and target at the host, e.g.
	 * {@code ban-tin-sang-20250310T000000Z-thon-a@xa.example}.
	 */
	static String uid(AgendaEntry entry, String host) {
		String slot = (entry.slot() != null) ? entry.slot() : entry.channel().key();
		String target = Slot.ALL.equals(entry.target()) ? "all" : entry.target();
		return slot + "-" + Timestamps.icalendar(entry.start()) + "-" + target + "@" + host;
	}

	/**
	 * A TEXT value escaped: backslash, semicolon and comma get a backslash, line breaks
	 * become {@code \n}; composed to NFC so that Vietnamese letters arrive whole.
	 */
	static String escape(String value) {
		String composed = VietnameseText.nfc(Objects.requireNonNullElse(value, ""));
		StringBuilder escaped = new StringBuilder(composed.length() + 8);
		for (int i = 0; i < composed.length(); i++) {
			char c = composed.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				case '\r' -> {
					// CRLF and lone CR become one \n
					escaped.append("\\n");
					if (i + 1 < composed.length() && composed.charAt(i + 1) == '\n') {
						i++;
					}
				}
				default -> {
					if (c < 0x20 && c != '\t') {
						// other control characters are not allowed in TEXT
						continue;
					}
					escaped.append(c);
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Adds a content line, folded so that no line is longer than 75 octets in UTF-8:
	 * continuation lines start with a space, and a cut never falls inside a character.
	 */
	private void line(String content) {
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > MAX_OCTETS) {
				this.text.append("\r\n ");
				// the leading space counts towards the next line's 75 octets
				octets = 1;
			}
			this.text.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		this.text.append("\r\n");
	}

}
