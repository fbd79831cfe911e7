package vn.bantin.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Machine-readable dates are written to the second, always with the seconds, whatever the
 * clock's precision: a real clock has microseconds, which HTML's {@code datetime} refuses
 * beyond three digits.
 */
class TimestampsTests {

	static final Instant REAL = Instant.parse("2026-12-07T03:33:52.395513Z");

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Test
	void aRealInstantIsWrittenToTheSecond() {
		assertThat(REAL.toString()).isEqualTo("2026-12-07T03:33:52.395513Z");
		assertThat(Timestamps.iso(REAL)).isEqualTo("2026-12-07T03:33:52Z");
		assertThat(Timestamps.iso(REAL, VIETNAM)).isEqualTo("2026-12-07T10:33:52+07:00");
		assertThat(Timestamps.iso(REAL.plusNanos(999_999_999L))).isEqualTo("2026-12-07T03:33:53Z");
		assertThat(Timestamps.toSecond(REAL)).isEqualTo(Instant.parse("2026-12-07T03:33:52Z"));
		assertThat(Timestamps.icalendar(REAL)).isEqualTo("20261207T033352Z");
	}

	@Test
	void secondsAreWrittenEvenWhenZero() {
		Instant six = Instant.parse("2027-03-01T23:00:00Z");
		assertThat(six.atZone(VIETNAM).toOffsetDateTime().toString()).isEqualTo("2027-03-02T06:00+07:00");
		assertThat(Timestamps.iso(six, VIETNAM)).isEqualTo("2027-03-02T06:00:00+07:00");
		assertThat(Timestamps.iso(six)).isEqualTo("2027-03-01T23:00:00Z");
	}

	@Test
	void everyKindOfDateOrTime() {
		assertThat(Timestamps.iso((java.time.temporal.TemporalAccessor) REAL)).isEqualTo("2026-12-07T03:33:52Z");
		assertThat(Timestamps.iso(OffsetDateTime.of(2026, 12, 7, 10, 33, 52, 395_513_000, ZoneOffset.ofHours(7))))
			.isEqualTo("2026-12-07T10:33:52+07:00");
		assertThat(Timestamps.iso(REAL.atZone(VIETNAM))).isEqualTo("2026-12-07T10:33:52+07:00");
		assertThat(Timestamps.iso(LocalDateTime.of(2026, 12, 7, 10, 33, 52, 395_513_000)))
			.isEqualTo("2026-12-07T10:33:52");
		assertThat(Timestamps.iso(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07");
		assertThat(Timestamps.iso(LocalTime.of(6, 0))).isEqualTo("06:00:00");
		assertThat(Timestamps.iso((Instant) null)).isNull();
		assertThat(Timestamps.iso(null, VIETNAM)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.iso(java.time.DayOfWeek.MONDAY));
	}

}
