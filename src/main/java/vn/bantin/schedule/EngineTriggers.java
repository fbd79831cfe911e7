package vn.bantin.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

	private static final Map<String, Class<? extends Job>> JOBS = Map.of(SLOTS, SlotJob.class, RELEASES,
			ReleaseJob.class, EMERGENCIES, EmergencyJob.class);

	private final Scheduler scheduler;

	private final Clock clock;

	EngineTriggers(Scheduler scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** The key of the trigger for a subject (a slot key, an item id) in a group. */
	static TriggerKey key(String group, String subject) {
		return TriggerKey.triggerKey(prefix(group) + subject, group);
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
		TriggerKey key = key(group, subject);
		JobDataMap data = new JobDataMap();
		data.put(SUBJECT, subject);
		data.put(OCCURRENCE, at.toString());
		if (hash != null) {
			data.put(HASH, hash);
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(JobKey.jobKey(group, "bantin"))
			.usingJobData(data)
			.startAt(fireTime(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		call(() -> {
			if (this.scheduler.checkExists(key)) {
				this.scheduler.rescheduleJob(key, trigger);
			}
			else {
				this.scheduler.scheduleJob(trigger);
			}
			return null;
		});
	}

	/** Removes the trigger of {@code subject} in {@code group}, if there is one. */
	void unschedule(String group, String subject) {
		call(() -> this.scheduler.unscheduleJob(key(group, subject)));
	}

	/** What the trigger of {@code subject} in {@code group} stands for, if it exists. */
	Optional<Planned> planned(String group, String subject) {
		return call(
				() -> Optional.ofNullable(this.scheduler.getTrigger(key(group, subject))).map(EngineTriggers::planned));
	}

	/** Every trigger of a group. */
	Set<TriggerKey> keys(String group) {
		return call(() -> this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group)));
	}

	/** What a trigger stands for. */
	static Planned planned(Trigger trigger) {
		JobDataMap data = trigger.getJobDataMap();
		return new Planned(trigger.getKey().getGroup(), data.getString(SUBJECT),
				Instant.parse(data.getString(OCCURRENCE)), data.getString(HASH));
	}

	/**
	 * The system instant at which Quartz must fire for the application instant
	 * {@code at}.
	 */
	private Date fireTime(Instant at) {
		Duration ahead = Duration.between(this.clock.instant(), at);
		// Quartz reads the system clock: see the type's comment
		long system = System.currentTimeMillis();
		return new Date(ahead.isNegative() ? system : system + ahead.toMillis());
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
				JobKey key = JobKey.jobKey(job.getKey(), "bantin");
				if (!this.scheduler.checkExists(key)) {
					this.scheduler.addJob(JobBuilder.newJob(job.getValue()).withIdentity(key).storeDurably().build(),
							true);
				}
			}
			return null;
		});
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
	 */
	record Planned(String group, String subject, Instant occurrence, String hash) {
	}

	@FunctionalInterface
	private interface QuartzCall<T> {

		T call() throws SchedulerException;

	}

	/**
	 * A job that acts on what its trigger stands for: the subject and the planned
	 * occurrence read from the trigger ({@link #planned}), never Quartz's fire time.
	 */
	abstract static class PlannedJob implements Job {

		@Override
		public void execute(org.quartz.JobExecutionContext context) {
			Planned planned = planned(context.getTrigger());
			fire(planned.subject(), planned.occurrence());
		}

		abstract void fire(String subject, Instant occurrence);

	}

	/** Fires a slot occurrence; the decisions are {@link SlotFiring}'s. */
	@DisallowConcurrentExecution
	static class SlotJob extends PlannedJob {

		private final SlotFiring firing;

		SlotJob(SlotFiring firing) {
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

		ReleaseJob(ItemRelease release) {
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

		EmergencyJob(Broadcast broadcast) {
			this.broadcast = broadcast;
		}

		@Override
		void fire(String itemId, Instant occurrence) {
			this.broadcast.emergency(itemId, occurrence);
		}

	}

}
