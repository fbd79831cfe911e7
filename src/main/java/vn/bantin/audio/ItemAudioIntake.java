package vn.bantin.audio;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.bantin.commune.Communes;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemChanged;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.system.CurrentCommune;

/**
 * What items bring in by themselves, on one intake thread ({@code radio-audio-intake}) so
 * that nobody waits for a copy or a probe: at start, the content-folder recordings of
 * every radio item ({@link ContentRecordings}); after every committed change of an item,
 * its content-folder recording again, and, when it was just approved, speech for it if it
 * goes on the radio without a recording ({@link SpeechQueue}; an import of the content
 * folder does not render speech for every item).
 *
 * <p>
 * It starts after the {@linkplain AudioWorkers workers} and stops before them: the intake
 * ends (its running copy or probe finishes) while the workers still take what it queued.
 */
@Component
class ItemAudioIntake implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ItemAudioIntake.class);

	private final ItemCatalog catalog;

	private final ContentRecordings contentRecordings;

	private final SpeechQueue speechQueue;

	private final SpeechSynthesis speech;

	private final RecordingStore store;

	private final Communes communes;

	private volatile boolean running;

	private ExecutorService intake;

	ItemAudioIntake(ItemCatalog catalog, ContentRecordings contentRecordings, SpeechQueue speechQueue,
			SpeechSynthesis speech, RecordingStore store, Communes communes) {
		this.communes = communes;
		this.catalog = catalog;
		this.contentRecordings = contentRecordings;
		this.speechQueue = speechQueue;
		this.speech = speech;
		this.store = store;
	}

	/**
	 * An item changed: take its content-file recording in, and when it was just approved,
	 * queue speech for it if it goes on the radio without a recording. Done on the intake
	 * thread, after the change is committed.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void itemChanged(ItemChanged changed) {
		ExecutorService executor = this.intake;
		if (executor == null || !this.running) {
			return;
		}
		boolean approved = changed.action() == ItemChanged.Action.APPROVED;
		// the item's commune: the scope of the change, carried to the intake thread
		Optional<CurrentCommune.Scope> scope = CurrentCommune.scope().filter((s) -> !s.acrossAll());
		Runnable work = () -> {
			try {
				this.catalog.item(changed.itemId()).ifPresent((item) -> takeIn(item, approved));
			}
			catch (RuntimeException ex) {
				// the database gone (a node stopping while it is unreachable): the item
				// is
				// taken in by the scan at the next start
				log.warn("Item {}: its audio could not be taken in: {}", changed.itemId(), ex.toString());
			}
		};
		executor.execute(() -> scope.ifPresentOrElse((s) -> CurrentCommune.run(s, work), work));
	}

	private void takeIn(ItemView item, boolean speak) {
		try {
			this.contentRecordings.takeIn(item);
			boolean radio = item.channels().contains(Channel.RADIO);
			boolean approved = item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHED;
			boolean recorded = item.variants() != null && item.variants().radioRecording() != null
					&& !item.variants().radioRecording().isBlank();
			if (speak && radio && approved && !recorded
					&& this.store.latestRecorded(item.id(), Integer.MAX_VALUE).isEmpty() && this.speech.available()) {
				this.speechQueue.speech(item, null);
			}
		}
		catch (AudioRefused refused) {
			log.info("Item {}: no speech ({})", item.id(), refused.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Item {}: its audio could not be taken in", item.id(), ex);
		}
	}

	/** Every radio item's content-folder recording, at start, commune by commune. */
	private void scanAll() {
		for (Communes.CommuneSummary commune : this.communes.all()) {
			if (!this.running) {
				return;
			}
			this.communes.scope(commune.id()).ifPresent((scope) -> CurrentCommune.run(scope, this::scan));
		}
	}

	/** Every radio item's content-folder recording in the commune in scope. */
	private void scan() {
		int page = 0;
		Page<ItemView> items;
		do {
			items = this.catalog.find(new ItemQuery(null, null, null, Channel.RADIO, null, null), page++, 100);
			for (ItemView item : items) {
				if (!this.running) {
					return;
				}
				if (item.variants() != null && item.variants().radioRecording() != null) {
					takeIn(item, false);
				}
			}
		}
		while (items.hasNext());
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.intake = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "radio-audio-intake");
			thread.setDaemon(true);
			return thread;
		});
		this.intake.execute(() -> {
			try {
				scanAll();
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("Radio audio: the content folder's recordings could not be taken in", ex);
				}
			}
		});
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		ExecutorService executor = this.intake;
		this.intake = null;
		executor.shutdown();
		try {
			executor.awaitTermination(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the workers' phase: started after them, stopped before them. */
	@Override
	public int getPhase() {
		return AudioWorkers.PHASE + 1;
	}

}
