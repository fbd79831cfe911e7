package vn.bantin.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemView;

/**
 * Connects a selection of items (a plan's themes, or items by theme, tag, kind or id) to
 * slots with a rule: between which dates, how many times each item airs and within how
 * long of its release, at most how many items per occurrence, in which order. An item's
 * own release, expiry and channels always bound what a campaign does with it.
 *
 * @param key stable key, unique across all timetables
 * @param name the name people see
 * @param plan the plan whose themes it serves, or {@code null}
 * @param themes theme keys, in rotation order; when {@code plan} is given and no theme
 * is, the plan's themes (the loader fills them in)
 * @param tags tags: an item needs one of them, when any is given
 * @param kinds kinds: an item must be one of them, when any is given
 * @param items item ids taken whatever the other criteria say
 * @param slots keys of the slots it fills, at least one
 * @param from first local date it runs, or {@code null} for no start
 * @param until last local date it runs (inclusive), or {@code null} for no end
 * @param airs how many times each item goes out (per target), or {@code null} for no
 * limit
 * @param within an item goes out only this long after its release, or {@code null} for no
 * limit (e.g. 7 days: "three mornings in its first week")
 * @param perSlot at most this many of its items per occurrence, or {@code null} for no
 * limit
 * @param order the order of its items after priority
 * @param source the file it is defined in (relative to {@code schedules/}), or
 * {@code null} when kept in the database
 */
public record Campaign(String key, String name, String plan, List<String> themes, Set<String> tags, Set<ItemKind> kinds,
		Set<String> items, List<String> slots, LocalDate from, LocalDate until, Integer airs, Duration within,
		Integer perSlot, CampaignOrder order, String source) {

	public Campaign {
		Objects.requireNonNull(key, "key");
		name = (name == null || name.isBlank()) ? key : name;
		themes = (themes != null) ? List.copyOf(themes) : List.of();
		tags = (tags != null) ? Set.copyOf(tags) : Set.of();
		kinds = (kinds != null) ? Set.copyOf(kinds) : Set.of();
		items = (items != null) ? Set.copyOf(items) : Set.of();
		slots = (slots != null) ? List.copyOf(slots) : List.of();
		order = (order != null) ? order : CampaignOrder.OLDEST;
	}

	/**
	 * Whether the item is in this campaign's selection: named by id, or matching every
	 * criterion given (one of the themes, one of the tags, one of the kinds). With no
	 * criterion at all, every item is.
	 */
	public boolean selects(ItemView item) {
		if (this.items.contains(item.id())) {
			return true;
		}
		boolean anyCriterion = !this.themes.isEmpty() || !this.tags.isEmpty() || !this.kinds.isEmpty();
		if (!anyCriterion) {
			return this.items.isEmpty();
		}
		return (this.themes.isEmpty() || this.themes.stream().anyMatch(item.themes()::contains))
				&& (this.tags.isEmpty() || this.tags.stream().anyMatch(item.tags()::contains))
				&& (this.kinds.isEmpty() || this.kinds.contains(item.kind()));
	}

	/** Whether it runs on this local date. */
	public boolean runsOn(LocalDate date) {
		return (this.from == null || !date.isBefore(this.from)) && (this.until == null || !date.isAfter(this.until));
	}

	/** Whether it is kept in a file (read-only in the admin UI). */
	public boolean fromFile() {
		return this.source != null;
	}

}
