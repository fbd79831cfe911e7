package vn.bantin.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.timetable.Campaign;
import vn.bantin.timetable.CampaignOrder;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;

/**
 * A small timetable the agenda tests define next to whatever else is in force: a morning
 * radio slot at 07:00 in the commune (00:00 UTC) on one zone, a slot for the whole
 * commune five minutes later (so the two overlap), and a one-minute evening slot that the
 * items overrun; one campaign fills them with the test's own items (selected by a tag of
 * their own).
 */
final class AgendaFixture {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String SOURCE = "agenda-test";

	static final String MORNING = "agenda-sang";

	static final String COMMUNE = "agenda-chung";

	static final String SHORT = "agenda-ngan";

	static final String ZONE = "agenda-a";

	/**
	 * A zone name that needs escaping in iCalendar (comma, semicolon) and has diacritics.
	 */
	static final String ZONE_NAME = "Thôn Trung Hải, xóm Đông; Ấp Mới";

	static final String MORNING_NAME = "Bản tin sáng thử nghiệm";

	private static final AtomicInteger counter = new AtomicInteger();

	/** 320 words: two minutes at 160 words a minute. */
	static final String SCRIPT = String.join(" ", java.util.Collections.nCopies(320, "lời"));

	final String tag = "agenda-tag-" + counter.incrementAndGet();

	final String first;

	final String second;

	private AgendaFixture(String first, String second) {
		this.first = first;
		this.second = second;
	}

	/** Defines the timetable and creates two approved radio items. */
	static AgendaFixture define(Timetables timetables, TestItems items) {
		int n = counter.incrementAndGet();
		String tag = "agenda-tag-" + n;
		Timetable part = new Timetable(
				List.of(new Timetable.Zone(ZONE, ZONE_NAME, null), new Timetable.Zone("agenda-b", "Thôn Bắc", null)),
				List.of(),
				List.of(new Slot(MORNING, MORNING_NAME, Channel.RADIO, SlotKind.TIMED,
						Recurrence.at(LocalTime.of(7, 0)), Duration.ofMinutes(10), Set.of(ZONE), null, null),
						new Slot(COMMUNE, "Bản tin chung thử nghiệm", Channel.RADIO, SlotKind.TIMED,
								Recurrence.at(LocalTime.of(7, 5)), Duration.ofMinutes(10), Set.of(), null, null),
						new Slot(SHORT, "Bản tin ngắn thử nghiệm", Channel.RADIO, SlotKind.TIMED,
								Recurrence.at(LocalTime.of(19, 0)), Duration.ofMinutes(1), Set.of("agenda-b"), null,
								null)),
				List.of(new Campaign("agenda-camp-" + n, "Chiến dịch thử nghiệm", null, null, Set.of(tag), null, null,
						List.of(MORNING, COMMUNE, SHORT), null, null, null, null, null, CampaignOrder.OLDEST, null)));
		timetables.define(SOURCE, part, List.of());
		String first = items.approved("agenda-hop-dan-" + n, "Thông báo họp dân thôn Trung Hải", List.of(tag),
				List.of(), Priority.NORMAL, EnumSet.of(Channel.RADIO), SCRIPT);
		String second = items.approved("agenda-tiem-chung-" + n, "Lịch tiêm chủng tháng này", List.of(tag), List.of(),
				Priority.NORMAL, EnumSet.of(Channel.RADIO), SCRIPT);
		return new AgendaFixture(first, second);
	}

	/** Takes the test timetable away again (the application context is shared). */
	static void remove(Timetables timetables) {
		timetables.define(SOURCE, Timetable.empty(), List.of());
	}

	/** A day a few days after {@code now}, in the commune. */
	static LocalDate dayAfter(Instant now) {
		return LocalDate.ofInstant(now, VIETNAM).plusDays(3);
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(VIETNAM).toInstant();
	}

}
