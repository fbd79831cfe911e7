package vn.bantin.system;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code fileStore} in {@code /actuator/health} and its readiness group: whether this
 * node can write, read back and delete a small file in the {@link FileStore} within
 * {@code bantin.files.probe-timeout}. A node that cannot (the shared mount gone, hung or
 * read-only, the disk full) is taken out of the balancer until it can again; it is not
 * restarted for it (the liveness group leaves the store out), as a restart would not
 * bring a mount back.
 */
@Component
class FileStoreHealthIndicator implements HealthIndicator {

	private final FileStore store;

	private final TimedProbe probe;

	@Autowired
	FileStoreHealthIndicator(FileStore store, FileStoreSettings settings) {
		this(store, new TimedProbe(store::probe, settings.probeTimeout()));
	}

	/** With a probe of its own (a test's store that hangs). */
	FileStoreHealthIndicator(FileStore store, TimedProbe probe) {
		this.store = store;
		this.probe = probe;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		try {
			this.probe.check();
		}
		catch (IOException ex) {
			health = Health.down().withDetail("error", String.valueOf(ex.getMessage()));
		}
		return health.withDetail("store", this.store.kind())
			.withDetail("folder", this.store.root().toString())
			.withDetail("node", this.store.node().value())
			.build();
	}

}
