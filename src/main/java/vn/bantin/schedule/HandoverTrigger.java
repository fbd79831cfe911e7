package vn.bantin.schedule;

import java.time.Clock;
import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.stereotype.Component;

import vn.bantin.timetable.ScheduleSettings;

/**
 * One persistent repeating trigger that runs the {@link vn.bantin.publishing.Handover} in
 * every commune every {@code bantin.schedule.retry-interval} (1 minute by default): it
 * hands over again what a channel failed to take, and decides and hands over planned
 * publications whose time has come without a trigger of their own (the repeats of an
 * emergency item on the radio).
 *
 * <p>
 * A single periodic trigger rather than one trigger per future publication: retries need
 * a periodic run anyway, and it needs no bookkeeping when publications are added or
 * decided elsewhere. The cost is that a planned repeat goes out up to one interval late,
 * well inside the radio's 15 minutes (the lateness is recorded in its reason).
 */
@Component
class HandoverTrigger {

	static final TriggerKey KEY = TriggerKey.triggerKey("handover", "bantin-publishing");

	static final JobKey JOB = JobKey.jobKey("handover", "bantin");

	private final Scheduler scheduler;

	private final Duration interval;

	HandoverTrigger(Scheduler scheduler, ScheduleSettings settings) {
		this.scheduler = scheduler;
		this.interval = settings.retryInterval();
	}

	/** Schedules the trigger, or changes its interval when the setting changed. */
	void ensure() {
		try {
			if (!this.scheduler.checkExists(JOB)) {
				this.scheduler.addJob(JobBuilder.newJob(HandoverJob.class).withIdentity(JOB).storeDurably().build(),
						true);
			}
			Trigger existing = this.scheduler.getTrigger(KEY);
			if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == this.interval.toMillis()) {
				return;
			}
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(KEY)
				.forJob(JOB)
				.startNow()
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(this.interval.toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
			if (existing != null) {
				this.scheduler.rescheduleJob(KEY, trigger);
			}
			else {
				try {
					this.scheduler.scheduleJob(trigger);
				}
				catch (org.quartz.ObjectAlreadyExistsException ex) {
					// another node, starting at the same moment, stored it in between:
					// one
					// trigger serves the cluster
					this.scheduler.rescheduleJob(KEY, trigger);
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the hand-over at the application's now, in every commune that has something
	 * due, each in its own scope: one trigger for the province, not one per commune.
	 */
	@DisallowConcurrentExecution
	static class HandoverJob implements Job {

		private final EngineCommunes communes;

		private final Clock clock;

		HandoverJob(EngineCommunes communes, Clock clock) {
			this.communes = communes;
			this.clock = clock;
		}

		@Override
		public void execute(JobExecutionContext context) {
			this.communes.handOverEverywhere(this.clock.instant());
		}

	}

}
