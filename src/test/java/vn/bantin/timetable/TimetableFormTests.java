package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text fields of the timetable forms: what they accept, and what they refuse under
 * the field's name.
 */
class TimetableFormTests {

	@Test
	void datesAreReadInIsoAndVietnameseOrderAndImpossibleDatesAreRefused() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		assertThat(TimetableForm.date("2026-05-01", "from", errors)).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(TimetableForm.date("17/2/2026", "from", errors)).isEqualTo(LocalDate.of(2026, 2, 17));
		assertThat(errors.isEmpty()).isTrue();
		assertThat(TimetableForm.date("30/2/2026", "excluded", errors)).isNull();
		assertThat(errors.has("excluded")).isTrue();
	}

	@Test
	void durationsAreReadInShortVietnameseAndIsoFormsAndWrittenShort() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		assertThat(TimetableForm.duration("30m", "length", errors)).isEqualTo(Duration.ofMinutes(30));
		assertThat(TimetableForm.duration("1 giờ 30 phút", "length", errors)).isEqualTo(Duration.ofMinutes(90));
		assertThat(TimetableForm.duration("PT45M", "length", errors)).isEqualTo(Duration.ofMinutes(45));
		assertThat(TimetableForm.duration("7 ngày", "within", errors)).isEqualTo(Duration.ofDays(7));
		assertThat(errors.isEmpty()).isTrue();
		assertThat(TimetableForm.duration("nửa tiếng", "length", errors)).isNull();
		assertThat(errors.has("length")).isTrue();
		assertThat(TimetableForm.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(TimetableForm.duration(Duration.ofDays(7))).isEqualTo("7d");
	}

	@Test
	void timesOutsideTheClockAreRefused() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		assertThat(TimetableForm.times("06:00, 17h30", "times", errors)).hasSize(2);
		assertThat(errors.isEmpty()).isTrue();
		assertThat(TimetableForm.times("25:00", "times", errors)).isEmpty();
		assertThat(errors.has("times")).isTrue();
	}

	@Test
	void everyFieldOfASlotSurvivesTheStoredTextForm() {
		List<Slot> slots = List.of(
				new Slot("day-du", "Bản tin đầy đủ", Channel.RADIO, SlotKind.TIMED,
						new Recurrence(List.of(LocalTime.of(6, 0), LocalTime.of(17, 30)),
								Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 2,
								LocalDate.of(2026, 1, 5), Set.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4)),
								List.of(new Recurrence.DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
										new Recurrence.DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31))),
								Set.of(LocalDate.of(2026, 2, 17)), null),
						Duration.ofMinutes(45), Set.of("thon-a", "thon-b"), null, null),
				new Slot("theo-cron", "Theo cron", Channel.RADIO, SlotKind.TIMED,
						Recurrence.cron("0 0 6 ? * MON-SAT").withExcluded(LocalDate.of(2026, 1, 1)),
						Duration.ofSeconds(90), null, null, null),
				new Slot("tong-hop", "Thư tổng hợp", Channel.EMAIL, SlotKind.DIGEST,
						Recurrence.at(LocalTime.of(7, 0)).withDays(DayOfWeek.MONDAY), null, null, "cu-dan", null),
				new Slot("khi-dang", "Trang web", Channel.WEB, SlotKind.ON_PUBLISH, null, null, null, null, null));
		for (Slot slot : slots) {
			String text = TimetableText.write(SlotForm.of(slot, null).fields());
			assertThat(SlotForm.read(slot.key(), TimetableText.read(text), 1L).slot()).as(text).isEqualTo(slot);
		}
	}

	@Test
	void everyFieldOfACampaignSurvivesTheStoredTextForm() {
		Campaign campaign = new Campaign("chuyen-doi-so", "Tuyên truyền \\ chuyển đổi số\nhai dòng", "kh-2026",
				List.of("chuyen-doi-so", "an-ninh"), Set.of("so-hoa", "dich-vu-cong"),
				Set.of(ItemKind.NEWS, ItemKind.PROCEDURE), Set.of("tin-1", "tin-2"), List.of("sang", "chieu"),
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 3, Duration.ofDays(7), 2,
				CampaignOrder.ROUND_ROBIN, null);
		String text = TimetableText.write(CampaignForm.of(campaign, null).fields());
		assertThat(CampaignForm.read(campaign.key(), TimetableText.read(text), 1L).campaign()).isEqualTo(campaign);

		Campaign bare = new Campaign("toi-thieu", null, null, null, null, null, null, List.of("sang"), null, null, null,
				null, null, null, null);
		String bareText = TimetableText.write(CampaignForm.of(bare, null).fields());
		assertThat(CampaignForm.read(bare.key(), TimetableText.read(bareText), 1L).campaign()).isEqualTo(bare);
	}

}
