package vn.bantin.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the files every node must see are kept ({@code bantin.files.*}, see
 * {@link FileStore}).
 *
 * @param store {@code local} ({@code bantin.data-dir}, the default: one node) or
 * {@code shared} (a folder mounted on every node)
 * @param sharedDir the shared folder, the same path on every node; required with
 * {@code store=shared}, ignored otherwise
 * @param probeTimeout how long the readiness check (and the start of a shared store)
 * waits for the store to take a small file before calling it unusable
 */
@ConfigurationProperties("bantin.files")
record FileStoreSettings(@DefaultValue("local") Kind store, Path sharedDir, @DefaultValue("5s") Duration probeTimeout) {

	FileStoreSettings {
		store = (store != null) ? store : Kind.LOCAL;
		probeTimeout = (probeTimeout != null && !probeTimeout.isNegative() && !probeTimeout.isZero()) ? probeTimeout
				: Duration.ofSeconds(5);
	}

	/** The two stores. */
	enum Kind {

		/** {@code bantin.data-dir} on this node's disk. */
		LOCAL,

		/** {@code bantin.files.shared-dir}, mounted on every node. */
		SHARED

	}

}
