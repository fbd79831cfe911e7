package vn.bantin.timetable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinApplication;
import vn.bantin.SchedulerName;
import vn.bantin.content.Channel;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slots and campaigns edited in the admin UI are in force again when the application
 * starts again on the same data directory: they are loaded into {@link Timetables} at
 * start-up, without anyone opening a page.
 */
class StoredTimetablesRestartTests {

	@Test
	void slotsAndCampaignsKeptInTheDatabaseAreInForceAfterARestart(@TempDir Path dataDir) {
		Slot slot = new Slot("ban-tin-trua", "Bản tin trưa", Channel.WEB, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(11, 30)), Duration.ofMinutes(15), Set.of(), null, null);
		Campaign campaign = new Campaign("trua-hang-ngay", "Trưa hằng ngày", null, null, Set.of("thoi-su"), null, null,
				java.util.List.of(slot.key()), null, null, 1, null, 3, CampaignOrder.NEWEST, null);
		try (ConfigurableApplicationContext first = start(dataDir)) {
			StoredTimetables stored = first.getBean(StoredTimetables.class);
			stored.createSlot(SlotForm.of(slot, null), "cán bộ văn hóa");
			stored.createCampaign(CampaignForm.of(campaign, null), "cán bộ văn hóa");
			assertThat(first.getBean(Timetables.class).current().slot(slot.key())).contains(slot);
		}

		try (ConfigurableApplicationContext second = start(dataDir)) {
			Timetable current = second.getBean(Timetables.class).current();
			assertThat(current.slot(slot.key())).contains(slot);
			assertThat(current.campaign(campaign.key())).contains(campaign);
		}
	}

	@Test
	void emailListsKeptInTheDatabaseAreInForceAfterARestartWithTheSlotsThatSendThem(@TempDir Path dataDir) {
		Timetable.MailingList list = new Timetable.MailingList("hoi-phu-nu", "Hội Liên hiệp Phụ nữ xã",
				"Tin cho hội viên", true, null);
		Slot slot = new Slot("thu-hoi-phu-nu", "Thư Hội Phụ nữ", Channel.EMAIL, SlotKind.ON_PUBLISH, null, null,
				Set.of(), list.key(), null);
		try (ConfigurableApplicationContext first = start(dataDir)) {
			first.getBean(MailingLists.class).create(list, "cán bộ văn hóa");
			first.getBean(StoredTimetables.class).createSlot(SlotForm.of(slot, null), "cán bộ văn hóa");
		}

		try (ConfigurableApplicationContext second = start(dataDir)) {
			Timetables timetables = second.getBean(Timetables.class);
			assertThat(timetables.current().lists()).contains(list);
			assertThat(timetables.current().slot(slot.key())).contains(slot);
			assertThat(timetables.problems()).noneMatch((problem) -> problem.message().contains(list.key()));
			assertThat(second.getBean(MailingLists.class).list(list.key()).orElseThrow().rules())
				.extracting(MailingLists.SendingRule::slot)
				.containsExactly(slot.key());
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(BantinApplication.class).run("--server.port=0",
				SchedulerName.argument(dataDir), "--bantin.data-dir=" + dataDir,
				"--bantin.account.initial-admin-password=restart-test-password");
	}

}
