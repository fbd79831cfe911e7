package vn.bantin.radio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.bantin.commune.Commune;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemChanged;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.media.FfmpegLocator;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.Secrets;
import vn.bantin.text.VietnameseText;

/**
 * Takes recordings in and turns them into broadcast copies in the background.
 *
 * <p>
 * <b>In.</b> An upload is streamed to a temporary file and cut off as soon as it passes
 * {@code bantin.radio.max-upload-size}; its headers are probed at once, so a file that is
 * not audio, in a format not accepted, empty or too long is refused while the person
 * waits (the refusal is recorded as a FAILED processing with its reason). An item's
 * {@code radio-recording} in the content folder is taken in at start and whenever the
 * item changes, once per version of the file (its hash). Speech is queued for radio items
 * without a recording when they are approved, and on request.
 *
 * <p>
 * <b>Processing.</b> {@code bantin.radio.workers} threads take queued processings one by
 * one ({@link AudioPipeline}), reporting stage and progress. The result goes under
 * {@code <audio-dir>/<id>/}: the original and the broadcast copy, each written under a
 * temporary name and moved into place; a failed processing leaves no file, only its row
 * with the reason. Rows a crash left half-done go back to the queue at start.
 *
 * <p>
 * <b>Stopping.</b> Workers are never interrupted (an interrupted thread writing to the
 * embedded H2 database closes it for everyone): stopping ends the running ffmpeg
 * processes, and their processings go back to the queue for the next start.
 */
@Component
class AudioIngest implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AudioIngest.class);

	private static final Locale MESSAGES_LOCALE = Locale.forLanguageTag("vi");

	private final RadioSettings settings;

	private final Path audioDir;

	private final Path contentDir;

	private final ZoneId zone;

	private final RecordingStore store;

	private final Clock clock;

	private final Commune commune;

	private final ItemCatalog catalog;

	private final Scripts scripts;

	private final SpeechSynthesis speech;

	private final MessageSource messages;

	private final AudioPipeline pipeline;

	private final ItemLifecycle lifecycle;

	private final Object signal = new Object();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	private ExecutorService intake;

	AudioIngest(RadioSettings settings, BantinProperties properties, RecordingStore store, Clock clock, Commune commune,
			ItemCatalog catalog, Scripts scripts, SpeechSynthesis speech, MessageSource messages, FfmpegLocator ffmpeg,
			ItemLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.settings = settings;
		this.audioDir = ((settings.audioDir() != null) ? settings.audioDir() : properties.dataPath("radio"))
			.toAbsolutePath()
			.normalize();
		this.contentDir = properties.contentDir().toAbsolutePath().normalize();
		this.zone = properties.zone();
		this.store = store;
		this.clock = clock;
		this.commune = commune;
		this.catalog = catalog;
		this.scripts = scripts;
		this.speech = speech;
		this.messages = messages;
		this.pipeline = new AudioPipeline(settings, ffmpeg);
	}

	Path audioDir() {
		return this.audioDir;
	}

	/**
	 * A stored file (original or broadcast copy) by its path relative to the audio
	 * folder.
	 */
	Optional<Path> file(String relative) {
		if (relative == null) {
			return Optional.empty();
		}
		Path file = this.audioDir.resolve(relative).normalize();
		return (file.startsWith(this.audioDir) && Files.isRegularFile(file)) ? Optional.of(file) : Optional.empty();
	}

	// ---- taking recordings in

	/**
	 * Takes an uploaded recording of an item in: stored, probed and queued; returns the
	 * processing's id.
	 * @throws AudioRefused when it is too large, empty, not audio, not an accepted format
	 * or too long (recorded as a failed processing too)
	 */
	long upload(String itemId, String fileName, InputStream input, String by) throws AudioRefused, IOException {
		String name = VietnameseText.nfc((fileName != null && !fileName.isBlank()) ? fileName.strip() : "ghi-am");
		Path incoming = incoming("upload");
		long size;
		try {
			size = copyLimited(input, incoming);
		}
		catch (AudioRefused refused) {
			Files.deleteIfExists(incoming);
			throw recordRefusal(itemId, AudioProcessing.Source.UPLOAD, null, name, null, refused, by);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(incoming);
			throw ex;
		}
		return queue(itemId, AudioProcessing.Source.UPLOAD, null, name, incoming, size, by);
	}

	/**
	 * Queues speech for an item's current script, unless the same text with the same
	 * settings is already rendered or on its way: then that processing's id.
	 */
	long speech(ItemView item, String by) throws AudioRefused, IOException {
		if (!this.speech.available()) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.no-speech",
					"no speech synthesiser runs here");
		}
		String text = this.scripts.of(item);
		if (text == null || text.isBlank()) {
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.no-script", "the script is empty");
		}
		String key = this.speech.cacheKey(text);
		synchronized (this) {
			Optional<AudioProcessing> known = this.store.byCacheKey(item.id(), key)
				.filter((p) -> p.status() != AudioProcessing.Status.FAILED);
			if (known.isPresent()) {
				return known.get().id();
			}
			Path incoming = incoming("script");
			Files.writeString(incoming, text, StandardCharsets.UTF_8);
			return queue(item.id(), AudioProcessing.Source.SPEECH, key, "script.txt", incoming, Files.size(incoming),
					by);
		}
	}

	/**
	 * Takes an item's recording in the content folder in, once per version of the file;
	 * returns the processing's id, or empty when the item has none or it is known.
	 */
	synchronized Optional<Long> contentFile(ItemView item) throws IOException {
		String relative = (item.variants() != null) ? item.variants().radioRecording() : null;
		if (relative == null || relative.isBlank()) {
			return Optional.empty();
		}
		Path contentDir = this.contentDir;
		Path file = contentDir.resolve(relative.strip()).normalize();
		if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
			log.warn("Item {}: its radio recording {} is not a file in the content folder", item.id(), relative);
			return Optional.empty();
		}
		Path incoming = incoming("content");
		Files.copy(file, incoming, StandardCopyOption.REPLACE_EXISTING);
		String key = "file:" + Secrets.sha256(incoming);
		if (this.store.byCacheKey(item.id(), key).isPresent()) {
			Files.deleteIfExists(incoming);
			return Optional.empty();
		}
		String name = file.getFileName().toString();
		try {
			return Optional.of(queue(item.id(), AudioProcessing.Source.CONTENT_FILE, key, relative.strip(), incoming,
					Files.size(incoming), null));
		}
		catch (AudioRefused refused) {
			log.warn("Item {}: its radio recording {} is refused: {}", item.id(), name, refused.getMessage());
			return Optional.empty();
		}
	}

	private long queue(String itemId, AudioProcessing.Source source, String key, String name, Path incoming, long size,
			String by) throws AudioRefused, IOException {
		String format = null;
		if (source != AudioProcessing.Source.SPEECH) {
			try {
				format = this.pipeline.probe(incoming).format().extension();
			}
			catch (AudioRefused refused) {
				Files.deleteIfExists(incoming);
				if (!this.running && source != AudioProcessing.Source.UPLOAD) {
					// the probe was ended by the stop, not refused by the file
					throw new IOException("stopped while probing " + name);
				}
				throw recordRefusal(itemId, source, key, name, size, refused, by);
			}
		}
		Integer revision;
		try {
			revision = revision(itemId, source, name, by);
		}
		catch (IllegalStateException archived) {
			Files.deleteIfExists(incoming);
			throw new AudioRefused(AudioRefused.Kind.UNUSABLE, "audio.refused.archived", archived.getMessage());
		}
		long id = this.store.insert(itemId, AudioProcessing.Status.QUEUED, source,
				source == AudioProcessing.Source.SPEECH, key, name, format, size, null, by, this.clock.instant(),
				revision);
		this.store.original(id, format, size, this.audioDir.relativize(incoming).toString().replace('\\', '/'));
		wake();
		return id;
	}

	/**
	 * The item revision a new recording belongs to. A person's upload changes what the
	 * loudspeakers play: it makes a new revision of the item (an approved or published
	 * item goes back to approval, {@link ItemLifecycle#recorded}), and airs once that is
	 * approved. A content file's recording and speech belong to the revision they were
	 * made from (the file's version, the script's text).
	 */
	private Integer revision(String itemId, AudioProcessing.Source source, String name, String by) {
		if (source == AudioProcessing.Source.UPLOAD) {
			return this.lifecycle.recorded(itemId, (by != null) ? by : "radio", "recording " + name,
					this.clock.instant());
		}
		return this.catalog.item(itemId).map(ItemView::revision).orElse(null);
	}

	private AudioRefused recordRefusal(String itemId, AudioProcessing.Source source, String key, String name, Long size,
			AudioRefused refused, String by) {
		this.store.insert(itemId, AudioProcessing.Status.FAILED, source, source == AudioProcessing.Source.SPEECH, key,
				name, null, size, reason(name, refused), by, this.clock.instant(), null);
		return refused;
	}

	/** The reason of a refusal in words, for the processing's row. */
	String reason(String name, AudioRefused refused) {
		String text = this.messages.getMessage(refused.messageKey(), refused.arguments(), refused.getMessage(),
				MESSAGES_LOCALE);
		return (name != null) ? name + ": " + text : text;
	}

	private long copyLimited(InputStream input, Path target) throws IOException, AudioRefused {
		long limit = this.settings.maxUploadSize().toBytes();
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(target)) {
			int read;
			while ((read = input.read(buffer)) != -1) {
				total += read;
				if (total > limit) {
					throw new AudioRefused(AudioRefused.Kind.TOO_LARGE, "audio.refused.too-large",
							"larger than " + this.settings.maxUploadSize().toMegabytes() + " MB",
							this.settings.maxUploadSize().toMegabytes());
				}
				out.write(buffer, 0, read);
			}
		}
		return total;
	}

	private Path incoming(String kind) throws IOException {
		Path dir = Files.createDirectories(this.audioDir.resolve("incoming"));
		return dir.resolve(kind + "-" + UUID.randomUUID());
	}

	// ---- asking

	Optional<AudioProcessing> processing(long id) {
		return this.store.find(id);
	}

	List<AudioProcessing> recent(int limit) {
		return this.store.recent(limit);
	}

	List<AudioProcessing> forItem(String itemId) {
		return this.store.forItem(itemId);
	}

	boolean speechAvailable() {
		return this.speech.available();
	}

	// ---- triggers

	/**
	 * An item changed: take its content-file recording in, and when it was just approved,
	 * queue speech for it if it goes on the radio without a recording (an import of the
	 * content folder does not render speech for every item). Done on the intake thread,
	 * after the change is committed.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void itemChanged(ItemChanged changed) {
		ExecutorService executor = this.intake;
		if (executor == null || !this.running) {
			return;
		}
		boolean approved = "approved".equals(changed.action());
		executor.execute(() -> this.catalog.item(changed.itemId()).ifPresent((item) -> takeIn(item, approved)));
	}

	private void takeIn(ItemView item, boolean speak) {
		try {
			contentFile(item);
			boolean radio = item.channels().contains(Channel.RADIO);
			boolean approved = item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHED;
			boolean recorded = item.variants() != null && item.variants().radioRecording() != null
					&& !item.variants().radioRecording().isBlank();
			if (speak && radio && approved && !recorded
					&& this.store.latestRecorded(item.id(), Integer.MAX_VALUE).isEmpty() && this.speech.available()) {
				speech(item, null);
			}
		}
		catch (AudioRefused refused) {
			log.info("Item {}: no speech ({})", item.id(), refused.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Item {}: its audio could not be taken in", item.id(), ex);
		}
	}

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

	// ---- workers

	private void work() {
		while (this.running) {
			Optional<AudioProcessing> next;
			try {
				next = this.store.claim();
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("Radio audio: cannot take the next processing", ex);
				}
				next = Optional.empty();
			}
			if (next.isPresent()) {
				process(next.get());
			}
			else {
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

	private void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void process(AudioProcessing processing) {
		long id = processing.id();
		Path dir = this.audioDir.resolve(String.valueOf(id));
		Path work = dir.resolve(".work");
		Path input = (processing.originalFile() != null) ? this.audioDir.resolve(processing.originalFile()) : null;
		Progress progress = new Progress(id);
		try {
			deleteTree(work);
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
			LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
			AudioPipeline.Tags tags = new AudioPipeline.Tags(title, this.commune.identity().name(), today);
			Path encoded = work.resolve("broadcast.mp3");
			AudioPipeline.Result result = this.pipeline.normalise(source, measured, tags, encoded, work, progress);
			String slug = slug(processing, title);
			Path original = dir.resolve("original-" + slug + "." + probe.format().extension());
			Path broadcast = dir.resolve(slug + ".mp3");
			Path originalPart = work.resolve("original.part");
			Files.copy(source, originalPart, StandardCopyOption.REPLACE_EXISTING);
			move(originalPart, original);
			String sha256 = sha256(encoded);
			move(encoded, broadcast);
			if (processing.source() == AudioProcessing.Source.SPEECH) {
				Path script = work.resolve("script.part");
				Files.copy(input, script);
				move(script, dir.resolve("script.txt"));
			}
			deleteTree(work);
			Files.deleteIfExists(input);
			this.store.original(id, probe.format().extension(), Files.size(original), relative(original));
			this.store.ready(id, relative(broadcast), sha256, result, this.clock.instant());
			log.info("Radio audio {} of item {} ready: {} LUFS, {} dBTP, {}", id, processing.itemId(),
					AudioPipeline.number(result.loudness().integrated()),
					AudioPipeline.number(result.loudness().truePeak()), result.normalisation());
		}
		catch (AudioRefused refused) {
			fail(processing, dir, input, reason(processing.originalName(), refused));
		}
		catch (IOException | RuntimeException ex) {
			fail(processing, dir, input, reason(processing.originalName(), new AudioRefused(AudioRefused.Kind.UNUSABLE,
					"audio.refused.failed", ex.getMessage(), String.valueOf(ex.getMessage()))));
			if (this.running) {
				log.warn("Radio audio {} of item {} failed", id, processing.itemId(), ex);
			}
		}
	}

	private void fail(AudioProcessing processing, Path dir, Path input, String reason) {
		if (!this.running) {
			// stopped under it: the ffmpeg run was ended on purpose, not by the file
			try {
				deleteTree(dir);
			}
			catch (IOException ex) {
				log.warn("Radio audio {}: cannot clean {}", processing.id(), dir, ex);
			}
			this.store.requeue(processing.id());
			return;
		}
		try {
			deleteTree(dir);
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

	private String relative(Path file) {
		return this.audioDir.relativize(file).toString().replace('\\', '/');
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	static String sha256(Path file) throws IOException {
		return Secrets.sha256(file);
	}

	// ---- lifecycle

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		try {
			Files.createDirectories(this.audioDir);
			int requeued = this.store.requeueInterrupted();
			if (requeued > 0) {
				log.info("Radio audio: {} processings interrupted by a stop are queued again", requeued);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Radio audio: cannot prepare {}", this.audioDir, ex);
		}
		for (int i = 1; i <= this.settings.workers(); i++) {
			Thread worker = new Thread(this::work, "radio-audio-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
		this.intake = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "radio-audio-intake");
			thread.setDaemon(true);
			return thread;
		});
		this.intake.execute(() -> {
			try {
				scan();
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
		this.pipeline.stop();
		wake();
		ExecutorService executor = this.intake;
		this.intake = null;
		executor.shutdown();
		try {
			executor.awaitTermination(20, TimeUnit.SECONDS);
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
			AudioIngest.this.store.progress(this.id, this.stage, percent);
		}

	}

}
