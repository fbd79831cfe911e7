package vn.bantin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Makes the {@link FileStore} that {@code bantin.files.store} names, and sweeps what
 * killed writers left in it once the application is ready, in the background: the walk
 * over a large store on a network mount may take a while, and nothing waits for it.
 */
@Configuration(proxyBeanMethods = false)
class FileStores {

	private static final Logger log = LoggerFactory.getLogger(FileStores.class);

	@Bean
	FileStore fileStore(FileStoreSettings settings, BantinProperties properties, NodeId node, Clock clock) {
		if (settings.store() == FileStoreSettings.Kind.SHARED) {
			if (settings.sharedDir() == null) {
				throw new IllegalStateException("bantin.files.store=shared needs bantin.files.shared-dir: the folder"
						+ " mounted at the same path on every node (see docs/files.md)");
			}
			return FileStore.shared(settings.sharedDir(), node, clock, settings.probeTimeout());
		}
		try {
			return FileStore.local(properties.dataDir(), node, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + properties.dataDir(), ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void sweep(ApplicationReadyEvent ready) {
		FileStore store = ready.getApplicationContext().getBean(FileStore.class);
		Thread sweeper = new Thread(() -> {
			int deleted = store.sweep();
			if (deleted > 0) {
				log.info("Deleted {} temporary files left by writers that stopped", deleted);
			}
		}, "file-store-sweep");
		sweeper.setDaemon(true);
		sweeper.start();
	}

}
