package vn.bantin.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import vn.bantin.content.Channel;
import vn.bantin.timetable.Campaign;
import vn.bantin.timetable.CampaignOrder;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;

/**
 * The small timetable the engine tests run: radio at 06:00 and 17:00 Monday to Saturday
 * for 30 minutes, web and feed on publish, email on publish for the officials' list and a
 * Monday 07:00 digest for the residents' list; a campaign airing each theme-A item three
 * times within seven days, at most two per slot, and a round robin over themes B and C in
 * the evening, one per slot, twice each.
 */
final class TestTimetable {

	static final String THEME_A = "chuong-trinh-cchc";

	static final String THEME_B = "thu-tuc-hanh-chinh";

	static final String THEME_C = "dich-vu-cong-truc-tuyen";

	private TestTimetable() {
	}

	static Timetable week() {
		return week(LocalTime.of(6, 0));
	}

	/** The timetable with the morning radio slot at {@code morning}. */
	static Timetable week(LocalTime morning) {
		DayOfWeek[] mondayToSaturday = { DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY, DayOfWeek.SATURDAY };
		Slot morningRadio = new Slot("radio-sang", "Bản tin sáng", Channel.RADIO, SlotKind.TIMED,
				Recurrence.at(morning).withDays(mondayToSaturday), Duration.ofMinutes(30), Set.of(), null, null);
		Slot eveningRadio = new Slot("radio-chieu", "Bản tin chiều", Channel.RADIO, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(17, 0)).withDays(mondayToSaturday), Duration.ofMinutes(30), Set.of(), null,
				null);
		Slot web = new Slot("web", "Trang web", Channel.WEB, SlotKind.ON_PUBLISH, null, null, null, null, null);
		Slot feed = new Slot("feed", "Nguồn tin", Channel.FEED, SlotKind.ON_PUBLISH, null, null, null, null, null);
		Slot officials = new Slot("email-can-bo", "Thư cán bộ", Channel.EMAIL, SlotKind.ON_PUBLISH, null, null, null,
				"can-bo", null);
		Slot digest = new Slot("email-tuan", "Thư tuần", Channel.EMAIL, SlotKind.DIGEST,
				Recurrence.at(LocalTime.of(7, 0)).withDays(DayOfWeek.MONDAY), null, null, "nhan-dan", null);
		Campaign threeTimes = new Campaign("ba-buoi", "Ba buổi", null, List.of(THEME_A), null, null, null,
				List.of("radio-sang", "radio-chieu"), null, null, 3, Duration.ofDays(7), 2, CampaignOrder.OLDEST, null);
		Campaign rotation = new Campaign("xoay-vong", "Xoay vòng", null, List.of(THEME_B, THEME_C), null, null, null,
				List.of("radio-chieu"), null, null, 2, Duration.ofDays(7), 1, CampaignOrder.ROUND_ROBIN, null);
		return new Timetable(List.of(),
				List.of(new Timetable.MailingList("can-bo", "Cán bộ", null, false, null),
						new Timetable.MailingList("nhan-dan", "Nhân dân", null, true, null)),
				List.of(morningRadio, eveningRadio, web, feed, officials, digest), List.of(threeTimes, rotation));
	}

}
