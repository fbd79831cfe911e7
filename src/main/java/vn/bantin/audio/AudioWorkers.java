package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.commune.Commune;
import vn.bantin.commune.Communes;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTurns;
import vn.bantin.system.CurrentCommune;
import vn.bantin.text.VietnameseText;

/**
 * The background workers that turn queued recordings into broadcast copies.
 *
 * <p>
 * {@code bantin.radio.workers} threads ({@code radio-audio-N}) take queued processings
 * one by one ({@link RecordingStore#claim()}), speak a script first when it is one
 * ({@link SpeechSynthesis}), run the {@link AudioPipeline} and report stage and progress
 * on the row. The result goes under {@code <audio-dir>/<id>/} ({@link AudioFolder}): the
 * original and the broadcast copy, each written under a temporary name and moved into
 * place; a failed processing leaves no file, only its row with the reason. Rows a crash
 * left half-done go back to the queue at start.
 *
 * <p>
 * <b>Stopping.</b> Workers are never interrupted (an interrupted thread writing to the
 * embedded H2 database closes it for everyone): stopping ends the running ffmpeg
 * processes, and their processings go back to the queue for the next start.
 */
@Component
class AudioWorkers implements SmartLifecycle {

	/** Started before the intake ({@link ItemAudioIntake}), stopped after it. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

	private static final Logger log = LoggerFactory.getLogger(AudioWorkers.class);

	private final RadioAudioSettings settings;

	private final AudioFolder folder;

	private final RecordingStore store;

	private final AudioPipeline pipeline;

	private final SpeechSynthesis speech;

	private final ItemCatalog catalog;

	private final Commune commune;

	private final MessageSource messages;

	private final Clock clock;

	private final BantinProperties properties;

	private final Communes communes;

	private final TransactionTemplate transactions;

	/** Whose turn it is: the workers serve the communes with queued work in turn. */
	private final CommuneTurns turns = new CommuneTurns();

	private final Object signal = new Object();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	AudioWorkers(RadioAudioSettings settings, AudioFolder folder, RecordingStore store, AudioPipeline pipeline,
			SpeechSynthesis speech, ItemCatalog catalog, Commune commune, MessageSource messages, Clock clock,
			BantinProperties properties, Communes communes, TransactionTemplate transactions) {
		this.settings = settings;
		this.folder = folder;
		this.store = store;
		this.pipeline = pipeline;
		this.speech = speech;
		this.catalog = catalog;
		this.commune = commune;
		this.messages = messages;
		this.clock = clock;
		this.properties = properties;
		this.communes = communes;
		this.transactions = transactions;
	}

	/**
	 * Something was queued: a waiting worker looks at once rather than within a second.
	 */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void work() {
		while (this.running) {
			boolean worked;
			try {
				worked = next();
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("Radio audio: cannot take the next processing", ex);
				}
				worked = false;
			}
			if (!worked) {
				synchronized (this.signal) {
					if (this.running) {
						try {
							this.signal.wait(1000);
						}
						catch (InterruptedException ex) {
							// not expected: nobody interrupts the workers
							Thread.currentThread().interrupt();
							return;
						}
					}
				}
			}
		}
	}

	/**
	 * Takes and processes the oldest queued processing of the commune whose turn it is:
	 * the communes with queued work are picked across every commune, the processing is
	 * taken and worked on in its commune's scope (its item, its name in the tags, its
	 * rows).
	 * @return whether there was one
	 */
	private boolean next() {
		List<Long> waiting = CurrentCommune
			.acrossAll(() -> this.transactions.execute((tx) -> this.store.communesWithQueued()));
		while (this.running) {
			Optional<Long> commune = this.turns.next(waiting);
			if (commune.isEmpty()) {
				return false;
			}
			Optional<CurrentCommune.Scope> scope = this.communes.scope(commune.get());
			if (scope.isEmpty()) {
				waiting = waiting.stream().filter((id) -> !id.equals(commune.get())).toList();
				continue;
			}
			Optional<AudioProcessing> taken = CurrentCommune.call(scope.get(),
					() -> this.transactions.execute((tx) -> this.store.claim()));
			if (taken.isPresent()) {
				CurrentCommune.run(scope.get(), () -> process(taken.get()));
				return true;
			}
			// taken by another worker meanwhile: the next commune's turn
			waiting = waiting.stream().filter((id) -> !id.equals(commune.get())).toList();
		}
		return false;
	}

	private void process(AudioProcessing processing) {
		long id = processing.id();
		Path dir = this.folder.processing(id);
		Path work = dir.resolve(".work");
		Path input = (processing.originalFile() != null) ? this.folder.resolve(processing.originalFile()) : null;
		Progress progress = new Progress(id);
		try {
			AudioFolder.deleteTree(work);
			Files.createDirectories(work);
			if (input == null || !Files.isRegularFile(input)) {
				throw new IOException("its queued file is gone");
			}
			Path source = input;
			if (processing.source() == AudioProcessing.Source.SPEECH) {
				progress.stage("speaking", 0);
				source = work.resolve("speech.wav");
				this.speech.render(input, source);
			}
			progress.stage("measuring", 0);
			AudioPipeline.Probe probe = this.pipeline.probe(source);
			AudioPipeline.Measured measured = this.pipeline.measure(source, probe, progress);
			this.store.measured(id, measured.duration(), measured.loudness());
			Optional<ItemView> item = this.catalog.item(processing.itemId());
			String title = item.map(ItemView::title).orElse(processing.itemId());
			LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
			AudioPipeline.Tags tags = new AudioPipeline.Tags(title, this.commune.identity().name(), today);
			Path encoded = work.resolve("broadcast.mp3");
			AudioPipeline.Result result = this.pipeline.normalise(source, measured, tags, encoded, work, progress);
			String slug = slug(processing, title);
			Path original = dir.resolve("original-" + slug + "." + probe.format().extension());
			Path broadcast = dir.resolve(slug + ".mp3");
			this.folder.copyIn(source, original);
			String sha256 = AudioFolder.sha256(encoded);
			this.folder.moveIn(encoded, broadcast);
			if (processing.source() == AudioProcessing.Source.SPEECH) {
				this.folder.copyIn(input, dir.resolve("script.txt"));
			}
			AudioFolder.deleteTree(work);
			Files.deleteIfExists(input);
			this.store.original(id, probe.format().extension(), Files.size(original), this.folder.relative(original));
			this.store.ready(id, this.folder.relative(broadcast), sha256, result, this.clock.instant());
			log.info("Radio audio {} of item {} ready: {} LUFS, {} dBTP, {}", id, processing.itemId(),
					AudioPipeline.number(result.loudness().integrated()),
					AudioPipeline.number(result.loudness().truePeak()), result.normalisation());
		}
		catch (AudioRefused refused) {
			fail(processing, dir, input, refused.reason(processing.originalName(), this.messages));
		}
		catch (IOException | RuntimeException ex) {
			fail(processing, dir, input, new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.failed",
					ex.getMessage(), String.valueOf(ex.getMessage()))
				.reason(processing.originalName(), this.messages));
			if (this.running) {
				log.warn("Radio audio {} of item {} failed", id, processing.itemId(), ex);
			}
		}
	}

	private void fail(AudioProcessing processing, Path dir, Path input, String reason) {
		if (!this.running) {
			// stopped under it: the ffmpeg run was ended on purpose, not by the file
			try {
				AudioFolder.deleteTree(dir);
			}
			catch (IOException ex) {
				log.warn("Radio audio {}: cannot clean {}", processing.id(), dir, ex);
			}
			this.store.requeue(processing.id());
			return;
		}
		try {
			AudioFolder.deleteTree(dir);
			if (input != null) {
				Files.deleteIfExists(input);
			}
		}
		catch (IOException ex) {
			log.warn("Radio audio {}: cannot clean {}", processing.id(), dir, ex);
		}
		this.store.failed(processing.id(), reason, this.clock.instant());
		log.info("Radio audio {} of item {} failed: {}", processing.id(), processing.itemId(), reason);
	}

	private String slug(AudioProcessing processing, String title) {
		String base = (processing.source() == AudioProcessing.Source.UPLOAD && processing.originalName() != null)
				? processing.originalName().replaceFirst("\\.[^.]{1,5}$", "") : title;
		String slug = VietnameseText.slug(base);
		return (slug == null || slug.isBlank()) ? "ban-tin" : slug;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		try {
			Files.createDirectories(this.folder.root());
			int requeued = requeueInterrupted();
			if (requeued > 0) {
				log.info("Radio audio: {} processings interrupted by a stop are queued again", requeued);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Radio audio: cannot prepare {}", this.folder.root(), ex);
		}
		for (int i = 1; i <= this.settings.workers(); i++) {
			Thread worker = new Thread(this::work, "radio-audio-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
	}

	/** Queues again, in each commune's scope, what a stop left half-done. */
	private int requeueInterrupted() {
		int requeued = 0;
		for (Long commune : CurrentCommune
			.acrossAll(() -> this.transactions.execute((tx) -> this.store.communesWithInterrupted()))) {
			Optional<CurrentCommune.Scope> scope = this.communes.scope(commune);
			if (scope.isPresent()) {
				requeued += CurrentCommune.call(scope.get(),
						() -> this.transactions.execute((tx) -> this.store.requeueInterrupted()));
			}
		}
		return requeued;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.pipeline.stop();
		wake();
		try {
			for (Thread worker : this.workers) {
				this.pipeline.stop();
				worker.join(20_000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Stage and progress of one processing, written to its row when the percentage moves.
	 */
	private final class Progress implements AudioPipeline.Stages {

		private final long id;

		private String stage = "starting";

		private int low;

		private int high;

		private int written = -1;

		private long writtenAt;

		Progress(long id) {
			this.id = id;
		}

		@Override
		public void stage(String name, int percent) {
			this.stage = name;
			switch (name) {
				case "speaking" -> range(0, 10);
				case "measuring" -> range(10, 35);
				case "normalising" -> range(35, 60);
				case "encoding" -> range(60, 90);
				case "verifying" -> range(90, 99);
				default -> range(this.low, this.high);
			}
			write(this.low, true);
		}

		private void range(int low, int high) {
			this.low = low;
			this.high = high;
		}

		@Override
		public void progress(double position, double total) {
			if (total <= 0) {
				return;
			}
			double done = Math.max(0, Math.min(1, position / total));
			write(this.low + (int) Math.round((this.high - this.low) * done), false);
		}

		private void write(int percent, boolean always) {
			long now = System.nanoTime();
			if (percent == this.written || (!always && now - this.writtenAt < 250_000_000L)) {
				return;
			}
			this.written = percent;
			this.writtenAt = now;
			AudioWorkers.this.store.progress(this.id, this.stage, percent);
		}

	}

}
