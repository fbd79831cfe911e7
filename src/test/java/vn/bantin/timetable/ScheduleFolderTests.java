package vn.bantin.timetable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedules folder is loaded at start and again, without a restart, whenever its
 * files change; a missing folder is an empty timetable.
 */
class ScheduleFolderTests {

	@TempDir
	Path root;

	final List<Object> events = new ArrayList<>();

	final Timetables timetables = new Timetables(this.events::add, new vn.bantin.system.CommuneTenancy());

	ScheduleFolder folder;

	@AfterEach
	void stop() {
		if (this.folder != null) {
			this.folder.destroy();
		}
	}

	private ScheduleFolder folder(Path schedules) {
		BantinProperties properties = new BantinProperties(this.root.resolve("data"), ZoneId.of("Asia/Ho_Chi_Minh"),
				this.root.resolve("content"), schedules);
		this.folder = new ScheduleFolder(properties, this.timetables,
				() -> Map.of("ke-hoach", List.of("thu-tuc-hanh-chinh")),
				Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneId.of("UTC")), Duration.ofMillis(50));
		return this.folder;
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	@Test
	void aMissingFolderIsAnEmptyTimetableWithoutProblems() {
		folder(this.root.resolve("schedules")).start();

		assertThat(this.timetables.current()).isEqualTo(Timetable.empty());
		assertThat(this.timetables.problems()).isEmpty();
		assertThat(this.events).containsExactly(new TimetableChanged(ScheduleFolder.SOURCE));
	}

	@Test
	void filesAreLoadedAtStartAndReloadedWhenTheyChange() throws IOException {
		Path schedules = this.root.resolve("schedules");
		write(schedules.resolve("radio.yaml"), """
				slots:
				  - key: ban-tin-sang
				    name: Bản tin sáng
				    channel: radio
				    times: "06:00"
				    length: 30m
				""");
		folder(schedules).start();
		assertThat(this.timetables.current().slots()).extracting(Slot::name).containsExactly("Bản tin sáng");

		write(schedules.resolve("thon/chieu.yaml"), """
				slots:
				  - key: ban-tin-chieu
				    name: Bản tin chiều
				    channel: radio
				    times: "25:00"
				    length: 30m
				campaigns:
				  - key: tuyen-truyen
				    plan: ke-hoach
				    slots: [ban-tin-sang]
				""");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.timetables.current().campaigns()).hasSize(1));
		assertThat(this.timetables.current().campaigns().get(0).themes()).containsExactly("thu-tuc-hanh-chinh");
		assertThat(this.timetables.current().slots()).extracting(Slot::key).containsExactly("ban-tin-sang");
		assertThat(this.timetables.problems()).extracting(ScheduleProblem::toString)
			.containsExactly("thon/chieu.yaml:5:12: field 'slots.times': '25:00' is not a time of day; write HH:MM,"
					+ " e.g. 06:00");

		Files.delete(schedules.resolve("radio.yaml"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.timetables.current().slots()).isEmpty());
		assertThat(this.timetables.problems()).extracting(ScheduleProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("unknown slot 'ban-tin-sang'"));
	}

}
