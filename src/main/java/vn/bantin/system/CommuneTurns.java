package vn.bantin.system;

import java.util.Collection;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Whose turn it is, for a worker shared by every commune (mail, radio audio, speech):
 * among the communes with work waiting, the next one by id after the commune served last,
 * round and round. Each commune with work gets a turn before any gets a second one, so a
 * commune with a long queue (a send to 2,000 residents, a folder of recordings) never
 * holds back one with a short queue. One instance per kind of work, shared by its
 * workers.
 */
public final class CommuneTurns {

	private long last = Long.MIN_VALUE;

	/**
	 * The commune whose turn it is among {@code waiting}, taking the turn.
	 * @param waiting the ids of the communes with work waiting
	 * @return empty when nobody waits
	 */
	public Optional<Long> next(Collection<Long> waiting) {
		return next(waiting, (commune) -> true);
	}

	/**
	 * The commune whose turn it is among those of {@code waiting} that may work now
	 * ({@code ready}, e.g. not held by its own rate limit), taking the turn.
	 * @return empty when none of them may work now
	 */
	public synchronized Optional<Long> next(Collection<Long> waiting, LongPredicate ready) {
		Long after = null;
		Long first = null;
		for (Long commune : waiting) {
			if (commune == null || !ready.test(commune)) {
				continue;
			}
			if (commune > this.last && (after == null || commune < after)) {
				after = commune;
			}
			if (first == null || commune < first) {
				first = commune;
			}
		}
		Long chosen = (after != null) ? after : first;
		if (chosen != null) {
			this.last = chosen;
		}
		return Optional.ofNullable(chosen);
	}

}
