package vn.bantin.timetable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.bantin.publishing.Publications;

/**
 * {@link Airings} read from the recorded publications at one moment: a snapshot, so a
 * plan computed from it does not change while it is computed.
 */
final class AiringHistory implements Airings {

	private final Map<String, Integer> perItem = new HashMap<>();

	private final Map<String, Integer> perCampaign = new HashMap<>();

	private AiringHistory(List<Publications.Airing> airings) {
		for (Publications.Airing airing : airings) {
			int count = Math.toIntExact(airing.count());
			this.perItem.merge(key(airing.campaign(), airing.itemId(), airing.target()), count, Integer::sum);
			this.perCampaign.merge(key(airing.campaign(), airing.target()), count, Integer::sum);
		}
	}

	/**
	 * What the publications said before an occurrence at {@code at}: planning it again
	 * after a repeated fire gives the same answer.
	 */
	static AiringHistory before(Publications publications, java.time.Instant at) {
		return new AiringHistory(publications.airingsBefore(at));
	}

	/** What the publications say now. */
	static AiringHistory of(Publications publications) {
		return new AiringHistory(publications.airings());
	}

	@Override
	public int count(String campaign, String itemId, String target) {
		return this.perItem.getOrDefault(key(campaign, itemId, target), 0);
	}

	@Override
	public int total(String campaign, String target) {
		return this.perCampaign.getOrDefault(key(campaign, target), 0);
	}

	private static String key(String... parts) {
		return String.join("\u0000", parts);
	}

}
