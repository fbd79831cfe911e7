package vn.bantin.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

/**
 * The engine's persistent Quartz triggers: one-shot triggers for slot occurrences, item
 * releases and emergencies, each carrying what it stands for in its {@link JobDataMap}
 * (the planned occurrence, a hash of what it was planned from). The code that runs reads
 * the occurrence from there, never from Quartz's scheduled fire time, which Quartz moves
 * to "now" after a misfire.
 *
 * <p>
 * Quartz runs on the system clock; the application follows its injected {@link Clock}
 * (the same in production; a clock that tests move). A trigger for an instant {@code t}
 * is set to fire {@code t - clock.now} from the system's now: at {@code t} in production,
 * and never early in a test whose clock stands still. Overdue triggers fire at once.
 *
 * <p>
 * One scheduler serves every commune. Each trigger carries its commune ({@value #COMMUNE}
 * in its data) and its name says it: the default commune's triggers keep the names they
 * had before communes ({@code slot:<key>}, {@code release:<item id>}), another commune's
 * are prefixed with its id ({@code 2~slot:<key>}), so the same slot key in two communes
 * never names one trigger. Every method works on the triggers of the commune in scope,
 * except {@link #keysEverywhere}; a job runs its work in its trigger's commune, and a
 * trigger without a commune (written before communes) belongs to the default commune.
 *
 * <p>
 * Every call joins the caller's Spring transaction when there is one (Boot's Quartz job
 * store uses the application's data source), so a trigger commits or rolls back with the
 * change that made it.
 */
@Component
class EngineTriggers {

	static final String SLOTS = "bantin-slots";

	static final String RELEASES = "bantin-releases";

	static final String EMERGENCIES = "bantin-emergencies";

	static final String OCCURRENCE = "occurrence";

	static final String HASH = "hash";

	static final String SUBJECT = "subject";

	/** The job data key of the commune's id (a decimal string, like the others). */
	static final String COMMUNE = "commune";

	private static final Logger log = LoggerFactory.getLogger(EngineTriggers.class);

	/**
	 * A difference between the application's clock and the system's below this is the
	 * time between two readings of one clock, not a clock of its own.
	 */
	private static final Duration OFFSET_IGNORED = Duration.ofSeconds(1);

	private static final Map<String, Class<? extends Job>> JOBS = Map.of(SLOTS, SlotJob.class, RELEASES,
			ReleaseJob.class, EMERGENCIES, EmergencyJob.class);

	private final Scheduler scheduler;

	private final Clock clock;

	private final CommuneTenancy tenancy;

	/** The jobs known to be stored, so that scheduling asks Quartz once per job. */
	private final Set<JobKey> stored = ConcurrentHashMap.newKeySet();

	EngineTriggers(Scheduler scheduler, Clock clock, CommuneTenancy tenancy) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.tenancy = tenancy;
	}

	/**
	 * The key of the default commune's trigger for a subject (a slot key, an item id) in
	 * a group: the name it had before communes.
	 */
	static TriggerKey key(String group, String subject) {
		return key(CurrentCommune.DEFAULT, group, subject);
	}

	/**
	 * The key of a commune's trigger for a subject in a group: the default commune's
	 * name, prefixed with {@code <commune id>~} in another commune.
	 */
	static TriggerKey key(long commune, String group, String subject) {
		return TriggerKey.triggerKey(namePrefix(commune, group) + subject, group);
	}

	/**
	 * The job a commune's triggers of a group fire: one per commune and group, so that
	 * {@link DisallowConcurrentExecution} keeps one commune's slots in order without
	 * making every other commune wait (a province's 06:00 bulletins fire side by side, up
	 * to the thread pool). The default commune's is the job stored before communes.
	 */
	static JobKey jobKey(long commune, String group) {
		return JobKey
			.jobKey(((commune == CurrentCommune.DEFAULT) ? "" : commune + String.valueOf(CommuneTenancy.KEY_SEPARATOR))
					+ group, "bantin");
	}

	/** What the name of every trigger of {@code commune} in {@code group} starts with. */
	private static String namePrefix(long commune, String group) {
		return ((commune == CurrentCommune.DEFAULT) ? "" : commune + String.valueOf(CommuneTenancy.KEY_SEPARATOR))
				+ prefix(group);
	}

	private static String prefix(String group) {
		return switch (group) {
			case SLOTS -> "slot:";
			case RELEASES -> "release:";
			case EMERGENCIES -> "emergency:";
			default -> throw new IllegalArgumentException(group);
		};
	}

	/**
	 * Schedules (or replaces) the one-shot trigger of {@code subject} in {@code group}
	 * for the instant {@code at}.
	 */
	void schedule(String group, String subject, Instant at, String hash) {
		long commune = this.tenancy.requireCommune();
		TriggerKey key = key(commune, group, subject);
		JobDataMap data = new JobDataMap();
		data.put(COMMUNE, Long.toString(commune));
		data.put(SUBJECT, subject);
		data.put(OCCURRENCE, at.toString());
		if (hash != null) {
			data.put(HASH, hash);
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(jobKey(commune, group))
			.usingJobData(data)
			.startAt(fireTime(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		call(() -> {
			storeJob(jobKey(commune, group), JOBS.get(group));
			Trigger stored = this.scheduler.getTrigger(key);
			if (stored != null && !stored.getJobKey().equals(trigger.getJobKey())) {
				// stored for the job all communes shared before each had its own: Quartz
				// moves no trigger between jobs
				this.scheduler.unscheduleJob(key);
				this.scheduler.scheduleJob(trigger);
			}
			else if (stored != null) {
				this.scheduler.rescheduleJob(key, trigger);
			}
			else {
				try {
					this.scheduler.scheduleJob(trigger);
				}
				catch (ObjectAlreadyExistsException ex) {
					// another planner (the start-up sweep, a replanning after a file
					// change) stored it in between: the newer plan replaces it
					this.scheduler.rescheduleJob(key, trigger);
				}
			}
			return null;
		});
	}

	/**
	 * Removes the commune's trigger of {@code subject} in {@code group}, if there is one.
	 */
	void unschedule(String group, String subject) {
		call(() -> this.scheduler.unscheduleJob(key(this.tenancy.requireCommune(), group, subject)));
	}

	/**
	 * What the commune's trigger of {@code subject} in {@code group} stands for, if it
	 * exists.
	 */
	Optional<Planned> planned(String group, String subject) {
		TriggerKey key = key(this.tenancy.requireCommune(), group, subject);
		return call(() -> Optional.ofNullable(this.scheduler.getTrigger(key)).map(EngineTriggers::planned));
	}

	/** The subjects of the commune's triggers in a group. */
	Set<String> subjects(String group) {
		String prefix = namePrefix(this.tenancy.requireCommune(), group);
		Set<String> subjects = new java.util.TreeSet<>();
		for (TriggerKey key : keysEverywhere(group)) {
			if (key.getName().startsWith(prefix)) {
				subjects.add(key.getName().substring(prefix.length()));
			}
		}
		return subjects;
	}

	/**
	 * Every trigger of a group, in every commune: for a province-wide run that then works
	 * on each in its own commune ({@link #planned(Trigger)} says which).
	 */
	Set<TriggerKey> keysEverywhere(String group) {
		return call(() -> this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group)));
	}

	/** What the trigger with this key stands for, if it exists; in any commune. */
	Optional<Planned> planned(TriggerKey key) {
		return call(() -> Optional.ofNullable(this.scheduler.getTrigger(key)).map(EngineTriggers::planned));
	}

	/** What a trigger stands for. */
	static Planned planned(Trigger trigger) {
		JobDataMap data = trigger.getJobDataMap();
		String commune = data.getString(COMMUNE);
		return new Planned(trigger.getKey().getGroup(), data.getString(SUBJECT),
				Instant.parse(data.getString(OCCURRENCE)), data.getString(HASH),
				(commune != null) ? Long.parseLong(commune) : CurrentCommune.DEFAULT);
	}

	/**
	 * The system instant at which Quartz must fire for the application instant
	 * {@code at}.
	 */
	private Date fireTime(Instant at) {
		// Quartz reads the system clock: see the type's comment
		long system = System.currentTimeMillis();
		long offset = this.clock.millis() - system;
		if (Math.abs(offset) < OFFSET_IGNORED.toMillis()) {
			// the same clock read twice (production): fire at the very instant, so that
			// every commune's 06:00 has the same fire time and Quartz acquires them in
			// one batch
			offset = 0;
		}
		return new Date(Math.max(system, at.toEpochMilli() - offset));
	}

	/**
	 * Stores the engine's durable jobs once the context is up, before anything schedules
	 * a trigger for them, and outside any transaction (one that rolled back must not
	 * leave triggers without their job).
	 */
	@EventListener(ContextRefreshedEvent.class)
	void storeJobs() {
		call(() -> {
			for (Map.Entry<String, Class<? extends Job>> job : JOBS.entrySet()) {
				storeJob(jobKey(CurrentCommune.DEFAULT, job.getKey()), job.getValue());
			}
			return null;
		});
	}

	/**
	 * Stores a durable job unless it is known to be stored; another commune's jobs are
	 * stored the first time one of its triggers is scheduled. Storing one twice (two
	 * planners or two nodes at once) replaces it with the same.
	 *
	 * <p>
	 * Every engine job <em>requests recovery</em>. Why: the triggers are one-shot, and a
	 * one-shot trigger is complete from the moment Quartz hands it to a thread; the job
	 * itself moves it to the next occurrence. When a node dies in between (SIGKILL, power
	 * cut during the firing), the cluster's recovery deletes a complete trigger, and
	 * without recovery the occurrence would be lost and the slot's chain broken until the
	 * next start-up sweep. With it, the node that notices the death (after the check-in
	 * interval plus 7.5 s) fires the job again with the original trigger's data (the
	 * occurrence, the subject, the commune); the job records nothing twice (publications
	 * are unique per item, channel, target and occurrence, and channels are idempotent by
	 * publication) and moves the trigger on.
	 */
	private void storeJob(JobKey key, Class<? extends Job> type) throws SchedulerException {
		if (this.stored.contains(key)) {
			return;
		}
		org.quartz.JobDetail existing = this.scheduler.getJobDetail(key);
		if (existing == null || !existing.requestsRecovery()) {
			// stored before jobs asked for recovery: replaced (its triggers stay)
			this.scheduler.addJob(JobBuilder.newJob(type).withIdentity(key).storeDurably().requestRecovery().build(),
					true);
		}
		this.stored.add(key);
	}

	private static <T> T call(QuartzCall<T> call) {
		try {
			return call.call();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What a trigger stands for.
	 *
	 * @param group its group
	 * @param subject the slot key or item id
	 * @param occurrence the planned instant
	 * @param hash a hash of the definition it was planned from, or null
	 * @param commune the id of the commune it was made for (the default commune for a
	 * trigger written before communes)
	 */
	record Planned(String group, String subject, Instant occurrence, String hash, long commune) {
	}

	@FunctionalInterface
	private interface QuartzCall<T> {

		T call() throws SchedulerException;

	}

	/**
	 * A job that acts on what its trigger stands for: the subject and the planned
	 * occurrence read from the trigger ({@link #planned}), never Quartz's fire time, in
	 * the scope of the trigger's commune. The trigger of a commune that is gone or
	 * archived is removed, never run in another commune.
	 */
	abstract static class PlannedJob implements Job {

		private final EngineCommunes communes;

		PlannedJob(EngineCommunes communes) {
			this.communes = communes;
		}

		@Override
		public void execute(org.quartz.JobExecutionContext context) {
			Planned planned = planned(context.getTrigger());
			boolean ran = this.communes.run(planned.commune(), () -> fire(planned.subject(), planned.occurrence()));
			if (!ran) {
				log.warn("Trigger {} belongs to commune {}, which is gone or archived: removed",
						context.getTrigger().getKey(), planned.commune());
				call(() -> context.getScheduler().unscheduleJob(context.getTrigger().getKey()));
			}
		}

		abstract void fire(String subject, Instant occurrence);

	}

	/** Fires a slot occurrence; the decisions are {@link SlotFiring}'s. */
	@DisallowConcurrentExecution
	static class SlotJob extends PlannedJob {

		private final SlotFiring firing;

		SlotJob(SlotFiring firing, EngineCommunes communes) {
			super(communes);
			this.firing = firing;
		}

		@Override
		void fire(String slot, Instant occurrence) {
			this.firing.fire(slot, occurrence);
		}

	}

	/**
	 * Releases an item on its on-publish slots; the decisions are {@link ItemRelease}'s.
	 */
	@DisallowConcurrentExecution
	static class ReleaseJob extends PlannedJob {

		private final ItemRelease release;

		ReleaseJob(ItemRelease release, EngineCommunes communes) {
			super(communes);
			this.release = release;
		}

		@Override
		void fire(String itemId, Instant occurrence) {
			this.release.fire(itemId, occurrence);
		}

	}

	/**
	 * Puts an approved emergency item out at once; the decisions are {@link Broadcast}'s.
	 */
	static class EmergencyJob extends PlannedJob {

		private final Broadcast broadcast;

		EmergencyJob(Broadcast broadcast, EngineCommunes communes) {
			super(communes);
			this.broadcast = broadcast;
		}

		@Override
		void fire(String itemId, Instant occurrence) {
			this.broadcast.emergency(itemId, occurrence);
		}

	}

}
