package vn.bantin.schedule;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

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

}
