package vn.bantin.timetable;

import java.util.List;
import java.util.Optional;

/**
 * Everything the scheduler follows, merged from every file in {@code schedules/} and the
 * timetables kept in the database: the speaker zones and email lists slots refer to, the
 * slots, and the campaigns that fill them. Keys are unique across the whole timetable.
 *
 * @param zones speaker zones (clusters of loudspeakers, usually one per village)
 * @param lists email lists
 * @param slots the slots, in the order they were read
 * @param campaigns the campaigns, in the order they were read (an item two campaigns
 * select on one slot belongs to the first)
 */
public record Timetable(List<Zone> zones, List<MailingList> lists, List<Slot> slots, List<Campaign> campaigns) {

	public Timetable {
		zones = (zones != null) ? List.copyOf(zones) : List.of();
		lists = (lists != null) ? List.copyOf(lists) : List.of();
		slots = (slots != null) ? List.copyOf(slots) : List.of();
		campaigns = (campaigns != null) ? List.copyOf(campaigns) : List.of();
	}

	/** A timetable with nothing in it. */
	public static Timetable empty() {
		return new Timetable(null, null, null, null);
	}

	/** The slot with this key. */
	public Optional<Slot> slot(String key) {
		return this.slots.stream().filter((slot) -> slot.key().equals(key)).findFirst();
	}

	/** The campaign with this key. */
	public Optional<Campaign> campaign(String key) {
		return this.campaigns.stream().filter((campaign) -> campaign.key().equals(key)).findFirst();
	}

	/**
	 * The names of these email lists, in the keys' order; a key no list has stands for
	 * itself (a list removed from the timetables since).
	 */
	public List<String> listNames(java.util.Collection<String> keys) {
		return keys.stream()
			.map((key) -> this.lists.stream()
				.filter((list) -> list.key().equals(key))
				.map(MailingList::name)
				.findFirst()
				.orElse(key))
			.toList();
	}

	/** The campaigns that fill a slot, in timetable order. */
	public List<Campaign> campaignsOf(String slotKey) {
		return this.campaigns.stream().filter((campaign) -> campaign.slots().contains(slotKey)).toList();
	}

	/**
	 * A speaker zone.
	 *
	 * @param key stable key, as items' {@code zones} use it
	 * @param name the name people see, e.g. {@code Thôn Trung Hải}
	 * @param source the file it is defined in, or {@code null}
	 */
	public record Zone(String key, String name, String source) {
	}

	/**
	 * An email list.
	 *
	 * @param key stable key
	 * @param name the name people see, e.g. {@code Cán bộ, công chức xã}
	 * @param description what it is for, or {@code null}
	 * @param open whether residents may sign up themselves (public) or only staff add
	 * addresses (internal)
	 * @param source the file it is defined in, or {@code null}
	 */
	public record MailingList(String key, String name, String description, boolean open, String source) {
	}

}
