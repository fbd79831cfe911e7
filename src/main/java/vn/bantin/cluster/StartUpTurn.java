package vn.bantin.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes started at the same moment take turns for the data phase of their start: from the
 * application having started (before the runners: the commune's identity, the first
 * administrator, the sample subscribers, the content folders) until it is ready (after
 * the schedule folders and the engine's start-up sweep). The first node in does that work
 * on an empty database; the next finds it done and stores nothing twice.
 *
 * <p>
 * Why one turn for the whole phase rather than a guard in each step: the steps belong to
 * many modules, each written for one node ("insert the row if it is missing"), and each
 * would race with its twin on the other node into a unique-key failure that stops the
 * start. Migrations need no turn: Flyway takes its own lock on PostgreSQL, so one node
 * migrates and the others wait for it before they get here.
 *
 * <p>
 * A node that dies during its turn loses its database session, which releases the turn at
 * once ({@link ClusterLocks}). Work that runs on nodes already up (content watchers, a
 * timetable changed in the admin UI, the scheduler's jobs) does not take the turn; it
 * takes its own finer locks, so a start never waits for it long, nor it for a start.
 */
@Component
class StartUpTurn {

	static final String NAME = "start-up";

	private static final Logger log = LoggerFactory.getLogger(StartUpTurn.class);

	private final ClusterLocks locks;

	private ClusterLocks.Held held;

	StartUpTurn(ClusterLocks locks) {
		this.locks = locks;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	synchronized void take() {
		if (this.held == null) {
			long started = System.nanoTime();
			this.held = this.locks.hold(NAME);
			long waited = (System.nanoTime() - started) / 1_000_000;
			if (waited >= 1000) {
				log.info("Waited {} ms for another node to finish starting", waited);
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void ready() {
		release();
	}

	@EventListener({ ApplicationFailedEvent.class, ContextClosedEvent.class })
	void failedOrClosed() {
		release();
	}

	private synchronized void release() {
		if (this.held != null) {
			ClusterLocks.Held releasing = this.held;
			this.held = null;
			releasing.close();
		}
	}

}
