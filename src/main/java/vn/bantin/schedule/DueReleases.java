package vn.bantin.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.quartz.TriggerKey;

import org.springframework.stereotype.Service;

import vn.bantin.publishing.Handover;

/**
 * Releases, on the caller's thread, every item whose release time has come: what the
 * scheduler's release triggers would do a moment later on its own threads. A one-shot run
 * that must read the site only once everything due is on it (the static export) starts
 * the application with the scheduler paused and calls {@link #releaseNow()}: the outcome
 * no longer depends on how fast Quartz fires. Recording a publication is idempotent, so a
 * trigger that fires as well records nothing twice.
 */
@Service
public class DueReleases {

	private final EngineTriggers triggers;

	private final ItemRelease release;

	private final Handover handover;

	private final Clock clock;

	DueReleases(EngineTriggers triggers, ItemRelease release, Handover handover, Clock clock) {
		this.triggers = triggers;
		this.release = release;
		this.handover = handover;
		this.clock = clock;
	}

	/**
	 * Fires every release trigger whose release time is now or past, and hands the
	 * publications over before this returns.
	 * @return how many items were released
	 */
	public int releaseNow() {
		Instant now = this.clock.instant();
		int released = 0;
		for (TriggerKey key : this.triggers.keys(EngineTriggers.RELEASES)) {
			String itemId = key.getName().substring(EngineTriggers.key(EngineTriggers.RELEASES, "").getName().length());
			Optional<EngineTriggers.Planned> planned = this.triggers.planned(EngineTriggers.RELEASES, itemId);
			if (planned.isPresent() && !planned.get().occurrence().isAfter(now)) {
				this.release.record(itemId, planned.get().occurrence(), now);
				released++;
			}
		}
		// one hand-over for them all: one per item would read the due publications
		// again for every item
		this.handover.run(now);
		return released;
	}

}
