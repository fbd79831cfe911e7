package vn.bantin.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.quartz.TriggerKey;

import org.springframework.stereotype.Service;

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

	private final EngineCommunes communes;

	private final Clock clock;

	DueReleases(EngineTriggers triggers, ItemRelease release, EngineCommunes communes, Clock clock) {
		this.triggers = triggers;
		this.release = release;
		this.communes = communes;
		this.clock = clock;
	}

	/**
	 * Fires every release trigger whose release time is now or past, in every commune
	 * (each in its own scope), and hands the publications over before this returns.
	 * @return how many items were released
	 */
	public int releaseNow() {
		Instant now = this.clock.instant();
		int released = 0;
		for (TriggerKey key : this.triggers.keysEverywhere(EngineTriggers.RELEASES)) {
			Optional<EngineTriggers.Planned> planned = this.triggers.planned(key);
			if (planned.isPresent() && !planned.get().occurrence().isAfter(now)) {
				EngineTriggers.Planned release = planned.get();
				if (this.communes.run(release.commune(),
						() -> this.release.record(release.subject(), release.occurrence(), now))) {
					released++;
				}
			}
		}
		// one hand-over for them all: one per item would read the due publications
		// again for every item
		this.communes.handOverEverywhere(now);
		return released;
	}

}
