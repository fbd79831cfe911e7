package vn.bantin.timetable;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.bantin.BantinWebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application loads the shipped sample timetables from {@code schedules/} at start,
 * checked against the sample plan loaded from {@code content/}, with no problem.
 */
@BantinWebTest
class ScheduleFolderStartupTests {

	@Autowired
	Timetables timetables;

	@Test
	void theSampleTimetablesAreInForceAfterStartWithoutProblems() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.timetables.current().slots()).extracting(Slot::key)
				.contains("ban-tin-sang", "ban-tin-chieu", "trang-web", "ban-tin-rss", "thu-can-bo", "ban-tin-tuan"));
		assertThat(this.timetables.current().campaign("tuyen-truyen-cchc").orElseThrow().themes())
			.contains("thu-tuc-hanh-chinh");
		assertThat(this.timetables.problems()).isEmpty();
	}

}
