package vn.bantin.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.cluster.Nodes;
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
 * one by one ({@link RecordingStore#claim}), speak a script first when it is one
 * ({@link SpeechSynthesis}), run the {@link AudioPipeline} and report stage and progress
 * on the row. The result goes under {@code <audio-dir>/<id>/} ({@link AudioFolder}): the
 * original and the broadcast copy, each written under a temporary name and moved into
 * place; a failed processing leaves no file, only its row with the reason.
 *
 * <p>
 * <b>Several nodes.</b> Every node runs the workers, on one queue in the database and one
 * shared audio folder. A worker claims a row under its node's name ({@link Nodes#worker})
 * with the database's time, and a thread per node ({@code radio-audio-claims}) dates its
 * workers' claims again every quarter of {@code bantin.radio.stale-after} while they work
 * (speech and ffmpeg runs can be long). The same thread, on every node, puts back in the
 * queue the processings of nodes that are gone ({@link Nodes#alive}) at once, and those
 * whose claim was not refreshed for {@code stale-after} (a node too stuck to refresh),
 * every half of the shorter of {@code stale-after} and the node timeout; at start, also
 * this node's own from its previous life. Why this is safe when the first node was only
 * slow: each worker works in a temporary folder of its own, and puts the files in place
 * and marks the row ready in one transaction that first locks the row under its claim
 * ({@link #underClaim}); a worker whose processing was taken over finds no claim, writes
 * nothing and cleans only its own folder. One row, one ready, whole files.
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

	/** The start of a worker's temporary folder's name in a processing's folder. */
	private static final String WORK = ".work-";

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

	private final Nodes nodes;

	/** The processings this node's workers hold now, by worker: their claims are kept. */
	private final Map<String, Held> held = new ConcurrentHashMap<>();

	/** Wakes the claims thread when the workers stop. */
	private final Object claimsPause = new Object();

	/** Whose turn it is: the workers serve the communes with queued work in turn. */
	private final CommuneTurns turns = new CommuneTurns();

	private final Object signal = new Object();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	AudioWorkers(RadioAudioSettings settings, AudioFolder folder, RecordingStore store, AudioPipeline pipeline,
			SpeechSynthesis speech, ItemCatalog catalog, Commune commune, MessageSource messages, Clock clock,
			BantinProperties properties, Communes communes, TransactionTemplate transactions, Nodes nodes) {
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
		this.nodes = nodes;
	}

	/**
	 * Something was queued: a waiting worker looks at once rather than within a second.
	 */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void work(String worker) {
		while (this.running) {
			boolean worked;
			try {
				worked = next(worker);
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
	private boolean next(String worker) {
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
					() -> this.transactions.execute((tx) -> this.store.claim(worker)));
			if (taken.isPresent()) {
				this.held.put(worker, new Held(scope.get(), taken.get().id()));
				try {
					CurrentCommune.run(scope.get(), () -> process(taken.get(), worker));
				}
				finally {
					this.held.remove(worker);
				}
				return true;
			}
			// taken by another worker meanwhile: the next commune's turn
			waiting = waiting.stream().filter((id) -> !id.equals(commune.get())).toList();
		}
		return false;
	}

	private void process(AudioProcessing processing, String worker) {
		long id = processing.id();
		Path dir = this.folder.processing(id);
		// the worker's own: a node that takes the processing over never writes into it
		Path work = dir.resolve(WORK + worker.replaceAll("[^A-Za-z0-9._-]", "_"));
		Path input = (processing.originalFile() != null) ? this.folder.resolve(processing.originalFile()) : null;
		Progress progress = new Progress(id, worker);
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
			this.store.measured(id, worker, measured.duration(), measured.loudness());
			Optional<ItemView> item = this.catalog.item(processing.itemId());
			String title = item.map(ItemView::title).orElse(processing.itemId());
			LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
			AudioPipeline.Tags tags = new AudioPipeline.Tags(title, this.commune.identity().name(), today);
			Path encoded = work.resolve("broadcast.mp3");
			AudioPipeline.Result result = this.pipeline.normalise(source, measured, tags, encoded, work, progress);
			String slug = slug(processing, title);
			Path original = dir.resolve("original-" + slug + "." + probe.format().extension());
			Path broadcast = dir.resolve(slug + ".mp3");
			Path originalPart = work.resolve("original.part");
			Files.copy(source, originalPart, StandardCopyOption.REPLACE_EXISTING);
			String sha256 = AudioFolder.sha256(encoded);
			Path script = work.resolve("script.part");
			if (processing.source() == AudioProcessing.Source.SPEECH) {
				Files.copy(input, script);
			}
			boolean mine = underClaim(id, worker, () -> {
				this.folder.moveIn(originalPart, original);
				this.folder.moveIn(encoded, broadcast);
				if (processing.source() == AudioProcessing.Source.SPEECH) {
					this.folder.moveIn(script, dir.resolve("script.txt"));
				}
				this.store.original(id, probe.format().extension(), Files.size(original),
						this.folder.relative(original));
				return this.store.ready(id, worker, this.folder.relative(broadcast), sha256, result,
						this.clock.instant());
			});
			AudioFolder.deleteTree(work);
			if (!mine) {
				log.info("Radio audio {} of item {} was taken over by another worker: its result is theirs", id,
						processing.itemId());
				return;
			}
			Files.deleteIfExists(input);
			deleteOthersWork(dir);
			log.info("Radio audio {} of item {} ready: {} LUFS, {} dBTP, {}", id, processing.itemId(),
					AudioPipeline.number(result.loudness().integrated()),
					AudioPipeline.number(result.loudness().truePeak()), result.normalisation());
		}
		catch (AudioRefused refused) {
			fail(processing, worker, dir, work, input, refused.reason(processing.originalName(), this.messages));
		}
		catch (IOException | RuntimeException ex) {
			fail(processing, worker, dir, work, input,
					new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.failed", ex.getMessage(),
							String.valueOf(ex.getMessage()))
						.reason(processing.originalName(), this.messages));
			if (this.running) {
				log.warn("Radio audio {} of item {} failed", id, processing.itemId(), ex);
			}
		}
	}

	/**
	 * A processing that did not finish: its folder is cleaned and its row failed, or
	 * queued again when the application is stopping under it (the ffmpeg run was ended on
	 * purpose, not by the file); both only while the worker still holds it, under its
	 * lock. Otherwise another worker has it now: only this worker's own folder goes.
	 */
	private void fail(AudioProcessing processing, String worker, Path dir, Path work, Path input, String reason) {
		boolean stopped = !this.running;
		boolean mine = false;
		try {
			mine = underClaim(processing.id(), worker, () -> {
				try {
					AudioFolder.deleteTree(dir);
					if (!stopped && input != null) {
						Files.deleteIfExists(input);
					}
				}
				catch (IOException ex) {
					log.warn("Radio audio {}: cannot clean {}", processing.id(), dir, ex);
				}
				return stopped ? this.store.requeue(processing.id(), worker)
						: this.store.failed(processing.id(), worker, reason, this.clock.instant());
			});
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Radio audio {}: cannot record how it ended", processing.id(), ex);
		}
		if (!mine) {
			try {
				AudioFolder.deleteTree(work);
			}
			catch (IOException ex) {
				log.warn("Radio audio {}: cannot clean {}", processing.id(), work, ex);
			}
			log.info("Radio audio {} of item {} was taken over by another worker", processing.id(),
					processing.itemId());
			return;
		}
		if (!stopped) {
			log.info("Radio audio {} of item {} failed: {}", processing.id(), processing.itemId(), reason);
		}
	}

	/**
	 * Runs {@code work} (file moves and the row's last updates) in one transaction that
	 * first locks the row, and only if the worker still holds it: while it runs, no
	 * recovery and no other worker takes the row (they skip locked rows), and once it has
	 * run, the row is no longer anyone's.
	 * @return whether the worker held it (and the work ran and committed)
	 */
	private boolean underClaim(long id, String worker, FileWork work) throws IOException {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				if (!this.store.lockClaimed(id, worker)) {
					return false;
				}
				try {
					return work.run();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The temporary folders other workers left in a processing's folder (a node that died
	 * on it, or one that was too slow and lost it): the processing is ready, they are
	 * leftovers.
	 */
	private void deleteOthersWork(Path dir) {
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path entry : entries.filter((path) -> path.getFileName().toString().startsWith(WORK)).toList()) {
				AudioFolder.deleteTree(entry);
			}
		}
		catch (IOException ex) {
			log.warn("Radio audio: cannot clean other workers' folders in {}", dir, ex);
		}
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
			recover(true);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Radio audio: cannot prepare {}", this.folder.root(), ex);
		}
		for (int i = 1; i <= this.settings.workers(); i++) {
			String name = this.nodes.worker("audio-" + i);
			Thread worker = new Thread(() -> work(name), "radio-audio-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
		Thread claims = new Thread(this::keepClaims, "radio-audio-claims");
		claims.setDaemon(true);
		this.workers.add(claims);
		claims.start();
	}

	/**
	 * Puts back in the queue, in each commune's scope, the processings of workers that
	 * are gone: those of nodes that are not alive, and those whose claim was not
	 * refreshed for {@code stale-after} (by the database's clock).
	 * @param atStart whether this node is starting: its workers hold nothing yet, so
	 * processings under its own name are its previous life's, gone
	 * @return how many went back to the queue
	 */
	int recover(boolean atStart) {
		Instant staleBefore = this.nodes.databaseNow().minus(this.settings.staleAfter());
		List<String> gone = new ArrayList<>();
		Map<String, Boolean> nodeGone = new LinkedHashMap<>();
		for (String claimer : CurrentCommune
			.acrossAll(() -> this.transactions.execute((tx) -> this.store.claimers()))) {
			boolean isGone = this.nodes.mine(claimer) ? atStart
					: nodeGone.computeIfAbsent(Nodes.nodeOf(claimer), (node) -> !this.nodes.alive(node));
			if (isGone) {
				gone.add(claimer);
			}
		}
		int requeued = 0;
		for (Long commune : CurrentCommune
			.acrossAll(() -> this.transactions.execute((tx) -> this.store.communesToRecover(staleBefore, gone)))) {
			Optional<CurrentCommune.Scope> scope = this.communes.scope(commune);
			if (scope.isPresent()) {
				requeued += CurrentCommune.call(scope.get(),
						() -> this.transactions.execute((tx) -> this.store.recover(staleBefore, gone)));
			}
		}
		if (requeued > 0) {
			log.warn("Radio audio: {} processings queued again (workers of gone nodes: {}; others not refreshed "
					+ "for {} s)", requeued, gone, this.settings.staleAfter().toSeconds());
			wake();
		}
		return requeued;
	}

	/**
	 * The claims thread: dates this node's claims again every quarter of
	 * {@code stale-after}, and takes over gone workers' processings every half of the
	 * shorter of {@code stale-after} and the node timeout. Woken, never interrupted.
	 */
	private void keepClaims() {
		Duration shorter = (this.settings.staleAfter().compareTo(this.nodes.nodeTimeout()) < 0)
				? this.settings.staleAfter() : this.nodes.nodeTimeout();
		long refreshEvery = Math.max(250, this.settings.staleAfter().toMillis() / 4);
		long recoverEvery = Math.max(500, shorter.toMillis() / 2);
		long lastRecovery = System.nanoTime();
		boolean failing = false;
		while (this.running) {
			synchronized (this.claimsPause) {
				try {
					this.claimsPause.wait(Math.min(refreshEvery, recoverEvery));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			if (!this.running) {
				return;
			}
			try {
				this.held.forEach((worker, held) -> CurrentCommune.run(held.scope(),
						() -> this.transactions.execute((tx) -> this.store.refresh(held.id(), worker))));
				if (System.nanoTime() - lastRecovery >= recoverEvery * 1_000_000L) {
					lastRecovery = System.nanoTime();
					recover(false);
				}
				failing = false;
			}
			catch (RuntimeException ex) {
				if (!failing && this.running) {
					log.warn("Radio audio: cannot keep or recover claims: {}", ex.toString());
				}
				failing = true;
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.pipeline.stop();
		wake();
		synchronized (this.claimsPause) {
			this.claimsPause.notifyAll();
		}
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

		private final String worker;

		private String stage = "starting";

		private int low;

		private int high;

		private int written = -1;

		private long writtenAt;

		Progress(long id, String worker) {
			this.id = id;
			this.worker = worker;
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
			AudioWorkers.this.store.progress(this.id, this.worker, this.stage, percent);
		}

	}

	/** A processing a worker holds, in its commune. */
	private record Held(CurrentCommune.Scope scope, long id) {
	}

	/** File moves and the row's last updates, run under the worker's claim. */
	@FunctionalInterface
	private interface FileWork {

		/** Returns whether the row's last update took (the worker held it). */
		boolean run() throws IOException;

	}

}
