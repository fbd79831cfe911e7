package vn.bantin.timetable;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one timetable file: every field of the format, and each kind of mistake located
 * by line, column and field, without stopping the good entries.
 */
class TimetableFileTests {

	@Test
	void readsEveryFieldOfZonesListsSlotsAndCampaigns() {
		TimetableFile.Part part = TimetableFile.read("radio.yaml", """
				holidays: [2027-01-01, 2027-02-04..2027-02-06]
				zones:
				  - {key: thon-1, name: Thôn 1}
				  - key: thon-trung-hai
				    name: Thôn Trung Hải
				lists:
				  - key: can-bo-cong-chuc
				    name: Cán bộ, công chức xã
				    description: Nhận mọi tin.
				    public: false
				  - key: nguoi-dan
				    public: true
				slots:
				  - key: ban-tin-sang
				    name: Bản tin sáng
				    channel: radio
				    kind: timed
				    times: ["06:00", "05:30"]
				    days: [mon-wed, sat]
				    every-weeks: 2
				    anchor: 2026-01-05
				    dates: [2026-12-01]
				    ranges: [2026-12-01..2026-12-31, {from: 2027-03-01, to: 2027-03-31}]
				    excluded: [2027-04-30, 2027-05-01..2027-05-02]
				    length: 1h30m
				    zones: [thon-1, thon-trung-hai]
				  - key: tong-hop
				    channel: email
				    kind: digest
				    cron: "0 0 7 ? * MON"
				    list: nguoi-dan
				  - key: web
				    channel: web
				    kind: on-publish
				campaigns:
				  - key: tuyen-truyen-cchc
				    name: Tuyên truyền cải cách hành chính
				    plan: ke-hoach-tuyen-truyen-cchc-2023
				    themes: [thu-tuc-hanh-chinh]
				    tags: [tet]
				    kinds: [news, announcement]
				    items: [tin-1]
				    slots: [ban-tin-sang]
				    from: 2026-12-01
				    until: 2027-11-30
				    airs: 3
				    within: 7d
				    per-slot: 2
				    order: round-robin
				""");

		assertThat(part.problems()).isEmpty();
		assertThat(part.holidays()).containsExactly(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-04"),
				LocalDate.parse("2027-02-05"), LocalDate.parse("2027-02-06"));
		Timetable timetable = part.timetable();
		assertThat(timetable.zones()).containsExactly(new Timetable.Zone("thon-1", "Thôn 1", "radio.yaml"),
				new Timetable.Zone("thon-trung-hai", "Thôn Trung Hải", "radio.yaml"));
		assertThat(timetable.lists()).containsExactly(new Timetable.MailingList("can-bo-cong-chuc",
				"Cán bộ, công chức xã", "Nhận mọi tin.", false, "radio.yaml"),
				new Timetable.MailingList("nguoi-dan", null, null, true, "radio.yaml"));
		Slot morning = timetable.slot("ban-tin-sang").orElseThrow();
		assertThat(morning.name()).isEqualTo("Bản tin sáng");
		assertThat(morning.channel()).isEqualTo(Channel.RADIO);
		assertThat(morning.kind()).isEqualTo(SlotKind.TIMED);
		assertThat(morning.length()).isEqualTo(Duration.ofMinutes(90));
		assertThat(morning.zones()).containsExactlyInAnyOrder("thon-1", "thon-trung-hai");
		assertThat(morning.source()).isEqualTo("radio.yaml");
		Recurrence recurrence = morning.recurrence();
		assertThat(recurrence.times()).containsExactly(LocalTime.of(5, 30), LocalTime.of(6, 0));
		assertThat(recurrence.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
		assertThat(recurrence.everyWeeks()).isEqualTo(2);
		assertThat(recurrence.anchor()).isEqualTo(LocalDate.parse("2026-01-05"));
		assertThat(recurrence.dates()).containsExactly(LocalDate.parse("2026-12-01"));
		assertThat(recurrence.ranges()).containsExactly(
				new Recurrence.DateRange(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")),
				new Recurrence.DateRange(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-31")));
		assertThat(recurrence.excluded()).containsExactlyInAnyOrder(LocalDate.parse("2027-04-30"),
				LocalDate.parse("2027-05-01"), LocalDate.parse("2027-05-02"));
		Slot digest = timetable.slot("tong-hop").orElseThrow();
		assertThat(digest.kind()).isEqualTo(SlotKind.DIGEST);
		assertThat(digest.recurrence().cron()).isEqualTo("0 0 7 ? * MON");
		assertThat(digest.list()).isEqualTo("nguoi-dan");
		Slot web = timetable.slot("web").orElseThrow();
		assertThat(web.kind()).isEqualTo(SlotKind.ON_PUBLISH);
		assertThat(web.recurrence()).isNull();
		assertThat(timetable.campaigns()).containsExactly(new Campaign("tuyen-truyen-cchc",
				"Tuyên truyền cải cách hành chính", "ke-hoach-tuyen-truyen-cchc-2023", List.of("thu-tuc-hanh-chinh"),
				Set.of("tet"), EnumSet.of(ItemKind.NEWS, ItemKind.ANNOUNCEMENT), Set.of("tin-1"),
				List.of("ban-tin-sang"), LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"), 3,
				Duration.ofDays(7), 2, CampaignOrder.ROUND_ROBIN, "radio.yaml"));
	}

	@Test
	void singleValuesDefaultsAndDayRangesOverTheWeekEnd() {
		TimetableFile.Part part = TimetableFile.read("a.yml", """
				slots:
				  - key: cuoi-tuan
				    channel: radio
				    times: "19:00"
				    days: sat-mon
				    length: 45s
				campaigns:
				  - key: tat-ca
				    slots: cuoi-tuan
				""");

		assertThat(part.problems()).isEmpty();
		Slot slot = part.timetable().slots().get(0);
		assertThat(slot.name()).isEqualTo("cuoi-tuan");
		assertThat(slot.kind()).isEqualTo(SlotKind.TIMED);
		assertThat(slot.length()).isEqualTo(Duration.ofSeconds(45));
		assertThat(slot.zones()).isEmpty();
		assertThat(slot.recurrence().days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY,
				DayOfWeek.MONDAY);
		Campaign campaign = part.timetable().campaigns().get(0);
		assertThat(campaign.slots()).containsExactly("cuoi-tuan");
		assertThat(campaign.order()).isEqualTo(CampaignOrder.OLDEST);
		assertThat(campaign.airs()).isNull();
		assertThat(campaign.from()).isNull();
	}

	@Test
	void namesWrittenDecomposedAreStoredInNfc() {
		String decomposed = Normalizer.normalize("Thôn Trung Hải", Normalizer.Form.NFD);
		TimetableFile.Part part = TimetableFile.read("zones.yaml",
				"zones:\n  - key: thon-trung-hai\n    name: " + decomposed + "\n");

		assertThat(part.timetable().zones().get(0).name()).isEqualTo("Thôn Trung Hải").isNotEqualTo(decomposed);
	}

	@Test
	void eachMistakeIsLocatedByLineColumnAndField() {
		TimetableFile.Part part = TimetableFile.read("radio.yaml", """
				slots:
				  - key: a
				    channel: radio
				    times: ["06:00", "25:00"]
				    length: 30m
				  - key: b
				    channel: radio
				    times: "06:00"
				    days: [mon, someday]
				    length: 0m
				  - key: c
				    channel: tv
				    times: "06:00"
				    every-weeks: 2
				  - key: d
				    channel: email
				    cron: "0 0 25 * * ?"
				    length: half an hour
				    ranges: [2027-02-10..2027-02-04]
				  - key: e
				    channel: web
				    kind: on-publish
				    times: "08:00"
				    colour: red
				  - key: f
				    channel: radio
				campaigns:
				  - key: g
				    slots: [a]
				    airs: 0
				    per-slot: many
				    order: random
				    from: 2027-12-01
				    until: 2027-01-01
				  - key: h
				    within: soon
				""");

		assertThat(part.problems()).extracting(ScheduleProblem::toString)
			.containsExactlyInAnyOrder(
					"radio.yaml:4:22: field 'slots.times': '25:00' is not a time of day; write HH:MM, e.g. 06:00",
					"radio.yaml:9:17: field 'slots.days': 'someday' is not a day of the week; write mon, tue, wed,"
							+ " thu, fri, sat, sun, or a range like mon-sat",
					"radio.yaml:10:13: field 'slots.length': must be longer than 0, e.g. 30m",
					"radio.yaml:12:14: field 'slots.channel': 'tv' is not one of: web, feed, email, radio",
					"radio.yaml:14:18: field 'slots.every-weeks': every 2 weeks needs 'anchor', a date in a week it"
							+ " occurs (e.g. anchor: 2026-01-05)",
					"radio.yaml:18:13: field 'slots.length': 'half an hour' is not a duration; write e.g. 30m,"
							+ " 1h30m, 7d or 45s",
					"radio.yaml:19:14: field 'slots.ranges': the range ends (2027-02-04) before it starts"
							+ " (2027-02-10); write the earlier date first",
					"radio.yaml:17:11: field 'slots.cron': '0 0 25 * * ?' is not a Quartz cron expression (Hour"
							+ " values must be between 0 and 23); seconds come first, e.g. \"0 0 6 ? * MON-SAT\"",
					"radio.yaml:24:5: unknown field 'slots.colour' (known: anchor, channel, cron, dates, days,"
							+ " every-weeks, excluded, key, kind, length, list, name, ranges, times, zones)",
					"radio.yaml:23:12: field 'slots.times': an on-publish slot goes out at each item's publish"
							+ " time; leave out 'times'",
					"radio.yaml:25:5: missing field 'slots.times': a timed or digest slot needs times of day"
							+ " (e.g. times: [\"06:00\"]) or a cron expression",
					"radio.yaml:34:12: field 'campaigns.until': 2027-01-01 is before 'from' 2027-12-01",
					"radio.yaml:30:11: field 'campaigns.airs': '0' must be a whole number of at least 1",
					"radio.yaml:31:15: field 'campaigns.per-slot': 'many' must be a whole number of at least 1",
					"radio.yaml:32:12: field 'campaigns.order': 'random' is not one of: oldest, newest, round-robin",
					"radio.yaml:35:5: missing field 'campaigns.slots': name the slots it fills, e.g. [ban-tin-sang]",
					"radio.yaml:36:13: field 'campaigns.within': 'soon' is not a duration; write e.g. 30m, 1h30m,"
							+ " 7d or 45s");
		assertThat(part.timetable().slots()).isEmpty();
		assertThat(part.timetable().campaigns()).isEmpty();
	}

	@Test
	void aBadEntryIsLeftOutWhileTheGoodOnesOfTheFileLoad() {
		TimetableFile.Part part = TimetableFile.read("radio.yaml", """
				zones:
				  - {key: thon-1, name: Thôn 1}
				  - {key: Thôn 2}
				slots:
				  - key: sang
				    channel: radio
				    times: "06:00"
				    length: 30m
				  - key: trua
				    channel: radio
				    times: "11:70"
				    length: 30m
				  - key: chieu
				    channel: radio
				    times: "17:00"
				    length: 30m
				""");

		assertThat(part.problems()).hasSize(2);
		assertThat(part.problems().get(0).toString()).startsWith("radio.yaml:3:11: field 'zones.key': 'Thôn 2'");
		assertThat(part.problems().get(1).toString()).startsWith("radio.yaml:11:12: field 'slots.times': '11:70'");
		assertThat(part.timetable().zones()).extracting(Timetable.Zone::key).containsExactly("thon-1");
		assertThat(part.timetable().slots()).extracting(Slot::key).containsExactly("sang", "chieu");
	}

	@Test
	void badYamlIsLocatedAndLoadsNothingFromThatFile() {
		TimetableFile.Part part = TimetableFile.read("radio.yaml", "slots:\n  - key: sang\n    times: [06:00\n");

		assertThat(part.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("radio.yaml:4:1: bad YAML"));
		assertThat(part.timetable().slots()).isEmpty();
	}

	@Test
	void aKeyUsedTwiceInOneFileNamesTheFirstPlace() {
		TimetableFile.Part part = TimetableFile.read("zones.yaml", """
				zones:
				  - {key: thon-1, name: Thôn 1}
				  - {key: thon-1, name: Thôn Một}
				""");

		assertThat(part.problems()).extracting(ScheduleProblem::toString)
			.containsExactly("zones.yaml:3:11: field 'zones.key': zone 'thon-1' is already defined at zones.yaml:2:11;"
					+ " keys must be unique across all timetable files");
		assertThat(part.timetable().zones()).extracting(Timetable.Zone::name).containsExactly("Thôn 1");
	}

	@Test
	void emptyFilesAndEmptySectionsHoldNothing() {
		assertThat(TimetableFile.read("empty.yaml", "").problems()).isEmpty();
		assertThat(TimetableFile.read("comments.yaml", "# nothing yet\n").problems()).isEmpty();
		TimetableFile.Part part = TimetableFile.read("empty-sections.yaml", "holidays:\nzones:\nslots:\ncampaigns:\n");

		assertThat(part.problems()).isEmpty();
		assertThat(part.timetable()).isEqualTo(Timetable.empty());
	}

	@Test
	void aTopLevelValueThatIsNotAMappingIsLocated() {
		assertThat(TimetableFile.read("list.yaml", "- a\n- b\n").problems()).extracting(ScheduleProblem::toString)
			.containsExactly("list.yaml:1:1: the file must be a set of 'field: value' lines");
	}

}
