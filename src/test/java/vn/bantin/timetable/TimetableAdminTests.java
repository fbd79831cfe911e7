package vn.bantin.timetable;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Officers edit the timetables kept in the database through the admin forms, posted as a
 * browser does; entries kept in files stay read-only there. Each test defines its own
 * file-managed part (zones, a list, a slot and a campaign with a source path) and removes
 * what it stored, since the application context is shared.
 */
@BantinWebTest
@RecordApplicationEvents
class TimetableAdminTests {

	private static final String FILES = "test-files";

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Timetables timetables;

	@Autowired
	StoredTimetables stored;

	@Autowired
	TimetableEntryStore entries;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	String n;

	@BeforeEach
	void defineFileManagedPart() {
		this.n = String.valueOf(counter.incrementAndGet());
		Slot fileSlot = new Slot("tep-sang-" + this.n, "Bản tin sáng (tệp)", Channel.RADIO, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(6, 0)), Duration.ofMinutes(30), Set.of("thon-trung-hai"), null,
				"radio.yaml");
		Campaign fileCampaign = new Campaign("tep-chien-dich-" + this.n, "Chiến dịch (tệp)", null, null, null, null,
				null, List.of(fileSlot.key()), null, null, null, null, null, null, "campaigns.yaml");
		this.timetables.define(FILES,
				new Timetable(
						List.of(new Timetable.Zone("thon-trung-hai", "Thôn Trung Hải", "zones.yaml"),
								new Timetable.Zone("thon-dong", "Thôn Đông", "zones.yaml")),
						List.of(new Timetable.MailingList("can-bo", "Cán bộ, công chức xã", null, false, "lists.yaml")),
						List.of(fileSlot), List.of(fileCampaign)),
				List.of());
		this.events.clear();
	}

	@AfterEach
	void removeWhatTheTestStored() {
		this.entries.deleteAll();
		this.stored.reload();
		this.timetables.define(FILES, Timetable.empty(), List.of());
	}

	/**
	 * A slot form as a browser posts it; {@code changes} are field and value pairs that
	 * replace the defaults (a field with several values, e.g. days, takes them separated
	 * by commas).
	 */
	MockHttpServletRequestBuilder slotForm(String url, MockHttpSession session, String key, String name,
			String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("key", key);
		fields.put("name", name);
		fields.put("channel", "RADIO");
		fields.put("kind", "TIMED");
		fields.put("times", "06:00");
		fields.put("days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY");
		fields.put("_days", "on");
		fields.put("everyWeeks", "1");
		fields.put("anchor", "");
		fields.put("dates", "");
		fields.put("ranges", "");
		fields.put("excluded", "2026-02-17");
		fields.put("cron", "");
		fields.put("length", "30m");
		fields.put("zones", "thon-trung-hai");
		fields.put("list", "");
		return form(url, session, fields, changes, "days");
	}

	MockHttpServletRequestBuilder campaignForm(String url, MockHttpSession session, String key, String slot,
			String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("key", key);
		fields.put("name", "Tuyên truyền chuyển đổi số");
		fields.put("plan", "");
		fields.put("_themes", "on");
		fields.put("tags", "Chuyển đổi số");
		fields.put("kinds", "NEWS,ANNOUNCEMENT");
		fields.put("_kinds", "on");
		fields.put("items", "");
		fields.put("slots", slot);
		fields.put("_slots", "on");
		fields.put("from", "2026-01-01");
		fields.put("until", "2026-12-31");
		fields.put("airs", "3");
		fields.put("within", "7d");
		fields.put("perSlot", "2");
		fields.put("order", "ROUND_ROBIN");
		return form(url, session, fields, changes, "kinds", "slots");
	}

	private static MockHttpServletRequestBuilder form(String url, MockHttpSession session, Map<String, String> fields,
			String[] changes, String... multiple) {
		for (int i = 0; i + 1 < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(url).session(session).with(csrf());
		fields.forEach((field, value) -> {
			if (List.of(multiple).contains(field)) {
				if (!value.isEmpty()) {
					request.param(field, value.split(","));
				}
			}
			else {
				request.param(field, value);
			}
		});
		return request;
	}

	long changes() {
		return this.events.stream(TimetableChanged.class).filter((e) -> e.source().equals("ui")).count();
	}

	@Test
	void editorCreatesASlotThatTheEngineIsToldOfWithItsVietnameseNameInComposedForm() throws Exception {
		String key = "ban-tin-trua-" + this.n;
		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), key,
					Normalizer.normalize("Bản tin trưa", Normalizer.Form.NFD)))
			.andExpect(redirectedUrl("/admin/timetables"));

		Slot slot = this.timetables.current().slot(key).orElseThrow();
		assertThat(slot.name()).isEqualTo("Bản tin trưa");
		assertThat(slot.source()).isNull();
		assertThat(slot.channel()).isEqualTo(Channel.RADIO);
		assertThat(slot.recurrence().times()).containsExactly(LocalTime.of(6, 0));
		assertThat(slot.recurrence().days()).hasSize(6).doesNotContain(DayOfWeek.SUNDAY);
		assertThat(slot.recurrence().excluded()).containsExactly(LocalDate.of(2026, 2, 17));
		assertThat(slot.length()).isEqualTo(Duration.ofMinutes(30));
		assertThat(slot.zones()).containsExactly("thon-trung-hai");
		assertThat(changes()).isEqualTo(1);
	}

	@Test
	void listShowsEachSlotInWordsWithItsNextThreeOccurrencesInCommuneTimeAndItsSource() throws Exception {
		String key = "ban-tin-chieu-" + this.n;
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(slotForm("/admin/timetables/slots", editor, key, "Bản tin chiều", "excluded", ""));

		ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
		List<String> expected = new ArrayList<>();
		ZonedDateTime candidate = this.clock.instant().atZone(zone).toLocalDate().atTime(6, 0).atZone(zone);
		while (expected.size() < 3) {
			if (candidate.toInstant().isAfter(this.clock.instant()) && candidate.getDayOfWeek() != DayOfWeek.SUNDAY) {
				expected.add(candidate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
			}
			candidate = candidate.plusDays(1);
		}
		String page = this.mvc.perform(get("/admin/timetables").session(editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Bản tin chiều", "06:00, thứ Hai–thứ Bảy, 30 phút", "từ tệp, chỉ đọc", "radio.yaml")
			.contains(expected)
			.contains("/admin/timetables/slots/" + key + "/edit")
			.doesNotContain("/admin/timetables/slots/tep-sang-" + this.n + "/edit");

		String english = this.mvc.perform(get("/admin/timetables").param("lang", "en").session(editor))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("06:00, Monday–Saturday, 30 min");
	}

	@Test
	void editorChangesAndThenDeletesASlotAfterConfirming() throws Exception {
		String key = "ban-tin-toi-" + this.n;
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(slotForm("/admin/timetables/slots", editor, key, "Bản tin tối"));
		long version = this.stored.slot(key).orElseThrow().form().version();

		this.mvc.perform(get("/admin/timetables/slots/{key}/edit", key).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bản tin tối")))
			.andExpect(content().string(containsString("06:00")));
		this.mvc
			.perform(slotForm("/admin/timetables/slots/" + key, editor, key, "Bản tin tối thứ Bảy", "times",
					"19:00, 19:30", "days", "SATURDAY")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/timetables"));
		Slot changed = this.timetables.current().slot(key).orElseThrow();
		assertThat(changed.name()).isEqualTo("Bản tin tối thứ Bảy");
		assertThat(changed.recurrence().times()).containsExactly(LocalTime.of(19, 0), LocalTime.of(19, 30));
		assertThat(changed.recurrence().days()).containsExactly(DayOfWeek.SATURDAY);
		assertThat(this.stored.slot(key).orElseThrow().updatedBy()).endsWith("-editor");

		this.mvc.perform(get("/admin/timetables/slots/{key}/delete", key).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không hoàn tác được")));
		assertThat(this.timetables.current().slot(key)).isPresent();
		this.mvc
			.perform(post("/admin/timetables/slots/{key}/delete", key).session(editor)
				.with(csrf())
				.param("version", String.valueOf(version + 1)))
			.andExpect(redirectedUrl("/admin/timetables"));
		assertThat(this.timetables.current().slot(key)).isEmpty();
		assertThat(this.stored.slot(key)).isEmpty();
		assertThat(changes()).isEqualTo(3);
	}

	@Test
	void editorCreatesChangesAndDeletesACampaign() throws Exception {
		String key = "chuyen-doi-so-" + this.n;
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String fileSlot = "tep-sang-" + this.n;
		this.mvc.perform(campaignForm("/admin/timetables/campaigns", editor, key, fileSlot))
			.andExpect(redirectedUrl("/admin/timetables"));

		Campaign campaign = this.timetables.current().campaign(key).orElseThrow();
		assertThat(campaign.name()).isEqualTo("Tuyên truyền chuyển đổi số");
		assertThat(campaign.slots()).containsExactly(fileSlot);
		assertThat(campaign.tags()).containsExactly("chuyen-doi-so");
		assertThat(campaign.kinds()).containsExactlyInAnyOrder(ItemKind.NEWS, ItemKind.ANNOUNCEMENT);
		assertThat(campaign.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(campaign.until()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(campaign.airs()).isEqualTo(3);
		assertThat(campaign.within()).isEqualTo(Duration.ofDays(7));
		assertThat(campaign.perSlot()).isEqualTo(2);
		assertThat(campaign.order()).isEqualTo(CampaignOrder.ROUND_ROBIN);
		assertThat(campaign.source()).isNull();

		long version = this.stored.campaign(key).orElseThrow().form().version();
		this.mvc
			.perform(campaignForm("/admin/timetables/campaigns/" + key, editor, key, fileSlot, "airs", "5")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/timetables"));
		assertThat(this.timetables.current().campaign(key).orElseThrow().airs()).isEqualTo(5);

		this.mvc
			.perform(post("/admin/timetables/campaigns/{key}/delete", key).session(editor)
				.with(csrf())
				.param("version", String.valueOf(version + 1)))
			.andExpect(redirectedUrl("/admin/timetables"));
		assertThat(this.timetables.current().campaign(key)).isEmpty();
		assertThat(changes()).isEqualTo(3);
	}

	@Test
	void badSlotInputIsReportedOnEachFieldKeptAsTypedAndNothingIsStored() throws Exception {
		String key = "sai-" + this.n;
		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), key, "Khung giờ sai",
					"times", "25:00", "length", "nửa tiếng", "zones", "thon-khong-co", "excluded", "30/2/2026",
					"ranges", "2026-03-01..2026-02-01"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/timetables/slot"))
			.andExpect(model().attributeHasFieldErrorCode("form", "times", "timetable.error.time"))
			.andExpect(model().attributeHasFieldErrorCode("form", "length", "timetable.error.duration"))
			.andExpect(model().attributeHasFieldErrorCode("form", "excluded", "timetable.error.date"))
			.andExpect(model().attributeHasFieldErrorCode("form", "ranges", "timetable.error.range-backwards"))
			.andExpect(content().string(containsString("Giờ «25:00» không hợp lệ")))
			.andExpect(content().string(containsString("value=\"nửa tiếng\"")))
			.andExpect(content().string(containsString("value=\"Khung giờ sai\"")));

		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), key, "Khung giờ sai",
					"cron", "mỗi sáng"))
			.andExpect(model().attributeHasFieldErrorCode("form", "cron", "timetable.error.cron"));
		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), key, "Khung giờ sai",
					"zones", "thon-khong-co"))
			.andExpect(model().attributeHasFieldErrorCode("form", "zones", "timetable.error.zone-unknown"))
			.andExpect(content().string(containsString("Không có cụm loa «thon-khong-co»")));
		this.mvc
			.perform(post("/admin/timetables/slots").session(this.accounts.signedIn(Role.EDITOR))
				.with(csrf())
				.param("key", key)
				.param("channel", "RADIO")
				.param("kind", "TIMED")
				.param("times", "06:00")
				.param("_days", "on"))
			.andExpect(model().attributeHasFieldErrorCode("form", "days", "timetable.error.days-required"));
		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), "Khóa Sai",
					"Khung giờ sai"))
			.andExpect(model().attributeHasFieldErrorCode("form", "key", "timetable.error.key"));

		assertThat(this.timetables.current().slot(key)).isEmpty();
		assertThat(this.entries.count()).isZero();
		assertThat(changes()).isZero();
	}

	@Test
	void badCampaignInputIsReportedOnEachFieldAndNothingIsStored() throws Exception {
		String key = "chien-dich-sai-" + this.n;
		this.mvc
			.perform(campaignForm("/admin/timetables/campaigns", this.accounts.signedIn(Role.EDITOR), key,
					"khung-khong-co", "from", "2026-06-01", "until", "2026-05-01", "airs", "0", "within", "một tuần"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "until", "timetable.error.until-before-from"))
			.andExpect(model().attributeHasFieldErrorCode("form", "airs", "timetable.error.number"))
			.andExpect(model().attributeHasFieldErrorCode("form", "within", "timetable.error.duration"))
			.andExpect(content().string(containsString("value=\"một tuần\"")));
		this.mvc
			.perform(campaignForm("/admin/timetables/campaigns", this.accounts.signedIn(Role.EDITOR), key,
					"khung-khong-co", "plan", "ke-hoach-khong-co"))
			.andExpect(model().attributeHasFieldErrorCode("form", "slots", "timetable.error.slot-unknown"))
			.andExpect(model().attributeHasFieldErrorCode("form", "plan", "timetable.error.plan-unknown"));

		assertThat(this.timetables.current().campaign(key)).isEmpty();
		assertThat(this.entries.count()).isZero();
		assertThat(changes()).isZero();
	}

	@Test
	void aKeyOfAFileManagedSlotCannotBeTakenByANewOne() throws Exception {
		String fileKey = "tep-sang-" + this.n;
		this.mvc.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.EDITOR), fileKey, "Trùng mã"))
			.andExpect(model().attributeHasFieldErrorCode("form", "key", "timetable.error.key-file"))
			.andExpect(content().string(containsString("radio.yaml")));
		assertThat(this.timetables.current().slot(fileKey).orElseThrow().name()).isEqualTo("Bản tin sáng (tệp)");
		assertThat(this.entries.count()).isZero();
	}

	@Test
	void fileManagedEntriesAreReadOnlyEvenByUrl() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String slot = "tep-sang-" + this.n;
		String campaign = "tep-chien-dich-" + this.n;
		this.mvc.perform(get("/admin/timetables/slots/{key}/edit", slot).session(editor))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("chỉ sửa được trong tệp")));
		this.mvc.perform(slotForm("/admin/timetables/slots/" + slot, editor, slot, "Đổi tên").param("version", "0"))
			.andExpect(status().isConflict());
		this.mvc.perform(
				post("/admin/timetables/slots/{key}/delete", slot).session(editor).with(csrf()).param("version", "0"))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/admin/timetables/campaigns/{key}/delete", campaign).session(editor))
			.andExpect(status().isConflict());
		this.mvc
			.perform(campaignForm("/admin/timetables/campaigns/" + campaign, editor, campaign, slot).param("version",
					"0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("campaigns.yaml")));

		assertThat(this.timetables.current().slot(slot).orElseThrow().name()).isEqualTo("Bản tin sáng (tệp)");
		assertThat(this.timetables.current().campaign(campaign).orElseThrow().airs()).isNull();
		assertThat(this.entries.count()).isZero();
		assertThat(changes()).isZero();
	}

	@Test
	void theSecondOfficerSavingAStaleCopyGetsAConflictAndKeepsWhatTheyTyped() throws Exception {
		String key = "ban-tin-chung-" + this.n;
		MockHttpSession first = this.accounts.signedIn(Role.EDITOR);
		MockHttpSession second = this.accounts.signedIn(Role.ADMIN);
		this.mvc.perform(slotForm("/admin/timetables/slots", first, key, "Bản tin chung"));
		String opened = String.valueOf(this.stored.slot(key).orElseThrow().form().version());

		this.mvc
			.perform(slotForm("/admin/timetables/slots/" + key, first, key, "Bản tin của người thứ nhất")
				.param("version", opened))
			.andExpect(redirectedUrl("/admin/timetables"));
		this.mvc
			.perform(slotForm("/admin/timetables/slots/" + key, second, key, "Bản tin của người thứ hai", "times",
					"05:30")
				.param("version", opened))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("đã lưu mục này")))
			.andExpect(content().string(containsString("value=\"Bản tin của người thứ hai\"")))
			.andExpect(content().string(containsString("value=\"05:30\"")));
		assertThat(this.timetables.current().slot(key).orElseThrow().name()).isEqualTo("Bản tin của người thứ nhất");

		// saving again, knowingly, over the newer version goes through
		String newer = String.valueOf(this.stored.slot(key).orElseThrow().form().version());
		this.mvc
			.perform(slotForm("/admin/timetables/slots/" + key, second, key, "Bản tin của người thứ hai")
				.param("version", newer))
			.andExpect(redirectedUrl("/admin/timetables"));
		assertThat(this.timetables.current().slot(key).orElseThrow().name()).isEqualTo("Bản tin của người thứ hai");
	}

	@Test
	void aSlotACampaignFillsCannotBeDeleted() throws Exception {
		String slot = "ban-tin-dung-" + this.n;
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(slotForm("/admin/timetables/slots", editor, slot, "Khung giờ đang dùng"));
		this.mvc.perform(campaignForm("/admin/timetables/campaigns", editor, "dung-" + this.n, slot))
			.andExpect(redirectedUrl("/admin/timetables"));
		long version = this.stored.slot(slot).orElseThrow().form().version();

		this.mvc
			.perform(post("/admin/timetables/slots/{key}/delete", slot).session(editor)
				.with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Tuyên truyền chuyển đổi số")));
		assertThat(this.timetables.current().slot(slot)).isPresent();
	}

	@Test
	void operatorsAndApproversSeeTheTimetablesButOnlyEditorsAndAdminsChangeThem() throws Exception {
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		this.mvc.perform(get("/admin/timetables").session(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/timetables/slots/new"))));
		this.mvc.perform(get("/admin/timetables").session(approver)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/timetables/slots/new").session(operator)).andExpect(status().isForbidden());
		this.mvc.perform(slotForm("/admin/timetables/slots", operator, "cua-van-hanh-" + this.n, "Không được"))
			.andExpect(status().isForbidden());
		this.mvc.perform(slotForm("/admin/timetables/slots", approver, "cua-phe-duyet-" + this.n, "Không được"))
			.andExpect(status().isForbidden());
		assertThat(this.entries.count()).isZero();

		this.mvc.perform(get("/admin/timetables/slots/new").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isOk());
		this.mvc
			.perform(slotForm("/admin/timetables/slots", this.accounts.signedIn(Role.ADMIN), "cua-quan-tri-" + this.n,
					"Được"))
			.andExpect(redirectedUrl("/admin/timetables"));
		assertThat(this.timetables.current().slot("cua-quan-tri-" + this.n)).isPresent();
	}

	@Test
	void slotFormCanBeOpenedBlankAndShowsTheDaysInVietnamese() throws Exception {
		this.mvc.perform(get("/admin/timetables/slots/new").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("thứ Hai")))
			.andExpect(content().string(containsString("Chủ nhật")))
			.andExpect(content().string(containsString("thon-trung-hai")));
		this.mvc.perform(get("/admin/timetables/campaigns/new").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bản tin sáng (tệp)")));
	}

	static Set<DayOfWeek> weekdays() {
		return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
	}

}
