package vn.bantin;

import vn.bantin.system.BantinProperties;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Bản tin: a commune's public-information items written once and published on a timetable
 * to the website, feeds, email lists and the loudspeaker radio.
 *
 * <p>
 * Each top-level package below {@code vn.bantin} is an application module (see
 * {@code docs/architecture.md}). This class only wires what every module shares: the
 * settings in {@link BantinProperties} and the {@link Clock} that all code takes time
 * from.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Bản tin")
public class BantinApplication {

	/**
	 * Entry point of {@code bantin.jar}: dispatches to a command ({@code serve} unless
	 * another is named).
	 * @param args the command line
	 */
	public static void main(String[] args) {
		int status = new CommandLine(System.out, System.err, Clock.systemUTC()).run(args,
				serveArgs -> SpringApplication.run(BantinApplication.class, serveArgs));
		if (status != CommandLine.KEEP_RUNNING) {
			System.exit(status);
		}
	}

	/**
	 * The one clock of the application, in the commune's zone. Code never calls
	 * {@code now()} without it, so that tests can move time and the JVM's default zone
	 * never matters.
	 */
	@Bean
	Clock clock(BantinProperties properties) {
		return Clock.system(properties.zone());
	}

}
