package vn.bantin.agenda;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.content.Channel;
import vn.bantin.system.ApiLanguage;
import vn.bantin.timetable.Slot;

/**
 * A channel's agenda as an iCalendar feed at a secret URL, for phone calendars: no
 * sign-in (calendar apps cannot), the secret is the permission; an unknown or revoked
 * secret is simply not found. Covers {@value #DAYS_BACK} days back to
 * {@value #DAYS_AHEAD} days ahead. Written in Vietnamese, the officers' language.
 */
@RestController
class CalendarFeedController {

	static final int DAYS_BACK = 7;

	static final int DAYS_AHEAD = 60;

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarTokens tokens;

	private final Agenda agenda;

	private final MessageSource messages;

	private final Clock clock;

	CalendarFeedController(CalendarTokens tokens, Agenda agenda, MessageSource messages, Clock clock) {
		this.tokens = tokens;
		this.agenda = agenda;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token, HttpServletRequest request) {
		Channel channel = this.tokens.channelOf(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Instant now = this.clock.instant();
		AgendaRange range = this.agenda.between(now.minus(Duration.ofDays(DAYS_BACK)),
				now.plus(Duration.ofDays(DAYS_AHEAD)));
		Locale locale = ApiLanguage.VIETNAMESE;
		String channelName = this.messages.getMessage("item.channel." + channel.key(), null, channel.key(), locale);
		String name = this.messages.getMessage("agenda.ics.name", new Object[] { channelName }, locale);
		String document = CalendarFeed.write(name, range.zone().getId(), range.of(channel), request.getServerName(),
				now, CalendarFeedController::summary, CalendarFeedController::description);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.body(document.getBytes(StandardCharsets.UTF_8));
	}

	/** The slot's name and, when it has one, the zone's or list's name. */
	static String summary(AgendaEntry entry) {
		String name = (entry.slotName() != null) ? entry.slotName() : entry.channel().key();
		if (Slot.ALL.equals(entry.target())) {
			return name;
		}
		return name + " – " + ((entry.targetName() != null) ? entry.targetName() : entry.target());
	}

	/** The items' titles, one per line. */
	static String description(AgendaEntry entry) {
		return entry.items()
			.stream()
			.map((line) -> "• " + ((line.title() != null) ? line.title() : line.itemId()))
			.collect(Collectors.joining("\n"));
	}

}
