package vn.bantin.radio;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.audio.Scripts;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.media.AudioDurations;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;
import vn.bantin.agenda.Agenda;
import vn.bantin.agenda.AgendaEntry;
import vn.bantin.schedule.Broadcast;
import vn.bantin.timetable.Campaign;
import vn.bantin.timetable.CampaignOrder;
import vn.bantin.timetable.ReadingTime;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated day of the radio on the shipped sample plan ({@code content/} and
 * {@code schedules/}), the clock moved through it: every occurrence's playlist opens and
 * closes with the jingles and carries the agenda's items in the agenda's order, which
 * follows the rules checked here against the items themselves (priority first, then the
 * campaigns in timetable order, each within its {@code per-slot} and in its own order);
 * the slot firing is handed to the radio channel; and an approved emergency item gets its
 * own broadcasts and goes first in the next bulletin.
 */
@RadioWebTest
class SimulatedRadioDayTests {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	Playlists playlists;

	@Autowired
	Agenda agenda;

	@Autowired
	Timetables timetables;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	Publications publications;

	@Autowired
	Handover handover;

	@Autowired
	Broadcast broadcast;

	@Autowired
	TestItems items;

	@Autowired
	AudioDurations durations;

	@Autowired
	ScheduleSettings scheduleSettings;

	@Autowired
	Scripts scripts;

	@Autowired
	BantinProperties properties;

	@Autowired
	RadioSettings radioSettings;

	@Autowired
	MutableClock clock;

	Instant clockBefore;

	@BeforeEach
	void rememberClock() {
		this.clockBefore = this.clock.instant();
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	static Instant vn(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant();
	}

	@Test
	void aSampleDaysPlaylistsFollowPriorityAndCampaignOrderBetweenTheJingles() {
		LocalDate day = LocalDate.parse("2026-12-21");
		this.clock.set(vn("2026-12-21T05:00"));
		List<Playlist> day21 = this.playlists.playlistsOn(day);
		List<AgendaEntry> planned = this.agenda.between(vn("2026-12-21T00:00"), vn("2026-12-22T00:00"))
			.of(Channel.RADIO);

		assertThat(day21).extracting((playlist) -> playlist.occurrence().id())
			.containsExactly("ban-tin-sang_all_20261221T060000", "ban-tin-chieu_all_20261221T170000");
		assertThat(day21).hasSameSizeAs(planned);
		for (int i = 0; i < day21.size(); i++) {
			Playlist playlist = day21.get(i);
			assertJinglesAround(playlist);
			assertThat(itemIds(playlist)).as("items of %s in the agenda's order", playlist.occurrence().id())
				.containsExactlyElementsOf(planned.get(i).items().stream().map(AgendaEntry.Line::itemId).toList());
			assertFollowsTheRules(playlist);
			assertDurationsAndTotal(playlist);
		}
		// the rules above can fail: the morning carries items of more than one level and
		// of
		// more than one campaign
		Playlist morning = day21.get(0);
		assertThat(items(morning).stream().map(Playlist.Entry::priority).distinct()).contains(Priority.PRIORITY,
				Priority.NORMAL);
		assertThat(items(morning).stream().map(Playlist.Entry::campaign).distinct()).hasSizeGreaterThan(1);
		assertThat(morning.occurrence().slotName()).isEqualTo("Bản tin sáng");
		assertThat(morning.occurrence().length()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void theDayGoesOnTheProgrammeAndAnApprovedEmergencyPreEmptsTheNextBulletin() {
		LocalDate day = LocalDate.parse("2026-12-22");
		this.clock.set(vn("2026-12-22T05:59"));
		Playlist next = this.playlists.current(this.clock.instant(), null).orElseThrow();
		assertThat(next.occurrence().id()).isEqualTo("ban-tin-sang_all_20261222T060000");
		assertThat(next.occurrence().recorded()).isFalse();

		// 06:00: the slot fires (what the engine records: one publication per item, in
		// the plan's order) and the hand-over gives them to the radio channel
		this.clock.set(vn("2026-12-22T06:00"));
		fire(next);
		List<Publications.PublicationView> handed = this.handover.run(this.clock.instant());
		assertThat(handed).filteredOn((publication) -> publication.channel() == Channel.RADIO)
			.isNotEmpty()
			.allSatisfy((publication) -> assertThat(publication.status()).isEqualTo(PublicationStatus.PUBLISHED));

		// 06:10: the bulletin in progress is the recorded one, in the same order
		this.clock.set(vn("2026-12-22T06:10"));
		Playlist playing = this.playlists.current(this.clock.instant(), null).orElseThrow();
		assertThat(playing.occurrence().id()).isEqualTo(next.occurrence().id());
		assertThat(playing.occurrence().recorded()).isTrue();
		assertThat(itemIds(playing)).containsExactlyElementsOf(itemIds(next));

		// 09:00: an emergency for Thôn 1 is approved and goes out at once
		this.clock.set(vn("2026-12-22T09:00"));
		String emergency = this.items.approvedNews("Khẩn: vỡ đê bao thôn 1, sơ tán ngay", List.of(), List.of("thon-1"),
				Priority.EMERGENCY, null, vn("2026-12-22T20:00"), Set.of(Channel.RADIO));
		this.broadcast.publishNow(emergency, "test");

		List<Playlist> broadcasts = this.playlists.playlistsOn(day)
			.stream()
			.filter((playlist) -> playlist.occurrence().emergency())
			.toList();
		assertThat(broadcasts).extracting((playlist) -> playlist.occurrence().id())
			.containsExactly("emergency_thon-1_20261222T090000", "emergency_thon-1_20261222T091500",
					"emergency_thon-1_20261222T093000");
		assertThat(broadcasts).allSatisfy((playlist) -> {
			assertJinglesAround(playlist);
			assertThat(itemIds(playlist)).containsExactly(emergency);
			assertThat(playlist.occurrence().slotName()).isEqualTo("Phát tin khẩn cấp");
			assertThat(playlist.occurrence().targetName()).isEqualTo("Thôn 1");
			assertThat(playlist.occurrence().end()).isEqualTo(playlist.occurrence().start().plus(playlist.total()));
			assertThat(playlist.overflow()).isZero();
		});

		// its speakers play it now; the rest of the commune waits for the next bulletin
		this.clock.set(vn("2026-12-22T09:00:05"));
		assertThat(this.playlists.current(this.clock.instant(), "thon-1").orElseThrow().occurrence().id())
			.isEqualTo("emergency_thon-1_20261222T090000");
		Playlist evening = this.playlists.current(this.clock.instant(), null).orElseThrow();
		assertThat(evening.occurrence().id()).isEqualTo("ban-tin-chieu_all_20261222T170000");

		// the next bulletin opens with it, before every other item
		assertThat(items(evening).get(0).itemId()).isEqualTo(emergency);
		assertThat(items(evening).get(0).priority()).isEqualTo(Priority.EMERGENCY);
		assertThat(items(evening).stream().skip(1).map(Playlist.Entry::priority)).doesNotContain(Priority.EMERGENCY);
		assertFollowsTheRules(evening);
		assertJinglesAround(evening);
	}

	/** What the engine records when a slot fires: its plan, one publication per item. */
	private void fire(Playlist planned) {
		for (Playlist.Entry entry : items(planned)) {
			this.publications.record(entry.itemId(), Channel.RADIO, planned.occurrence().target(),
					planned.occurrence().start(),
					new Publications.Origin(planned.occurrence().slot(), entry.campaign()));
		}
	}

	private void assertJinglesAround(Playlist playlist) {
		List<Playlist.Entry> entries = playlist.entries();
		assertThat(entries.get(0).source()).isEqualTo(Playlist.Source.JINGLE);
		assertThat(entries.get(0).file()).isEqualTo(jingle(this.radioSettings.intro()));
		assertThat(entries.get(entries.size() - 1).source()).isEqualTo(Playlist.Source.JINGLE);
		assertThat(entries.get(entries.size() - 1).file()).isEqualTo(jingle(this.radioSettings.outro()));
		assertThat(entries.subList(1, entries.size() - 1)).noneMatch(Playlist.Entry::jingle);
		assertThat(entries).extracting(Playlist.Entry::position)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, entries.size()).boxed().toList());
	}

	/**
	 * Priority levels never go up; inside a level, the campaigns come in the timetable's
	 * order, each with at most its {@code per-slot} items, and the normal items of a
	 * campaign ordered by newest or oldest release as it says; its priority items oldest
	 * first.
	 */
	private void assertFollowsTheRules(Playlist playlist) {
		List<Playlist.Entry> items = items(playlist);
		assertThat(items).as("items of %s", playlist.occurrence().id()).isNotEmpty();
		assertThat(items).extracting((entry) -> -entry.priority().ordinal()).isSorted();
		Timetable timetable = this.timetables.current();
		List<String> campaignOrder = timetable.campaignsOf(playlist.occurrence().slot())
			.stream()
			.map(Campaign::key)
			.toList();
		for (Priority level : Priority.values()) {
			List<Playlist.Entry> atLevel = items.stream().filter((entry) -> entry.priority() == level).toList();
			if (level == Priority.EMERGENCY) {
				continue; // emergency items are placed before every campaign
			}
			assertThat(atLevel).extracting((entry) -> campaignOrder.indexOf(entry.campaign()))
				.as("campaigns in timetable order among %s items", level)
				.isSorted()
				.doesNotContain(-1);
		}
		Map<String, List<Playlist.Entry>> byCampaign = items.stream()
			.filter((entry) -> entry.campaign() != null)
			.collect(Collectors.groupingBy(Playlist.Entry::campaign));
		byCampaign.forEach((key, placed) -> {
			Campaign campaign = timetable.campaign(key).orElseThrow();
			if (campaign.perSlot() != null) {
				assertThat(placed).as("items of %s", key).hasSizeLessThanOrEqualTo(campaign.perSlot());
			}
			List<Instant> priorityReleases = placed.stream()
				.filter((entry) -> entry.priority() == Priority.PRIORITY)
				.map(this::released)
				.toList();
			assertThat(priorityReleases).as("priority items of %s, oldest first", key).isSorted();
			List<Instant> normalReleases = placed.stream()
				.filter((entry) -> entry.priority() == Priority.NORMAL)
				.map(this::released)
				.toList();
			if (campaign.order() == CampaignOrder.NEWEST) {
				assertThat(normalReleases).as("normal items of %s, newest first", key)
					.isSortedAccordingTo(Comparator.reverseOrder());
			}
			else if (campaign.order() == CampaignOrder.OLDEST) {
				assertThat(normalReleases).as("normal items of %s, oldest first", key).isSorted();
			}
			else if (!campaign.themes().isEmpty()) {
				// round robin: one item per theme in turn, so no theme comes twice before
				// every theme with items has come once
				List<String> themes = new ArrayList<>();
				placed.stream()
					.filter((entry) -> entry.priority() == Priority.NORMAL)
					.map((entry) -> firstTheme(campaign, entry))
					.forEach(themes::add);
				assertThat(themes.subList(0, Math.min(themes.size(), (int) themes.stream().distinct().count())))
					.as("themes of %s in rotation", key)
					.doesNotHaveDuplicates();
			}
		});
	}

	private void assertDurationsAndTotal(Playlist playlist) {
		ReadingTime reading = new ReadingTime(this.scheduleSettings);
		for (Playlist.Entry entry : playlist.entries()) {
			if (entry.jingle()) {
				assertThat(entry.duration()).isEqualTo(this.durations.of(entry.file()).orElseThrow()).isPositive();
			}
			else if (entry.live()) {
				ItemView item = this.catalog.item(entry.itemId()).orElseThrow();
				assertThat(entry.script()).isEqualTo(this.scripts.of(item)).isNotBlank();
				assertThat(entry.duration()).isEqualTo(reading.of(entry.script().strip().split("\\s+").length))
					.isPositive();
				assertThat(entry.file()).isNull();
			}
			else {
				assertThat(entry.file()).exists();
				assertThat(entry.recordingId()).isNotNull();
			}
		}
		Duration total = playlist.entries()
			.stream()
			.map(Playlist.Entry::duration)
			.reduce(Duration.ZERO, Duration::plus);
		assertThat(playlist.total()).isEqualTo(total);
		Duration over = total.minus(playlist.occurrence().length());
		assertThat(playlist.overflow()).isEqualTo(over.isNegative() ? Duration.ZERO : over);
	}

	private String firstTheme(Campaign campaign, Playlist.Entry entry) {
		ItemView item = this.catalog.item(entry.itemId()).orElseThrow();
		return campaign.themes().stream().filter(item.themes()::contains).findFirst().orElse("");
	}

	private Instant released(Playlist.Entry entry) {
		return this.catalog.item(entry.itemId()).orElseThrow().releaseAt().orElseThrow();
	}

	private Path jingle(String relative) {
		return this.properties.contentDir().resolve(relative).normalize();
	}

	static List<Playlist.Entry> items(Playlist playlist) {
		return playlist.entries().stream().filter((entry) -> !entry.jingle()).toList();
	}

	static List<String> itemIds(Playlist playlist) {
		return items(playlist).stream().map(Playlist.Entry::itemId).toList();
	}

}
