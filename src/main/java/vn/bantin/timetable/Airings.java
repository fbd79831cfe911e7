package vn.bantin.timetable;

import java.time.Instant;

import vn.bantin.publishing.Publications;

/**
 * How often items went out so far in a campaign, per target: what the planner needs from
 * history to apply "airs N times" and to rotate themes. Publications planned, due or
 * published count; missed or failed ones do not (they did not go out).
 */
public interface Airings {

	/** How many times the item went out in the campaign to the target. */
	int count(String campaign, String itemId, String target);

	/** How many items went out in the campaign to the target, all items together. */
	int total(String campaign, String target);

	/**
	 * What the publications said before an occurrence at {@code at}: planning it again
	 * after a repeated fire gives the same answer. A snapshot: a plan computed from it
	 * does not change while it is computed.
	 */
	static Airings before(Publications publications, Instant at) {
		return AiringHistory.before(publications, at);
	}

	/** What the publications say now (a snapshot). */
	static Airings of(Publications publications) {
		return AiringHistory.of(publications);
	}

	/** No history: nothing went out yet. */
	static Airings none() {
		return new Airings() {
			@Override
			public int count(String campaign, String itemId, String target) {
				return 0;
			}

			@Override
			public int total(String campaign, String target) {
				return 0;
			}
		};
	}

}
