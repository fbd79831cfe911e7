package vn.bantin;

import vn.bantin.system.BantinProperties;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock by a {@link MutableClock} that tests move.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	/** The instant the clock shows until a test moves it. */
	public static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

	@Bean
	@Primary
	MutableClock mutableClock(BantinProperties properties) {
		return new MutableClock(START, properties.zone());
	}

}
