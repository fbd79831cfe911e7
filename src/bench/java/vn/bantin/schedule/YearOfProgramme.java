package vn.bantin.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.OnExpiry;
import vn.bantin.content.Priority;
import vn.bantin.timetable.Airings;
import vn.bantin.timetable.Campaign;
import vn.bantin.timetable.CampaignOrder;
import vn.bantin.timetable.Placement;
import vn.bantin.timetable.Programme;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;

/**
 * The workload of the planning benchmark ({@code bench/schedule/run.sh}): a commune's
 * timetable and items for one year, the same on every machine (seeded).
 *
 * <p>
 * Timetable ({@link #timetable(int)} with 50 slots): 8 speaker zones; 40 timed radio
 * slots, one per zone at each of 05:30, 06:15, 11:00, 16:30 and 17:15, Monday to
 * Saturday, 30 minutes long, not on the days of Tết and the national holidays, the 11:00
 * ones every second week; 2 timed emails (Monday 07:30 to officials, Thursday 16:00 to
 * residents), 4 weekly email digests (one per list: officials, residents, youth, farmers)
 * and 4 on-publish slots (web, feed, email to officials and to residents). 8 campaigns:
 * the plan's 5 themes in round robin on every radio slot (3 airs within 7 days, 4 items
 * per occurrence), news newest first in the mornings (2 airs within 3 days, 3 per
 * occurrence), procedures oldest first in the evenings (2 airs within 30 days, 2 per
 * occurrence), one campaign per theme pair on the noon slots, and the timed emails'
 * campaigns.
 *
 * <p>
 * Items ({@link #items(int)}): released (approved, or publish-at after approval) evenly
 * over the year with a seeded jitter; 1 or 2 of the 5 themes, 0 to 3 of 10 tags, 70 % for
 * the whole commune and 30 % for 1 or 2 zones, 90 % normal, 9 % priority and 1 %
 * emergency (expiring after a day, as a storm warning does); 60 % expire 30 to 90 days
 * after release; every item on web and feed, 80 % on radio, 70 % by email.
 *
 * <p>
 * {@code main} prints what a scenario's plan contains, for the report.
 */
public final class YearOfProgramme {

	/** The commune's zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The first day planned: a Monday. */
	public static final LocalDate START = LocalDate.of(2027, 1, 4);

	static final List<String> THEMES = List.of("cai-cach-hanh-chinh", "chuyen-doi-so", "an-ninh-trat-tu",
			"nong-thon-moi", "y-te-giao-duc");

	static final List<String> TAGS = List.of("dich-vu-cong", "ho-tich", "thue", "dat-dai", "phong-chong-thien-tai",
			"tiem-chung", "bau-cu", "khuyen-nong", "an-toan-giao-thong", "van-hoa");

	static final List<String> LISTS = List.of("can-bo", "nguoi-dan", "thanh-nien", "nong-dan");

	static final List<LocalTime> RADIO_TIMES = List.of(LocalTime.of(5, 30), LocalTime.of(6, 15), LocalTime.of(11, 0),
			LocalTime.of(16, 30), LocalTime.of(17, 15));

	/** Tết Đinh Mùi (2027-02-06 to 2027-02-10) and the national holidays of 2027. */
	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6),
			LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10),
			LocalDate.of(2027, 4, 16), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 9, 2),
			LocalDate.of(2027, 9, 3));

	private YearOfProgramme() {
	}

	/** The zones' keys: {@code thon-1} to {@code thon-8}. */
	static List<String> zones() {
		List<String> zones = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			zones.add("thon-" + i);
		}
		return zones;
	}

	/** 00:00 in the commune so many days after {@link #START}. */
	public static Instant day(int days) {
		return START.plusDays(days).atStartOfDay(ZONE).toInstant();
	}

	/**
	 * The timetable described above, cut to its first {@code slots} slots (radio first,
	 * then timed emails, digests and on-publish slots) and to the campaigns of those
	 * slots.
	 */
	public static Timetable timetable(int slots) {
		List<Slot> chosen = allSlots().subList(0, slots);
		List<Campaign> campaigns = new ArrayList<>();
		campaigns.add(campaign("chu-de-luan-phien", THEMES, null, Set.of(), chosen, 3, Duration.ofDays(7), 4,
				CampaignOrder.ROUND_ROBIN, (slot) -> slot.channel() == Channel.RADIO));
		campaigns.add(campaign("tin-moi-buoi-sang", List.of(), Set.of(ItemKind.NEWS), Set.of(), chosen, 2,
				Duration.ofDays(3), 3, CampaignOrder.NEWEST,
				(slot) -> slot.channel() == Channel.RADIO && slot.recurrence().times().get(0).getHour() < 7));
		campaigns.add(campaign("thu-tuc-buoi-chieu", List.of(), Set.of(ItemKind.PROCEDURE), Set.of(), chosen, 2,
				Duration.ofDays(30), 2, CampaignOrder.OLDEST,
				(slot) -> slot.channel() == Channel.RADIO && slot.recurrence().times().get(0).getHour() >= 16));
		campaigns.add(campaign("trua-hanh-chinh-so", THEMES.subList(0, 2), Set.of(), Set.of(), chosen, 1,
				Duration.ofDays(14), 2, CampaignOrder.OLDEST,
				(slot) -> slot.channel() == Channel.RADIO && slot.recurrence().times().get(0).getHour() == 11));
		campaigns.add(campaign("trua-doi-song", THEMES.subList(2, 5), Set.of(), Set.of(), chosen, 1,
				Duration.ofDays(14), 2, CampaignOrder.ROUND_ROBIN,
				(slot) -> slot.channel() == Channel.RADIO && slot.recurrence().times().get(0).getHour() == 11));
		campaigns.add(campaign("phong-chong-thien-tai", List.of(), Set.of(), Set.of("phong-chong-thien-tai"), chosen, 5,
				Duration.ofDays(10), 1, CampaignOrder.NEWEST, (slot) -> slot.channel() == Channel.RADIO));
		campaigns.add(campaign("thu-can-bo-tuan", THEMES.subList(0, 3), Set.of(), Set.of(), chosen, 1,
				Duration.ofDays(14), 10, CampaignOrder.OLDEST, (slot) -> slot.key().equals("thu-can-bo-thu-hai")));
		campaigns.add(campaign("thu-nguoi-dan-tuan", List.of(), Set.of(), Set.of(), chosen, 1, Duration.ofDays(7), 8,
				CampaignOrder.ROUND_ROBIN, (slot) -> slot.key().equals("thu-nguoi-dan-thu-nam")));
		List<Campaign> used = campaigns.stream().filter((campaign) -> !campaign.slots().isEmpty()).toList();
		return new Timetable(zones().stream().map((zone) -> new Timetable.Zone(zone, "Thôn " + zone, null)).toList(),
				LISTS.stream().map((list) -> new Timetable.MailingList(list, list, null, true, null)).toList(), chosen,
				used);
	}

	private static List<Slot> allSlots() {
		List<Slot> all = new ArrayList<>();
		Set<DayOfWeek> monToSat = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
		for (LocalTime time : RADIO_TIMES) {
			for (String zone : zones()) {
				Recurrence recurrence = Recurrence.at(time)
					.withDays(monToSat.toArray(DayOfWeek[]::new))
					.withExcluded(HOLIDAYS);
				if (time.getHour() == 11) {
					recurrence = recurrence.withEveryWeeks(2, START);
				}
				all.add(new Slot(radioKey(time, zone), "Bản tin " + time + " " + zone, Channel.RADIO, SlotKind.TIMED,
						recurrence, Duration.ofMinutes(30), Set.of(zone), null, null));
			}
		}
		all.add(new Slot("thu-can-bo-thu-hai", "Thư cán bộ thứ Hai", Channel.EMAIL, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(7, 30)).withDays(DayOfWeek.MONDAY), null, null, "can-bo", null));
		all.add(new Slot("thu-nguoi-dan-thu-nam", "Thư người dân thứ Năm", Channel.EMAIL, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(16, 0)).withDays(DayOfWeek.THURSDAY), null, null, "nguoi-dan", null));
		DayOfWeek[] digestDays = { DayOfWeek.MONDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY };
		for (int i = 0; i < LISTS.size(); i++) {
			all.add(new Slot("tong-hop-" + LISTS.get(i), "Tổng hợp tuần " + LISTS.get(i), Channel.EMAIL,
					SlotKind.DIGEST, Recurrence.at(LocalTime.of(7, 0)).withDays(digestDays[i]), null, null,
					LISTS.get(i), null));
		}
		all.add(new Slot("web", "Trang web", Channel.WEB, SlotKind.ON_PUBLISH, null, null, null, null, null));
		all.add(new Slot("rss", "Nguồn tin RSS", Channel.FEED, SlotKind.ON_PUBLISH, null, null, null, null, null));
		all.add(new Slot("thu-can-bo", "Thư cán bộ khi đăng", Channel.EMAIL, SlotKind.ON_PUBLISH, null, null, null,
				"can-bo", null));
		all.add(new Slot("thu-nguoi-dan", "Thư người dân khi đăng", Channel.EMAIL, SlotKind.ON_PUBLISH, null, null,
				null, "nguoi-dan", null));
		return all;
	}

	private static String radioKey(LocalTime time, String zone) {
		return "radio-" + time.toString().replace(":", "") + "-" + zone;
	}

	private static Campaign campaign(String key, List<String> themes, Set<ItemKind> kinds, Set<String> tags,
			List<Slot> chosen, Integer airs, Duration within, Integer perSlot, CampaignOrder order,
			java.util.function.Predicate<Slot> fills) {
		List<String> slots = chosen.stream().filter(fills).map(Slot::key).toList();
		return new Campaign(key, "Chiến dịch " + key, null, themes, tags, kinds, null, slots, START, null, airs, within,
				perSlot, order, null);
	}

	/**
	 * {@code count} approved items released over the year from {@link #START}, seeded so
	 * that every run plans the same items.
	 */
	public static List<ItemView> items(int count) {
		Random random = new Random(20270104L);
		List<String> zones = zones();
		ZonedDateTime start = START.atStartOfDay(ZONE);
		long yearSeconds = Duration.ofDays(365).toSeconds();
		List<ItemView> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = String.format("tin-%05d", i);
			long offset = (yearSeconds * i) / Math.max(count, 1) + random.nextInt(6 * 3600);
			// office hours: approved between 07:00 and 17:00 local time
			ZonedDateTime approved = start.plusSeconds(offset).withHour(7 + random.nextInt(10));
			Instant approvedAt = approved.toInstant();
			Instant publishAt = (random.nextInt(4) == 0) ? approvedAt.plus(Duration.ofHours(1 + random.nextInt(48)))
					: null;
			Instant release = (publishAt != null) ? publishAt : approvedAt;
			int p = random.nextInt(100);
			Priority priority = (p == 0) ? Priority.EMERGENCY : (p < 10) ? Priority.PRIORITY : Priority.NORMAL;
			Instant expireAt = (priority == Priority.EMERGENCY) ? release.plus(Duration.ofDays(1))
					: (random.nextInt(10) < 6) ? release.plus(Duration.ofDays(30 + random.nextInt(61))) : null;
			Set<String> themes = new LinkedHashSet<>();
			themes.add(THEMES.get(random.nextInt(THEMES.size())));
			if (random.nextBoolean()) {
				themes.add(THEMES.get(random.nextInt(THEMES.size())));
			}
			Set<String> tags = new LinkedHashSet<>();
			int tagCount = random.nextInt(4);
			for (int t = 0; t < tagCount; t++) {
				tags.add(TAGS.get(random.nextInt(TAGS.size())));
			}
			Set<String> itemZones = new LinkedHashSet<>();
			if (random.nextInt(10) < 3) {
				itemZones.add(zones.get(random.nextInt(zones.size())));
				if (random.nextBoolean()) {
					itemZones.add(zones.get(random.nextInt(zones.size())));
				}
			}
			Set<Channel> channels = EnumSet.of(Channel.WEB, Channel.FEED);
			if (random.nextInt(10) < 8) {
				channels.add(Channel.RADIO);
			}
			if (random.nextInt(10) < 7) {
				channels.add(Channel.EMAIL);
			}
			int k = random.nextInt(100);
			ItemKind kind = (k < 60) ? ItemKind.NEWS
					: (k < 85) ? ItemKind.ANNOUNCEMENT : (k < 95) ? ItemKind.PROCEDURE : ItemKind.DOCUMENT;
			String title = "Tin số " + i + ": thông báo của Ủy ban nhân dân xã";
			items.add(new ItemView(id, kind, title, null, "Nội dung của tin số " + i, themes, tags, itemZones, priority,
					"Lan", ItemStatus.APPROVED, "Tý", publishAt, expireAt, channels, null, approvedAt,
					new ItemView.Variants(null, null, null, null, null), List.of(), null, null, approvedAt, null, OnExpiry.ARCHIVE, 1, 1, null));
		}
		return items;
	}

	/** The planner for a timetable, every item read in 2 minutes. */
	public static Programme programme(Timetable timetable) {
		return new Programme(timetable, ZONE, (item) -> Duration.ofMinutes(2));
	}

	/**
	 * Prints, for each scenario {@code slots:items:days:first} given (plan {@code days}
	 * days from day {@code first} of the year), how many placements and entries its plan
	 * has.
	 */
	public static void main(String[] args) {
		for (String scenario : args) {
			String[] parts = scenario.split(":");
			int slots = Integer.parseInt(parts[0]);
			int count = Integer.parseInt(parts[1]);
			int days = Integer.parseInt(parts[2]);
			int first = Integer.parseInt(parts[3]);
			Timetable timetable = timetable(slots);
			List<Placement> plan = programme(timetable).plan(day(first), day(first + days), items(count),
					Airings.none());
			long entries = plan.stream().mapToLong((placement) -> placement.entries().size()).sum();
			long radio = plan.stream().filter((placement) -> placement.slot().channel() == Channel.RADIO).count();
			long overflowing = plan.stream().filter((placement) -> !placement.overflow().isZero()).count();
			System.out.printf(
					"scenario=%s slots=%d campaigns=%d items=%d days=%d placements=%d entries=%d"
							+ " radio_placements=%d overflowing=%d%n",
					scenario, timetable.slots().size(), timetable.campaigns().size(), count, days, plan.size(), entries,
					radio, overflowing);
		}
	}

}
