package vn.bantin.timetable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.bantin.content.Channel;
import vn.bantin.content.ContentFiles;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.OnExpiry;
import vn.bantin.content.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks over a whole schedules folder: what no single file shows. 2026-12-01 is a
 * Tuesday; times are Vietnamese wall-clock times.
 */
class TimetableCheckTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Instant NOW = local("2026-12-01T00:00");

	private static final Map<String, List<String>> PLANS = Map.of("ke-hoach-cchc",
			List.of("thu-tuc-hanh-chinh", "dich-vu-cong"), "ke-hoach-khac", List.of("an-ninh"));

	@TempDir
	Path folder;

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(VN).toInstant();
	}

	private void write(String path, String text) throws IOException {
		Path file = this.folder.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private List<String> problems() {
		return problems(List.of());
	}

	private List<String> problems(Collection<ItemView> items) {
		ScheduleFiles.Reading reading = ScheduleFiles.read(this.folder, PLANS);
		List<ScheduleProblem> problems = new java.util.ArrayList<>(reading.problems());
		problems.addAll(ScheduleFiles.check(reading, VN, PLANS, (item) -> Duration.ofMinutes(4))
			.check(reading.timetable(), reading.locations(), NOW, items));
		return ScheduleFiles.sorted(problems).stream().map(ScheduleProblem::toString).toList();
	}

	private static ItemView item(String id, Set<String> themes, Set<Channel> channels) {
		Instant released = local("2026-11-20T07:00");
		return new ItemView(id, ItemKind.NEWS, "Tin " + id, null, "Nội dung", themes, Set.of(), Set.of(),
				Priority.NORMAL, "Lan", ItemStatus.APPROVED, "Tý", released, null, channels, "items/" + id + ".md",
				released, new ItemView.Variants(null, null, null, null, null), List.of(), null, null, released, null,
				OnExpiry.ARCHIVE, 1, 1, null);
	}

	private static final String RADIO = """
			zones:
			  - {key: thon-1, name: Thôn 1}
			  - {key: thon-3, name: Thôn 3}
			slots:
			  - key: ban-tin-sang
			    name: Bản tin sáng
			    channel: radio
			    times: "06:00"
			    days: mon-sat
			    length: 30m
			""";

	@Test
	void radioSlotsOverlappingOnOneZoneNameBothSlotsAndTheFirstOverlap() throws IOException {
		write("radio.yaml", RADIO);
		write("thon/thon-1.yaml", """
				slots:
				  - key: tin-thon-1
				    name: Tin thôn 1
				    channel: radio
				    times: "06:20"
				    days: [sat]
				    length: 15m
				    zones: [thon-1]
				""");

		assertThat(problems()).containsExactly("thon/thon-1.yaml:2:10: radio slots 'Bản tin sáng' (ban-tin-sang) and"
				+ " 'Tin thôn 1' (tin-thon-1) overlap on zone 'thon-1': 2026-12-05 06:00 (30 min) and 2026-12-05 06:20"
				+ " (15 min); move one or give them different zones");
	}

	@Test
	void radioSlotsOfDifferentZonesOrTimesDoNotOverlap() throws IOException {
		write("radio.yaml", RADIO + """
				  - key: thon-1-sang
				    channel: radio
				    times: "06:00"
				    length: 30m
				    zones: [thon-1]
				  - key: thon-3-sang
				    channel: radio
				    times: "06:00"
				    length: 30m
				    zones: [thon-3]
				  - key: ban-tin-chieu
				    channel: radio
				    times: "17:00"
				    length: 30m
				""".replace("    times: \"06:00\"\n    length: 30m\n    zones: [thon-1]",
				"    times: \"06:30\"\n    length: 30m\n    zones: [thon-1]"));

		assertThat(problems()).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("'thon-3-sang'").contains("overlap"));
	}

	@Test
	void unknownSlotListAndZoneAreLocatedAtTheValue() throws IOException {
		write("radio.yaml", RADIO + """
				  - key: tin-thon
				    channel: radio
				    times: "19:00"
				    length: 10m
				    zones: [thon-1, thon-9]
				  - key: thu
				    channel: email
				    kind: on-publish
				    list: khong-co
				campaigns:
				  - key: tin-moi
				    slots: [ban-tin-sang, ban-tin-trua]
				""");

		assertThat(problems()).containsExactly(
				"radio.yaml:15:21: field 'slots.zones': unknown zone 'thon-9' (zones: thon-1, thon-3)",
				"radio.yaml:19:11: field 'slots.list': unknown list 'khong-co' (lists: none)",
				"radio.yaml:22:27: field 'campaigns.slots': unknown slot 'ban-tin-trua' (slots: ban-tin-sang,"
						+ " thu, tin-thon)");
	}

	@Test
	void slotsThatDoNotSuitTheirChannelAreReported() throws IOException {
		write("slots.yaml", """
				slots:
				  - key: thu
				    channel: email
				    kind: on-publish
				  - key: web-tuan
				    channel: web
				    kind: digest
				    times: "07:00"
				  - key: dai
				    channel: radio
				    kind: on-publish
				  - key: dai-2
				    channel: radio
				    times: "06:00"
				""");

		assertThat(problems()).containsExactly(
				"slots.yaml:2:10: slot 'thu': an email slot needs 'list', the list it goes to (e.g. list:"
						+ " can-bo-cong-chuc)",
				"slots.yaml:7:11: field 'slots.kind': a digest gathers items into one email; only email slots can"
						+ " be digests",
				"slots.yaml:11:11: field 'slots.kind': the radio plays at set times; a radio slot is timed (e.g."
						+ " times: [\"06:00\"])",
				"slots.yaml:12:10: slot 'dai-2': a radio slot needs 'length', how long it is on air (e.g. length:"
						+ " 30m)");
	}

	@Test
	void aSlotWhoseEveryDateIsAHolidayOfAnotherFileNeverOccurs() throws IOException {
		write("holidays.yaml", "holidays: [2027-02-04..2027-02-10]\n");
		write("tet.yaml", """
				slots:
				  - key: chuc-tet
				    channel: radio
				    times: "06:00"
				    dates: [2027-02-05, 2027-02-06]
				    length: 10m
				""");

		assertThat(problems()).containsExactly("tet.yaml:2:10: slot 'chuc-tet' never occurs in the 5 years from"
				+ " 2026-12-01 (check its dates, ranges, days and excluded dates)");
	}

	@Test
	void holidaysAreExcludedFromTimedAndDigestSlotsOfEveryFile() throws IOException {
		write("a.yaml", "holidays: [2027-01-01]\n");
		write("b.yaml", RADIO);

		Slot slot = ScheduleFiles.read(this.folder, PLANS).timetable().slot("ban-tin-sang").orElseThrow();

		assertThat(slot.recurrence().excluded()).containsExactly(LocalDate.parse("2027-01-01"));
		assertThat(slot.recurrence().occurrences(local("2027-01-01T00:00"), local("2027-01-02T00:00"), VN)).isEmpty();
	}

	@Test
	void campaignsNamingAMissingPlanOrThemeAreReported() throws IOException {
		write("radio.yaml", RADIO + """
				campaigns:
				  - key: a
				    plan: ke-hoach-2030
				    slots: [ban-tin-sang]
				  - key: b
				    themes: [thu-tuc-hanh-chinh, khong-co]
				    slots: [ban-tin-sang]
				  - key: c
				    plan: ke-hoach-khac
				    themes: [thu-tuc-hanh-chinh]
				    slots: [ban-tin-sang]
				""");

		assertThat(problems()).containsExactly(
				"radio.yaml:13:11: field 'campaigns.plan': unknown plan 'ke-hoach-2030' (plans: ke-hoach-cchc,"
						+ " ke-hoach-khac)",
				"radio.yaml:16:34: field 'campaigns.themes': no plan has theme 'khong-co' (themes: an-ninh,"
						+ " dich-vu-cong, thu-tuc-hanh-chinh)",
				"radio.yaml:20:14: field 'campaigns.themes': theme 'thu-tuc-hanh-chinh' is not a theme of plan"
						+ " 'ke-hoach-khac'");
	}

	@Test
	void aCampaignNamingOnlyAPlanTakesThePlansThemes() throws IOException {
		write("radio.yaml", RADIO + """
				campaigns:
				  - key: tuyen-truyen
				    plan: ke-hoach-cchc
				    slots: [ban-tin-sang]
				""");

		assertThat(ScheduleFiles.read(this.folder, PLANS).timetable().campaign("tuyen-truyen").orElseThrow().themes())
			.containsExactly("thu-tuc-hanh-chinh", "dich-vu-cong");
	}

	@Test
	void keysDefinedInTwoFilesNameBothPlacesAndTheFirstWins() throws IOException {
		write("a.yaml", RADIO);
		write("b/c.yml", """
				slots:
				  - key: ban-tin-sang
				    name: Bản tin sáng (bản sao)
				    channel: radio
				    times: "05:00"
				    length: 30m
				""");

		assertThat(problems()).containsExactly("b/c.yml:2:10: field 'slots.key': slot 'ban-tin-sang' is already"
				+ " defined at a.yaml:5:10; keys must be unique across all timetable files");
		assertThat(ScheduleFiles.read(this.folder, PLANS).timetable().slots()).extracting(Slot::name)
			.containsExactly("Bản tin sáng");
	}

	@Test
	void aBadFileDoesNotStopTheOthers() throws IOException {
		write("a.yaml", "slots: [\n");
		write("b.yaml", RADIO);

		ScheduleFiles.Reading reading = ScheduleFiles.read(this.folder, PLANS);

		assertThat(reading.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("a.yaml:2:1: bad YAML"));
		assertThat(reading.timetable().slots()).extracting(Slot::key).containsExactly("ban-tin-sang");
	}

	@Test
	void radioProgrammesLongerThanTheirSlotAreWarnedWithTheOccurrenceAndTheOverflow() throws IOException {
		write("radio.yaml", RADIO.replace("length: 30m", "length: 10m") + """
				campaigns:
				  - key: tuyen-truyen
				    plan: ke-hoach-cchc
				    slots: [ban-tin-sang]
				""");
		Set<Channel> all = EnumSet.allOf(Channel.class);
		List<ItemView> items = List.of(item("a", Set.of("thu-tuc-hanh-chinh"), all),
				item("b", Set.of("dich-vu-cong"), all), item("c", Set.of("thu-tuc-hanh-chinh"), all));

		List<String> problems = problems(items);

		// three items of 4 minutes each in a 10-minute slot, every morning of 8 weeks
		assertThat(problems).hasSize(48)
			.first()
			.isEqualTo("radio.yaml:5:10: warning: radio slot 'Bản tin sáng' (ban-tin-sang) on 2026-12-01 06:00,"
					+ " whole commune: 3 item(s) take 12m for a 10m slot, 2m too long; lower the campaigns'"
					+ " per-slot or lengthen the slot");
	}

	@Test
	void approvedRadioItemsThatNoCampaignSelectsAreWarned() throws IOException {
		write("radio.yaml", RADIO + """
				campaigns:
				  - key: thu-tuc
				    themes: [thu-tuc-hanh-chinh]
				    slots: [ban-tin-sang]
				""");
		List<ItemView> items = List.of(item("a", Set.of("thu-tuc-hanh-chinh"), EnumSet.allOf(Channel.class)),
				item("b", Set.of("dich-vu-cong"), EnumSet.allOf(Channel.class)),
				item("web-only", Set.of("dich-vu-cong"), EnumSet.of(Channel.WEB)));

		assertThat(problems(items)).containsExactly("radio.yaml:12:10: warning: approved radio item 'b'"
				+ " (items/b.md) is selected by no campaign of a radio slot, so it will not air; add its theme, tag"
				+ " or id to a campaign, or leave 'radio' out of its channels");
	}

	@Test
	void aMissingFolderIsAnEmptyTimetable() {
		ScheduleFiles.Reading reading = ScheduleFiles.read(this.folder.resolve("khong-co"), PLANS);

		assertThat(reading.problems()).isEmpty();
		assertThat(reading.timetable()).isEqualTo(Timetable.empty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-29T01:00:00Z", "2026-12-31T23:00:00Z", "2027-02-01T00:00:00Z",
			"2028-06-15T12:00:00Z" })
	void theSampleTimetablesHaveNoProblemsOnAnyDay(String now) {
		Instant at = Instant.parse(now);
		ContentFiles.Contents contents = ContentFiles.contents(Path.of("content"), VN, at);

		assertThat(ScheduleFiles.validate(Path.of("schedules"), VN, at, contents.plans(), contents.items(), 160))
			.isEmpty();
		Timetable timetable = ScheduleFiles.read(Path.of("schedules"), contents.plans()).timetable();
		assertThat(timetable.slots()).extracting(Slot::key)
			.containsExactlyInAnyOrder("ban-tin-sang", "ban-tin-chieu", "trang-web", "ban-tin-rss", "thu-can-bo",
					"ban-tin-tuan");
		assertThat(timetable.campaign("tuyen-truyen-cchc").orElseThrow().themes()).hasSize(5);
	}

	@Test
	void readingTimeCountsTheRadioScriptElseTheSpokenBody() {
		ReadingTime reading = new ReadingTime(120);
		ItemView body = item("a", Set.of(), Set.of());
		ItemView script = new ItemView("b", ItemKind.NEWS, "B", null, "Một hai ba bốn", Set.of(), Set.of(), Set.of(),
				Priority.NORMAL, null, ItemStatus.APPROVED, null, null, null, Set.of(), null, null,
				new ItemView.Variants(null, null, "Kính thưa bà con, " + "xin thông báo ".repeat(80), null, null),
				List.of(), null, null, null, null, OnExpiry.ARCHIVE, 1, 1, null);

		assertThat(reading.of(body)).isEqualTo(Duration.ofSeconds(1));
		// 3 + 240 words at 120 a minute
		assertThat(reading.of(script)).isEqualTo(Duration.ofSeconds(122));
	}

	@Test
	void readingTimeCountsNumbersAsTheyAreReadAloud() {
		ReadingTime reading = new ReadingTime(60);
		ItemView script = new ItemView("c", ItemKind.NEWS, "C", null, "", Set.of(), Set.of(), Set.of(), Priority.NORMAL,
				null, ItemStatus.APPROVED, null, null, null, Set.of(), null, null,
				new ItemView.Variants(null, null, "Hỗ trợ 1.500.000 đồng", null, null), List.of(), null, null, null,
				null, OnExpiry.ARCHIVE, 1, 1, null);

		// "Hỗ trợ một triệu năm trăm nghìn đồng": 8 spoken words, not 4 written ones
		assertThat(reading.of(script)).isEqualTo(Duration.ofSeconds(8));
	}

}
