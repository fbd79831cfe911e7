package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.OnExpiry;
import vn.bantin.content.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's rules, each on a small hand-made timetable whose expected answer is
 * written out by hand. 2026-06-01 is a Monday; times are Vietnamese wall-clock times.
 */
class ProgrammeTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Recurrence MORNINGS = Recurrence.at(LocalTime.of(6, 0))
		.withDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
				DayOfWeek.SATURDAY);

	private static final Slot MORNING = radio("sang", MORNINGS, Set.of());

	private static final Map<String, Duration> AIR_TIME = Map.of("long-1", Duration.ofMinutes(20), "long-2",
			Duration.ofMinutes(20));

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(VN).toInstant();
	}

	private static Slot radio(String key, Recurrence recurrence, Set<String> zones) {
		return new Slot(key, "Bản tin " + key, Channel.RADIO, SlotKind.TIMED, recurrence, Duration.ofMinutes(30), zones,
				null, null);
	}

	private static Campaign campaign(String key, List<String> slots, Integer airs, Duration within, Integer perSlot,
			CampaignOrder order, List<String> themes) {
		return new Campaign(key, "Chiến dịch " + key, null, themes, null, null, null, slots, null, null, airs, within,
				perSlot, order, null);
	}

	private static ItemView item(String id, String released, Priority priority, Set<String> themes) {
		return item(id, local(released), null, priority, themes, Set.of(), EnumSet.allOf(Channel.class),
				ItemStatus.APPROVED);
	}

	private static ItemView item(String id, Instant released, Instant expires, Priority priority, Set<String> themes,
			Set<String> zones, Set<Channel> channels, ItemStatus status) {
		return new ItemView(id, ItemKind.NEWS, "Tin " + id, null, "Nội dung " + id, themes, Set.of(), zones, priority,
				"Lan", status, "Tý", released, expires, channels, null, released,
				new ItemView.Variants(null, null, null, null, null), List.of(), null, null,
				released.minus(Duration.ofDays(30)), null, OnExpiry.ARCHIVE, 1, 1, null);
	}

	private static Programme programme(List<Slot> slots, List<Campaign> campaigns) {
		return new Programme(new Timetable(null, null, slots, campaigns), VN,
				(item) -> AIR_TIME.getOrDefault(item.id(), Duration.ofMinutes(2)));
	}

	/** "id@yyyy-MM-ddTHH:mm" for every entry of every placement, in plan order. */
	private static List<String> aired(List<Placement> plan) {
		List<String> aired = new ArrayList<>();
		for (Placement placement : plan) {
			for (Placement.Entry entry : placement.entries()) {
				aired.add(entry.itemId() + "@" + LocalDateTime.ofInstant(placement.at(), VN)
						+ (Slot.ALL.equals(placement.target()) ? "" : "/" + placement.target()));
			}
		}
		return aired;
	}

	@Test
	void occurrencesOfTimedAndDigestSlotsComeInTimeOrderWithoutOnPublishSlots() {
		Slot evening = radio("chieu", Recurrence.at(LocalTime.of(17, 0)), Set.of());
		Slot digest = new Slot("tong-hop", "Tổng hợp tuần", Channel.EMAIL, SlotKind.DIGEST,
				Recurrence.at(LocalTime.of(7, 0)).withDays(DayOfWeek.MONDAY), Duration.ZERO, null, "nguoi-dan", null);
		Slot web = new Slot("web", "Trang web", Channel.WEB, SlotKind.ON_PUBLISH, null, null, null, null, null);
		Programme programme = programme(List.of(evening, MORNING, digest, web), List.of());

		assertThat(programme.occurrences(local("2026-06-01T00:00"), local("2026-06-02T12:00")))
			.extracting((o) -> o.slot().key() + "@" + LocalDateTime.ofInstant(o.at(), VN))
			.containsExactly("sang@2026-06-01T06:00", "tong-hop@2026-06-01T07:00", "chieu@2026-06-01T17:00",
					"sang@2026-06-02T06:00");
	}

	@Test
	void anItemAirsThreeMorningsInItsFirstWeekThenStops() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("tin-moi", List.of("sang"), 3, Duration.ofDays(7), null, CampaignOrder.NEWEST, null)));
		ItemView item = item("hop-dan", "2026-06-01T05:00", Priority.NORMAL, Set.of());

		assertThat(aired(
				programme.plan(local("2026-06-01T00:00"), local("2026-06-15T00:00"), List.of(item), Airings.none())))
			.containsExactly("hop-dan@2026-06-01T06:00", "hop-dan@2026-06-02T06:00", "hop-dan@2026-06-03T06:00");
	}

	@Test
	void withinBoundsAirsToTheFirstDaysAfterRelease() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("hai-ngay", List.of("sang"), null, Duration.ofDays(2), null, null, null)));
		ItemView item = item("hop-dan", "2026-06-01T05:00", Priority.NORMAL, Set.of());

		// Wednesday 06:00 is 2 days and 1 hour after release: too late
		assertThat(aired(
				programme.plan(local("2026-06-01T00:00"), local("2026-06-08T00:00"), List.of(item), Airings.none())))
			.containsExactly("hop-dan@2026-06-01T06:00", "hop-dan@2026-06-02T06:00");
	}

	@Test
	void airingsAlreadyInHistoryCountTowardsTheLimit() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("tin-moi", List.of("sang"), 3, null, null, null, null)));
		ItemView item = item("hop-dan", "2026-06-01T05:00", Priority.NORMAL, Set.of());
		Airings twice = new Airings() {
			@Override
			public int count(String campaign, String itemId, String target) {
				return 2;
			}

			@Override
			public int total(String campaign, String target) {
				return 2;
			}
		};

		assertThat(aired(programme.plan(local("2026-06-03T00:00"), local("2026-06-08T00:00"), List.of(item), twice)))
			.containsExactly("hop-dan@2026-06-03T06:00");
	}

	@Test
	void atMostPerSlotItemsGoOutOldestOrNewestFirst() {
		List<ItemView> items = List.of(item("a", "2026-05-30T08:00", Priority.NORMAL, Set.of()),
				item("b", "2026-05-31T08:00", Priority.NORMAL, Set.of()),
				item("c", "2026-05-29T08:00", Priority.NORMAL, Set.of()));
		Programme oldest = programme(List.of(MORNING),
				List.of(campaign("x", List.of("sang"), null, null, 2, CampaignOrder.OLDEST, null)));
		Programme newest = programme(List.of(MORNING),
				List.of(campaign("x", List.of("sang"), null, null, 2, CampaignOrder.NEWEST, null)));
		Instant monday = local("2026-06-01T06:00");

		assertThat(oldest.place(MORNING, monday, items, Airings.none()).get(0).entries())
			.extracting(Placement.Entry::itemId)
			.containsExactly("c", "a");
		assertThat(newest.place(MORNING, monday, items, Airings.none()).get(0).entries())
			.extracting(Placement.Entry::itemId)
			.containsExactly("b", "a");
	}

	@Test
	void priorityItemsGoFirstEvenFromALaterCampaign() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("thuong", List.of("sang"), null, null, null, null, List.of("chung")),
						campaign("uu-tien", List.of("sang"), null, null, null, null, List.of("gap"))));
		List<ItemView> items = List.of(item("binh-thuong", "2026-05-30T08:00", Priority.NORMAL, Set.of("chung")),
				item("quan-trong", "2026-05-31T08:00", Priority.PRIORITY, Set.of("gap")));

		assertThat(programme.place(MORNING, local("2026-06-01T06:00"), items, Airings.none()).get(0).entries())
			.extracting(Placement.Entry::itemId, Placement.Entry::campaign)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("quan-trong", "uu-tien"),
					org.assertj.core.groups.Tuple.tuple("binh-thuong", "thuong"));
	}

	@Test
	void aLiveEmergencyItemPreEmptsEveryRadioOccurrenceUntilItExpires() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("x", List.of("sang"), null, null, 1, null, List.of("chung"))));
		ItemView storm = item("bao-so-7", local("2026-06-01T11:30"), local("2026-06-03T18:00"), Priority.EMERGENCY,
				Set.of(), Set.of(), EnumSet.allOf(Channel.class), ItemStatus.APPROVED);
		ItemView normal = item("tin", "2026-05-30T08:00", Priority.NORMAL, Set.of("chung"));

		assertThat(aired(programme.plan(local("2026-06-01T00:00"), local("2026-06-05T00:00"), List.of(storm, normal),
				Airings.none())))
			.containsExactly("tin@2026-06-01T06:00", "bao-so-7@2026-06-02T06:00", "tin@2026-06-02T06:00",
					"bao-so-7@2026-06-03T06:00", "tin@2026-06-03T06:00", "tin@2026-06-04T06:00");
		assertThat(programme.place(MORNING, local("2026-06-02T06:00"), List.of(storm, normal), Airings.none())
			.get(0)
			.entries()
			.get(0)
			.campaign()).isNull();
	}

	@Test
	void roundRobinTakesOneThemeAfterTheOtherAndTheLeastAiredItemOfEach() {
		Programme programme = programme(List.of(MORNING), List.of(campaign("cchc", List.of("sang"), null, null, 1,
				CampaignOrder.ROUND_ROBIN, List.of("thu-tuc", "dich-vu", "guong"))));
		List<ItemView> items = List.of(item("tt-1", "2026-05-01T08:00", Priority.NORMAL, Set.of("thu-tuc")),
				item("tt-2", "2026-05-02T08:00", Priority.NORMAL, Set.of("thu-tuc")),
				item("dv-1", "2026-05-03T08:00", Priority.NORMAL, Set.of("dich-vu")),
				item("gu-1", "2026-05-04T08:00", Priority.NORMAL, Set.of("guong", "thu-tuc")));

		// gu-1 serves two themes: it belongs to the first in the campaign's order
		// (thu-tuc); "guong" has nothing else, so it is skipped and the other two
		// alternate; inside thu-tuc the least aired, then the oldest

		assertThat(aired(programme.plan(local("2026-06-01T00:00"), local("2026-06-09T00:00"), items, Airings.none())))
			.containsExactly("tt-1@2026-06-01T06:00", "dv-1@2026-06-02T06:00", "tt-2@2026-06-03T06:00",
					"dv-1@2026-06-04T06:00", "gu-1@2026-06-05T06:00", "dv-1@2026-06-06T06:00", "tt-1@2026-06-08T06:00");
	}

	@Test
	void anItemsReleaseExpiryChannelsAndStatusBoundWhatACampaignDoes() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("all", List.of("sang"), null, null, null, null, null)));
		Instant monday = local("2026-06-01T06:00");
		List<ItemView> items = List.of(
				item("web-only", local("2026-05-01T08:00"), null, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.of(Channel.WEB), ItemStatus.APPROVED),
				item("later", local("2026-06-01T06:01"), null, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.allOf(Channel.class), ItemStatus.APPROVED),
				item("expired", local("2026-05-01T08:00"), monday, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.allOf(Channel.class), ItemStatus.APPROVED),
				item("draft", local("2026-05-01T08:00"), null, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.allOf(Channel.class), ItemStatus.SUBMITTED),
				item("on-time", local("2026-06-01T06:00"), null, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.allOf(Channel.class), ItemStatus.PUBLISHED));

		assertThat(programme.place(MORNING, monday, items, Airings.none()).get(0).entries())
			.extracting(Placement.Entry::itemId)
			.containsExactly("on-time");
	}

	@Test
	void eachZoneOfASlotGetsItsOwnPlacementWithTheItemsMeantForIt() {
		Slot villages = radio("thon", MORNINGS, Set.of("thon-1", "thon-2"));
		Programme programme = programme(List.of(villages),
				List.of(campaign("all", List.of("thon"), null, null, null, null, null)));
		List<ItemView> items = List.of(
				item("chung", local("2026-05-01T08:00"), null, Priority.NORMAL, Set.of(), Set.of(),
						EnumSet.allOf(Channel.class), ItemStatus.APPROVED),
				item("rieng", local("2026-05-02T08:00"), null, Priority.NORMAL, Set.of(), Set.of("thon-2"),
						EnumSet.allOf(Channel.class), ItemStatus.APPROVED));

		List<Placement> placements = programme.place(villages, local("2026-06-01T06:00"), items, Airings.none());
		assertThat(placements).extracting(Placement::target).containsExactly("thon-1", "thon-2");
		assertThat(placements.get(0).entries()).extracting(Placement.Entry::itemId).containsExactly("chung");
		assertThat(placements.get(1).entries()).extracting(Placement.Entry::itemId).containsExactly("chung", "rieng");
	}

	@Test
	void aDigestGathersTheItemsReleasedSinceItsPreviousOccurrence() {
		Slot digest = new Slot("tong-hop", "Tổng hợp tuần", Channel.EMAIL, SlotKind.DIGEST,
				Recurrence.at(LocalTime.of(7, 0)).withDays(DayOfWeek.MONDAY), Duration.ZERO, null, "nguoi-dan", null);
		Programme programme = programme(List.of(digest), List.of());
		List<ItemView> items = List.of(item("tuan-truoc", "2026-05-25T06:59", Priority.NORMAL, Set.of()),
				item("dung-luc", "2026-05-25T07:00", Priority.NORMAL, Set.of()),
				item("thu-tu", "2026-05-27T10:00", Priority.NORMAL, Set.of()),
				item("sang-nay", "2026-06-01T07:00", Priority.NORMAL, Set.of()),
				item("sau", "2026-06-01T07:01", Priority.NORMAL, Set.of()));

		List<Placement> placements = programme.place(digest, local("2026-06-01T07:00"), items, Airings.none());
		assertThat(placements).extracting(Placement::target).containsExactly("nguoi-dan");
		assertThat(placements.get(0).entries()).extracting(Placement.Entry::itemId)
			.containsExactly("thu-tu", "sang-nay");
	}

	@Test
	void onPublishSlotsPlaceEachItemAtItsReleaseTimeInThePlan() {
		Slot web = new Slot("web", "Trang web", Channel.WEB, SlotKind.ON_PUBLISH, null, null, null, null, null);
		Slot officials = new Slot("can-bo", "Cán bộ", Channel.EMAIL, SlotKind.ON_PUBLISH, null, null, null, "can-bo",
				null);
		Programme programme = programme(List.of(web, officials), List.of());
		List<ItemView> items = List.of(item("truoc", "2026-05-31T23:59", Priority.NORMAL, Set.of()),
				item("moi", "2026-06-01T09:30", Priority.NORMAL, Set.of()), item("chi-web", local("2026-06-01T08:00"),
						null, Priority.NORMAL, Set.of(), Set.of(), EnumSet.of(Channel.WEB), ItemStatus.APPROVED));

		assertThat(programme.plan(local("2026-06-01T00:00"), local("2026-06-02T00:00"), items, Airings.none()))
			.extracting((p) -> p.slot().key() + ":" + p.target() + ":" + p.entries().get(0).itemId() + "@"
					+ LocalDateTime.ofInstant(p.at(), VN))
			.containsExactly("web:*:chi-web@2026-06-01T08:00", "web:*:moi@2026-06-01T09:30",
					"can-bo:can-bo:moi@2026-06-01T09:30");
	}

	@Test
	void campaignDatesFollowTheCommunesCalendarAroundMidnightUtc() {
		// 06:00 on 1 December in Vietnam is 23:00 UTC on 30 November; 07:00 is 00:00 UTC
		Slot early = radio("som", Recurrence.at(LocalTime.of(6, 0), LocalTime.of(7, 0)), Set.of());
		Campaign december = new Campaign("thang-12", null, null, null, null, null, null, List.of("som"),
				LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), null, null, null, null, null);
		Programme programme = programme(List.of(early), List.of(december));
		ItemView item = item("tin", "2026-11-01T08:00", Priority.NORMAL, Set.of());

		List<Placement> plan = programme.plan(Instant.parse("2026-11-30T00:00:00Z"),
				Instant.parse("2026-12-03T00:00:00Z"), List.of(item), Airings.none());
		assertThat(plan).extracting(Placement::at)
			.containsExactly(Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
	}

	@Test
	void scriptsLongerThanTheSlotOverflowByTheDifference() {
		Programme programme = programme(List.of(MORNING),
				List.of(campaign("dai", List.of("sang"), null, null, null, null, null)));
		List<ItemView> items = List.of(item("long-1", "2026-05-01T08:00", Priority.NORMAL, Set.of()),
				item("long-2", "2026-05-02T08:00", Priority.NORMAL, Set.of()));

		Placement placement = programme.place(MORNING, local("2026-06-01T06:00"), items, Airings.none()).get(0);
		assertThat(placement.estimated()).isEqualTo(Duration.ofMinutes(40));
		assertThat(placement.overflow()).isEqualTo(Duration.ofMinutes(10));
		assertThat(placement.end()).isEqualTo(local("2026-06-01T06:30"));
	}

	@Test
	void aSlotWithoutCampaignsAirsNothingButLiveEmergencies() {
		Programme programme = programme(List.of(MORNING), List.of());
		ItemView normal = item("tin", "2026-05-30T08:00", Priority.NORMAL, Set.of());

		assertThat(
				programme.plan(local("2026-06-01T00:00"), local("2026-06-08T00:00"), List.of(normal), Airings.none()))
			.isEmpty();
	}

}
