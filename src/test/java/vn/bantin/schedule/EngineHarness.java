package vn.bantin.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.context.ApplicationContext;

import vn.bantin.MutableClock;

/**
 * Drives the engine through simulated time with Quartz in standby: repeatedly takes the
 * earliest of the engine's triggers from the real job store, sets the clock to its
 * planned occurrence (never back), and runs what its job runs, which reschedules or
 * removes the trigger as in production, in the scope of the trigger's commune. The
 * triggers of every commune share the one job store, so a multi-commune run fires them
 * all in one time order.
 */
final class EngineHarness {

	private final Scheduler scheduler;

	private final MutableClock clock;

	private final SlotFiring firing;

	private final ItemRelease release;

	private final Broadcast broadcast;

	private final EngineCommunes communes;

	EngineHarness(ApplicationContext context) {
		this.communes = context.getBean(EngineCommunes.class);
		this.scheduler = context.getBean(Scheduler.class);
		this.clock = context.getBean(MutableClock.class);
		this.firing = context.getBean(SlotFiring.class);
		this.release = context.getBean(ItemRelease.class);
		this.broadcast = context.getBean(Broadcast.class);
	}

	/**
	 * Fires every trigger whose occurrence is at or before {@code until}, in time order,
	 * then leaves the clock at {@code until}.
	 * @return how many triggers fired
	 */
	int runUntil(Instant until) throws SchedulerException {
		int fired = 0;
		for (Optional<EngineTriggers.Planned> next = earliest(); next.isPresent()
				&& !next.get().occurrence().isAfter(until); next = earliest()) {
			EngineTriggers.Planned planned = next.get();
			if (planned.occurrence().isAfter(this.clock.instant())) {
				this.clock.set(planned.occurrence());
			}
			fire(planned);
			fired++;
			if (fired > 10_000) {
				throw new IllegalStateException("runaway trigger chain at " + planned);
			}
		}
		if (until.isAfter(this.clock.instant())) {
			this.clock.set(until);
		}
		return fired;
	}

	/**
	 * Runs what the job of a trigger that stands for {@code planned} runs, at the clock's
	 * now, in the scope of the trigger's commune: also for a trigger that is no longer
	 * stored, as Quartz's recovery of a dead node's job runs it with the original
	 * trigger's data.
	 */
	void fire(EngineTriggers.Planned planned) {
		// as the jobs do: in the scope of the trigger's commune
		boolean ran = this.communes.run(planned.commune(), () -> {
			switch (planned.group()) {
				case EngineTriggers.SLOTS -> this.firing.fire(planned.subject(), planned.occurrence());
				case EngineTriggers.RELEASES -> this.release.fire(planned.subject(), planned.occurrence());
				case EngineTriggers.EMERGENCIES -> this.broadcast.emergency(planned.subject(), planned.occurrence());
				default -> throw new IllegalStateException(planned.group());
			}
		});
		if (!ran) {
			throw new IllegalStateException("trigger of a commune that is gone: " + planned);
		}
	}

	/** The engine's trigger planned earliest (then by group and subject). */
	Optional<EngineTriggers.Planned> earliest() throws SchedulerException {
		List<EngineTriggers.Planned> planned = new ArrayList<>();
		for (String group : List.of(EngineTriggers.SLOTS, EngineTriggers.RELEASES, EngineTriggers.EMERGENCIES)) {
			for (TriggerKey key : this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
				Trigger trigger = this.scheduler.getTrigger(key);
				if (trigger != null) {
					planned.add(EngineTriggers.planned(trigger));
				}
			}
		}
		return planned.stream()
			.min(Comparator.comparing(EngineTriggers.Planned::occurrence)
				.thenComparing(EngineTriggers.Planned::group)
				.thenComparing(EngineTriggers.Planned::subject));
	}

}
