package vn.bantin.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

import vn.bantin.timetable.Timetables;

/**
 * Starts the scheduler once this node is ready (its schedule folders loaded, the engine's
 * start-up sweep done), not when the context is refreshed as Spring would.
 *
 * <p>
 * Why: a job runs on whichever node acquires its trigger, and reads that node's
 * timetable. A node still starting has not read its {@code schedules/} files yet, so a
 * slot's trigger fired there would find no slot and be removed as "no longer in the
 * timetable" (and with several nodes any node may be the one that is starting, so the
 * triggers of the whole cluster would be exposed at every start). A trigger that comes
 * due meanwhile fires on a node that is up, or here once ready; the lateness policy
 * decides from the occurrence, not from the fire time.
 *
 * <p>
 * {@code spring.quartz.auto-startup=false} still keeps the scheduler in standby (one-shot
 * commands, tests that fire triggers themselves).
 *
 * <p>
 * A context stopped and started again ({@code stop()}/{@code start()}: Spring's test
 * framework pauses the cached contexts it is not using) puts the scheduler in standby and
 * would not start it again, since the factory no longer starts by itself: this bean's own
 * {@link #start()} does, once the node has been ready (a full build found two tests whose
 * resumed context never fired a trigger).
 */
@Component
class EngineStart implements SchedulerFactoryBeanCustomizer, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EngineStart.class);

	private final boolean autoStartup;

	/**
	 * Whether the node has been ready once: from then on, a start starts the scheduler.
	 */
	private volatile boolean ready;

	private volatile boolean running;

	/** Provided, not injected: this customizes the factory that makes the scheduler. */
	private final ObjectProvider<Scheduler> scheduler;

	EngineStart(QuartzProperties properties, ObjectProvider<Scheduler> scheduler) {
		this.autoStartup = properties.isAutoStartup();
		this.scheduler = scheduler;
	}

	@Override
	public void customize(SchedulerFactoryBean factory) {
		factory.setAutoStartup(false);
	}

	/** After the start-up sweep ({@link Replanning#ready()}). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Timetables.FILES_LOAD_ORDER + 2)
	void ready() throws SchedulerException {
		if (!this.autoStartup) {
			return;
		}
		this.ready = true;
		startScheduler();
	}

	/** Starts the scheduler again when the context is started again after a stop. */
	@Override
	public void start() {
		this.running = true;
		if (this.ready) {
			try {
				startScheduler();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("The scheduler did not start again", ex);
			}
		}
	}

	@Override
	public void stop() {
		// the scheduler factory puts the scheduler in standby itself
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void startScheduler() throws SchedulerException {
		Scheduler own = this.scheduler.getObject();
		// in standby: never started, or put there by a stop of the context
		if (own.isInStandbyMode() && !own.isShutdown()) {
			own.start();
			log.info("Scheduler started on this node ({})", own.getMetaData().getSchedulerInstanceId());
		}
	}

}
