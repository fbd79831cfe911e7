package vn.bantin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Quartz scheduler names for the applications tests start themselves
 * ({@code SpringApplicationBuilder}) and for test contexts of their own.
 * <p>
 * Quartz keeps JVM-wide registries by scheduler name (its {@code SchedulerRepository},
 * and the data source Spring's job store registers in {@code DBConnectionManager}): two
 * contexts alive in one JVM under one name used each other's database, and failed with
 * "Connection is closed" once the other was closed. The name is also the key of the
 * scheduler's rows in the {@code qrtz_} tables, so an application started again on the
 * same data must keep it: the name is made from the data folder.
 */
public final class SchedulerName {

	/** The property that names the scheduler. */
	public static final String PROPERTY = "spring.quartz.properties.org.quartz.scheduler.instanceName";

	/**
	 * A name of its own for every context of a test class: for
	 * {@code @SpringBootTest(properties = ...)}.
	 */
	public static final String RANDOM = PROPERTY + "=bantin-test-${random.uuid}";

	private SchedulerName() {
	}

	/**
	 * The command-line argument naming the scheduler of an application on this data
	 * folder: the same at every start on it, unlike that of any other folder.
	 */
	public static String argument(Path dataDir) {
		String path = dataDir.toAbsolutePath().normalize().toString();
		return "--" + PROPERTY + "=bantin-test-" + UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8));
	}

}
