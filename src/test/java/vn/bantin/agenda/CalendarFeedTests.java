package vn.bantin.agenda;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Channel;
import vn.bantin.content.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written iCalendar: text escaped as RFC 5545 says, long lines folded at 75
 * octets without cutting a Vietnamese letter in two, CRLF line ends, UTC times, and an
 * event without length has no DTEND.
 */
class CalendarFeedTests {

	static final Instant SEVEN_AM_IN_VIETNAM = Instant.parse("2025-03-10T00:00:00Z");

	@Test
	void textIsEscapedAndComposed() {
		String decomposed = Normalizer.normalize("Thôn Đông", Normalizer.Form.NFD);
		assertThat(CalendarFeed.escape("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
		assertThat(CalendarFeed.escape(decomposed)).isEqualTo("Thôn Đông");
	}

	@Test
	void longLinesAreFoldedAt75OctetsBetweenCharacters() {
		// 'ễ' takes three octets in UTF-8: a cut at a fixed octet count would split it
		String title = "Nghiễm ".repeat(40).strip();
		AgendaEntry entry = new AgendaEntry("ban-tin-sang", title, Channel.RADIO, "thon-a", "Thôn A",
				SEVEN_AM_IN_VIETNAM, SEVEN_AM_IN_VIETNAM.plus(Duration.ofMinutes(30)), false,
				List.of(new AgendaEntry.Line("x", title, Priority.NORMAL, null, Duration.ZERO, null, null, null)),
				List.of());

		String text = CalendarFeed.write("Lịch", "Asia/Ho_Chi_Minh", List.of(entry), "xa.example", SEVEN_AM_IN_VIETNAM,
				AgendaEntry::slotName, (e) -> e.items().get(0).title());

		assertThat(text).endsWith("END:VCALENDAR\r\n");
		String[] lines = text.split("\r\n", -1);
		for (String line : lines) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(text).as("folded").contains("\r\n ");
		assertThat(text.replace("\r\n ", "")).contains("SUMMARY:" + title + "\r\n")
			.contains("DTSTART:20250310T000000Z\r\n")
			.contains("DTEND:20250310T003000Z\r\n")
			.contains("UID:ban-tin-sang-20250310T000000Z-thon-a@xa.example\r\n");
	}

	@Test
	void anOccurrenceWithoutLengthHasNoEnd() throws Exception {
		AgendaEntry web = new AgendaEntry("web", "Trang thông tin", Channel.WEB, "*", null, SEVEN_AM_IN_VIETNAM,
				SEVEN_AM_IN_VIETNAM, false, List.of(), List.of());

		String text = CalendarFeed.write("Lịch", "Asia/Ho_Chi_Minh", List.of(web), "xa.example", SEVEN_AM_IN_VIETNAM,
				AgendaEntry::slotName, (e) -> "");

		assertThat(text).contains("DTSTART:20250310T000000Z").doesNotContain("DTEND").doesNotContain("DESCRIPTION");
		assertThat(text).contains("UID:web-20250310T000000Z-all@xa.example");
		net.fortuna.ical4j.model.component.VEvent event = new net.fortuna.ical4j.data.CalendarBuilder()
			.build(new java.io.StringReader(text)).<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")
			.get(0);
		assertThat(event.getEndDate(false)).isEmpty();
	}

	@Test
	void aRealClocksInstantIsWrittenToTheSecond() throws Exception {
		Instant approval = Instant.parse("2026-12-07T03:33:52.395513Z");
		AgendaEntry web = new AgendaEntry("web", "Trang thông tin", Channel.WEB, "*", null, approval, approval, false,
				List.of(), List.of());

		String text = CalendarFeed.write("Lịch", "Asia/Ho_Chi_Minh", List.of(web), "xa.example",
				approval.plusMillis(250), AgendaEntry::slotName, (e) -> "");

		assertThat(text).contains("DTSTART:20261207T033352Z")
			.contains("DTSTAMP:20261207T033352Z")
			.contains("UID:web-20261207T033352Z-all@xa.example");
		net.fortuna.ical4j.model.component.VEvent event = new net.fortuna.ical4j.data.CalendarBuilder()
			.build(new java.io.StringReader(text)).<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")
			.get(0);
		assertThat(event.getDateTimeStart().getValue()).isEqualTo("20261207T033352Z");
	}

}
