package vn.bantin.mailing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.cluster.Nodes;
import vn.bantin.commune.Communes;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.mailroom.Outcome;
import vn.bantin.subscription.Audience;
import vn.bantin.system.CommuneTurns;
import vn.bantin.system.CurrentCommune;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;

/**
 * The workers that send mailings, in the background: each claims a batch of due
 * deliveries, and for each one marks it sending (committed), hands its letter to the
 * mailroom over the worker's one reused connection, and stores the outcome as
 * {@link Retries} decides. The {@link Pace} keeps the node within its rate.
 *
 * <p>
 * <b>Many communes, one relay.</b> The workers serve every commune: they pick the
 * communes with due deliveries across all of them and claim a batch from each in turn
 * ({@link CommuneTurns}), then write, send and settle it in that commune's scope. The
 * province's rate ({@code rate-per-second}, {@code rate-per-hour}) bounds all communes
 * together (one shared SMTP relay); a commune's own rate
 * ({@code commune-rate-per-second}, {@code commune-rate-per-hour}, off by default) bounds
 * each, and a commune held by its own rate is skipped while others send.
 *
 * <p>
 * <b>Never twice, never lost.</b> A row is marked {@code SENDING} in its own committed
 * transaction before it is handed over, so a crash while sending leaves it
 * {@code SENDING}, and recovery makes it {@code UNCERTAIN} rather than sending it again;
 * a row only claimed goes back to {@code PENDING}. A worker that stops gives its claimed
 * rows back. A mailing paused between the claim and the send keeps its rows pending.
 *
 * <p>
 * <b>Several nodes.</b> Every node runs the workers; they share the rows through the
 * database's claims. A worker claims under its node's name ({@link Nodes#worker}), and
 * claims are dated by the database's clock, never the application's {@code Clock} (the
 * domain's, which decides when a retry is due). Recovery runs at start-up and then every
 * half of the shorter of {@code stale-after} and the node timeout, on every node: rows of
 * a node that is gone ({@link Nodes#alive}: it stopped, or missed its heartbeats) are
 * recovered at once, rows of a live node only once their claim is older than
 * {@code stale-after} (a worker stuck somewhere). At start-up the rows under this node's
 * own name are its previous life's, and recovered at once; another live node's rows in
 * flight are left alone.
 *
 * <p>
 * <b>Only approved content.</b> Before each batch of a mailing, its letter is written
 * from its items as they are then, and only if each is still approved or published with
 * the approval the mailing carries; otherwise the mailing is held (see {@link #letter}).
 * A letter therefore always carries approved text, and at most one batch
 * ({@code bantin.mailing.batch-size}) written just before an edit goes out with the text
 * of the approval that the edit withdrew.
 *
 * <p>
 * Workers poll every {@code bantin.mailing.poll-interval} and are woken when a mailing is
 * made or resumed; they stop with the application, before the database.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final MailingStore store;

	private final Letters letters;

	private final Audience audience;

	private final Mailroom mailroom;

	private final ItemCatalog catalog;

	private final Timetables timetables;

	private final Doorbell doorbell;

	private final MailingSettings settings;

	private final Clock clock;

	private final Retries retries;

	/** The province's pace: every commune's mail goes through one relay. */
	private final Pace pace;

	/** Each commune's own pace, by commune id (only when a commune rate is set). */
	private final Map<Long, Pace> communePaces = new ConcurrentHashMap<>();

	/** Whose turn it is among the communes with due deliveries. */
	private final CommuneTurns turns = new CommuneTurns();

	private final Communes communes;

	private final TransactionTemplate transaction;

	private final Nodes nodes;

	private final List<Thread> workers = new ArrayList<>();

	private final AtomicLong lastRecovery = new AtomicLong(System.nanoTime());

	private volatile boolean running;

	Dispatcher(MailingStore store, Letters letters, Audience audience, Mailroom mailroom, ItemCatalog catalog,
			Timetables timetables, Doorbell doorbell, MailingSettings settings, Clock clock,
			PlatformTransactionManager transactions, Communes communes, Nodes nodes) {
		this.communes = communes;
		this.nodes = nodes;
		this.store = store;
		this.letters = letters;
		this.audience = audience;
		this.mailroom = mailroom;
		this.catalog = catalog;
		this.timetables = timetables;
		this.doorbell = doorbell;
		this.settings = settings;
		this.clock = clock;
		this.retries = new Retries(settings);
		this.pace = new Pace(settings.ratePerSecond(), settings.ratePerHour(), System::nanoTime);
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		recover(this.settings.staleAfter(), true);
		this.running = true;
		for (int i = 0; i < this.settings.workers(); i++) {
			String worker = this.nodes.worker("mail-" + i);
			Thread thread = new Thread(() -> work(worker), "mailing-" + i);
			thread.setDaemon(true);
			this.workers.add(thread);
			thread.start();
		}
		log.info("Mailing: {} workers on {} (rate {}/s, {}/h)", this.settings.workers(), this.nodes.self(),
				this.settings.ratePerSecond(), this.settings.ratePerHour());
	}

	@Override
	public synchronized void stop() {
		// no interrupt while a worker may be committing: an interrupted write closes the
		// embedded H2 database's file for every thread (ClosedByInterruptException). The
		// flag and the doorbell end idle workers at once and busy ones after their
		// message; only a worker still stuck after the wait (a hung server) is
		// interrupted
		this.running = false;
		this.doorbell.ring();
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(15));
				if (worker.isAlive()) {
					worker.interrupt();
					worker.join(TimeUnit.SECONDS.toMillis(5));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Rows of workers that are gone, as this node sees them now (not at start-up): see
	 * {@link #recover(Duration, boolean)}.
	 */
	int[] recover(Duration staleAfter) {
		return recover(staleAfter, false);
	}

	/**
	 * Rows of workers that are gone: those of nodes that are not alive, and those whose
	 * claim is older than {@code staleAfter} by the database's clock; claimed ones back
	 * to pending, sending ones uncertain; then mailings with nothing left are completed.
	 * @param atStart whether this node is starting: its workers have claimed nothing yet,
	 * so rows under its own name are its previous life's, gone
	 * @return how many rows went back to pending and how many became uncertain
	 */
	int[] recover(Duration staleAfter, boolean atStart) {
		Instant staleBefore = this.nodes.databaseNow().minus(staleAfter);
		List<String> gone = new ArrayList<>();
		Map<String, Boolean> nodeGone = new LinkedHashMap<>();
		for (String claimer : across(this.store::claimers)) {
			boolean isGone = this.nodes.mine(claimer) ? atStart
					: nodeGone.computeIfAbsent(Nodes.nodeOf(claimer), (node) -> !this.nodes.alive(node));
			if (isGone) {
				gone.add(claimer);
			}
		}
		int[] recovered = new int[2];
		for (Long commune : across(() -> this.store.communesToRecover(staleBefore, gone))) {
			int[] inCommune = inCommune(commune,
					() -> this.transaction.execute((status) -> this.store.recover(staleBefore, gone)), new int[2]);
			recovered[0] += inCommune[0];
			recovered[1] += inCommune[1];
		}
		if (recovered[0] > 0 || recovered[1] > 0) {
			log.warn(
					"Mailing recovery: {} claimed deliveries pending again, {} interrupted while sending now "
							+ "UNCERTAIN (workers of gone nodes: {}; others claimed more than {} s ago)",
					recovered[0], recovered[1], gone, staleAfter.toSeconds());
		}
		complete();
		return recovered;
	}

	private void complete() {
		for (Long commune : across(this.store::communesToComplete)) {
			inCommune(commune,
					() -> this.transaction.execute((status) -> this.store.completeFinished(this.clock.instant())), 0);
		}
	}

	/**
	 * The next batch: the communes with due deliveries are picked across every commune,
	 * and the batch is claimed from the one whose turn it is ({@link CommuneTurns}: each
	 * commune with due mail in turn, skipping those held by their own rate), in its own
	 * scope. A send to 2,000 residents thus takes one batch per turn, and a commune with
	 * 20 letters queued after it waits for at most one batch per worker.
	 * @return the claimed batch with its commune, or null when there is nothing to send
	 * now
	 */
	private Claimed claimNext(String worker) {
		List<Long> waiting = new ArrayList<>(across(() -> this.store.communesWithDue(this.clock.instant())));
		while (!waiting.isEmpty() && this.running) {
			Optional<Long> next = this.turns.next(waiting, (commune) -> communePace(commune).idle() <= 0);
			if (next.isEmpty()) {
				return null;
			}
			waiting.remove(next.get());
			Optional<CurrentCommune.Scope> scope = this.communes.scope(next.get());
			if (scope.isEmpty()) {
				continue;
			}
			List<MailingStore.DeliveryRow> batch = CurrentCommune.call(scope.get(), () -> this.transaction
				.execute((status) -> this.store.claim(worker, this.clock.instant(), batchSize())));
			if (!batch.isEmpty()) {
				return new Claimed(scope.get(), batch);
			}
		}
		return null;
	}

	/**
	 * How many rows a worker claims at once: {@code batch-size}, but no more than about
	 * ten seconds of a commune's own rate, so that rows do not wait long claimed.
	 */
	private int batchSize() {
		double perSecond = this.settings.communeRatePerSecond();
		if (perSecond <= 0) {
			return this.settings.batchSize();
		}
		return (int) Math.max(1, Math.min(this.settings.batchSize(), Math.ceil(perSecond * 10)));
	}

	/** The pace of one commune's mail (no limit unless a commune rate is set). */
	private Pace communePace(long commune) {
		return this.communePaces.computeIfAbsent(commune, (id) -> new Pace(this.settings.communeRatePerSecond(),
				this.settings.communeRatePerHour(), System::nanoTime));
	}

	/** Picks rows across every commune, in a transaction of its own. */
	private <T> T across(Supplier<T> pick) {
		return CurrentCommune.acrossAll(() -> read(pick));
	}

	/**
	 * Does {@code work} in the scope of the commune; {@code otherwise} if it is gone.
	 */
	private <T> T inCommune(long commune, Supplier<T> work, T otherwise) {
		return this.communes.scope(commune).map((scope) -> CurrentCommune.call(scope, work)).orElse(otherwise);
	}

	private void work(String worker) {
		Mailroom.Round round = null;
		try {
			while (this.running && !Thread.currentThread().isInterrupted()) {
				try {
					recoverNowAndThen();
					long idle = this.pace.idle();
					if (idle > 0) {
						TimeUnit.NANOSECONDS.sleep(Math.min(idle, this.settings.pollInterval().toNanos()));
						continue;
					}
					Claimed claimed = claimNext(worker);
					if (claimed == null) {
						complete();
						if (round != null) {
							round.close();
							round = null;
						}
						this.doorbell.await(this.settings.pollInterval().toMillis());
						continue;
					}
					if (round == null) {
						round = this.mailroom.open();
					}
					send(claimed, worker, round);
					complete();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (RuntimeException ex) {
					log.warn("Mailing worker {}: {}", worker, ex.toString(), ex);
					giveBack(worker);
					if (round != null) {
						round.close();
						round = null;
					}
					try {
						TimeUnit.MILLISECONDS.sleep(this.settings.pollInterval().toMillis());
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}
		finally {
			if (round != null) {
				round.close();
			}
			giveBack(worker);
		}
	}

	private void giveBack(String worker) {
		try {
			for (Long commune : across(() -> this.store.communesClaimedBy(worker))) {
				inCommune(commune, () -> this.transaction.execute((status) -> this.store.releaseAll(worker)), 0);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Mailing worker {} could not give back its claimed deliveries: {}", worker, ex.toString());
		}
	}

	/**
	 * Recovers rows of gone workers (other nodes) now and then: every half of the shorter
	 * of {@code stale-after} and the node timeout, so that a dead node's rows are taken
	 * over soon after it is seen gone, and a stuck worker's soon after they are stale.
	 * One worker of the node does it at a time.
	 */
	private void recoverNowAndThen() {
		Duration every = this.settings.staleAfter().compareTo(this.nodes.nodeTimeout()) < 0 ? this.settings.staleAfter()
				: this.nodes.nodeTimeout();
		long last = this.lastRecovery.get();
		long now = System.nanoTime();
		if (now - last >= Math.max(every.toNanos() / 2, TimeUnit.MILLISECONDS.toNanos(500))
				&& this.lastRecovery.compareAndSet(last, now)) {
			recover(this.settings.staleAfter());
		}
	}

	/**
	 * Sends a claimed batch in its commune's scope: the letters are written there (the
	 * commune's name and address as sender, links to its own site), and its rows are
	 * settled there.
	 */
	private void send(Claimed claimed, String worker, Mailroom.Round round) throws InterruptedException {
		InterruptedException[] stopped = new InterruptedException[1];
		CurrentCommune.run(claimed.scope(), () -> {
			try {
				send(claimed.batch(), worker, round, claimed.scope().id());
			}
			catch (InterruptedException ex) {
				stopped[0] = ex;
			}
		});
		if (stopped[0] != null) {
			throw stopped[0];
		}
	}

	private void send(List<MailingStore.DeliveryRow> batch, String worker, Mailroom.Round round, long commune)
			throws InterruptedException {
		Map<Long, List<MailingStore.DeliveryRow>> byMailing = new LinkedHashMap<>();
		batch.forEach((row) -> byMailing.computeIfAbsent(row.mailingId(), (id) -> new ArrayList<>()).add(row));
		for (Map.Entry<Long, List<MailingStore.DeliveryRow>> entry : byMailing.entrySet()) {
			MailingStore.MailingRow mailing = read(() -> this.store.mailing(entry.getKey())).orElse(null);
			if (mailing == null || mailing.status() != MailingStatus.RUNNING) {
				entry.getValue().forEach((row) -> read(() -> {
					this.store.release(row.id(), worker);
					return null;
				}));
				continue;
			}
			// written again for every batch, from the items as they are now: a
			// letter kept from an earlier batch could outlive its approval
			Written written = letter(mailing);
			if (written.held()) {
				entry.getValue().forEach((row) -> read(() -> {
					this.store.release(row.id(), worker);
					return null;
				}));
				continue;
			}
			Optional<Letters.Letter> letter = written.letter();
			Set<Long> receiving = this.audience.stillReceiving(mailing.listKey(),
					entry.getValue().stream().map(MailingStore.DeliveryRow::subscriberId).toList());
			for (MailingStore.DeliveryRow row : entry.getValue()) {
				if (Thread.currentThread().isInterrupted() || !this.running) {
					throw new InterruptedException("stopping");
				}
				if (!receiving.contains(row.subscriberId())) {
					settle(row, worker, new Retries.Settlement(DeliveryStatus.SKIPPED, row.attempts(), null,
							"no longer receives the list", null, false));
					continue;
				}
				sendOne(mailing, letter, row, worker, round, commune);
			}
		}
	}

	private void sendOne(MailingStore.MailingRow mailing, Optional<Letters.Letter> letter, MailingStore.DeliveryRow row,
			String worker, Mailroom.Round round, long commune) throws InterruptedException {
		if (letter.isEmpty()) {
			settle(row, worker, new Retries.Settlement(DeliveryStatus.FAILED, row.attempts(), null,
					"nothing to send: its items are gone", null, false));
			return;
		}
		String messageId = this.letters.messageId(mailing.id(), row.id());
		MimeMessage message;
		try {
			Audience.Recipient recipient = new Audience.Recipient(row.subscriberId(), row.address(), row.name(), null);
			message = this.letters.write(letter.get(), recipient,
					this.audience.links(row.subscriberId(), mailing.listKey()), messageId);
		}
		catch (jakarta.mail.MessagingException | RuntimeException ex) {
			// a letter that cannot be written now will not be written later either
			settle(row, worker, new Retries.Settlement(DeliveryStatus.FAILED, row.attempts(), null,
					"could not write the message: " + ex.getMessage(), null, false));
			return;
		}
		// the commune's own rate first, then the province's relay
		communePace(commune).acquire();
		this.pace.acquire();
		if (!Boolean.TRUE
			.equals(this.transaction.execute((status) -> this.store.markSending(row.id(), worker, messageId)))) {
			// paused meanwhile, or taken back by recovery: not attempted
			read(() -> {
				this.store.release(row.id(), worker);
				return null;
			});
			return;
		}
		Outcome outcome = round.send(message);
		Retries.Settlement settlement = this.retries.after(outcome, row.attempts(), this.clock.instant());
		settle(row, worker, settlement);
		if (settlement.bounce()) {
			try {
				this.audience.bounced(row.subscriberId(), settlement.answer());
			}
			catch (RuntimeException ex) {
				log.warn("Could not count the bounce of subscriber {}: {}", row.subscriberId(), ex.toString());
			}
		}
	}

	private void settle(MailingStore.DeliveryRow row, String worker, Retries.Settlement settlement) {
		this.transaction.execute((status) -> this.store.settle(row.id(), worker, settlement.status(),
				settlement.attempts(), settlement.nextAttemptAt(), settlement.answer(), settlement.sentAt()));
	}

	/**
	 * The letter of a mailing, written from its items as they are now, but only while
	 * each is approved or published with the approval the mailing carries. When one is
	 * not (it was edited and went back to approval, or approved again since), no letter
	 * is written: the mailing is held (paused with the reason and the items, shown on its
	 * page and in the API) until a person resumes it after the item's new approval, or
	 * cancels it.
	 */
	private Written letter(MailingStore.MailingRow mailing) {
		List<MailingStore.CarriedItem> carried = read(() -> this.store.carried(mailing.id()));
		List<ItemView> items = new ArrayList<>();
		List<String> notApproved = new ArrayList<>();
		for (MailingStore.CarriedItem item : carried) {
			Optional<ItemView> view = this.catalog.item(item.itemId());
			if (view.isEmpty()) {
				continue;
			}
			if (!Approval.carries(view.get(), item.approvedAt())) {
				notApproved.add(item.itemId());
			}
			items.add(view.get());
		}
		if (!notApproved.isEmpty()) {
			if (Boolean.TRUE.equals(read(() -> this.store.hold(mailing.id(), MailingStore.ITEM_NOT_APPROVED,
					notApproved, this.clock.instant())))) {
				log.warn("Mailing {} held: items {} are no longer approved as the mailing carries them; "
						+ "resume it once they are approved again, or cancel it", mailing.id(), notApproved);
			}
			return new Written(true, Optional.empty());
		}
		if (items.isEmpty()) {
			return new Written(false, Optional.empty());
		}
		String listName = this.timetables.current()
			.lists()
			.stream()
			.filter((list) -> list.key().equals(mailing.listKey()))
			.map(Timetable.MailingList::name)
			.findFirst()
			.orElse(mailing.listKey());
		return new Written(false, Optional.of(this.letters.letter(mailing.listKey(), listName, mailing.subject(),
				mailing.kind() == MailingKind.DIGEST, items)));
	}

	/**
	 * A mailing's letter for one batch.
	 *
	 * @param held whether the mailing is held instead (nothing is sent)
	 * @param letter the letter, empty when its items are gone
	 */
	private record Written(boolean held, Optional<Letters.Letter> letter) {
	}

	/** A batch claimed in one commune. */
	private record Claimed(CurrentCommune.Scope scope, List<MailingStore.DeliveryRow> batch) {
	}

	private <T> T read(Supplier<T> work) {
		return this.transaction.execute((status) -> work.get());
	}

}
