package vn.bantin.timetable;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One reading pace for every estimator: a pace below one word a minute is refused when
 * the settings are bound (the engine used to plan at one word a minute while the agenda
 * refused to start), and the programme in force estimates at the configured pace.
 */
class ScheduleSettingsTests {

	@Test
	void aReadingPaceBelowOneWordAMinuteIsRefusedWhenBound() {
		for (String pace : new String[] { "0", "-5" }) {
			Binder binder = new Binder(
					new MapConfigurationPropertySource(Map.of("bantin.schedule.reading-words-per-minute", pace)));
			assertThatThrownBy(() -> binder.bind("bantin.schedule", ScheduleSettings.class))
				.isInstanceOf(BindException.class)
				.rootCause()
				.hasMessageContaining("bantin.schedule.reading-words-per-minute");
		}
	}

	@Test
	void theConfiguredPaceIsBoundAndTheDefaultsStay() {
		Binder binder = new Binder(
				new MapConfigurationPropertySource(Map.of("bantin.schedule.reading-words-per-minute", "120")));
		assertThat(binder.bind("bantin.schedule", ScheduleSettings.class).get().readingWordsPerMinute()).isEqualTo(120);
		assertThat(ScheduleSettings.defaults().readingWordsPerMinute()).isEqualTo(160);
	}

}
