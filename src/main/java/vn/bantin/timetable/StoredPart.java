package vn.bantin.timetable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;

/**
 * Reads the entries kept in the database back into the part
 * {@value StoredTimetables#SOURCE} of {@link Timetables}, with the problems of each entry
 * located by the admin page where it is edited.
 *
 * <p>
 * Kept apart from {@link StoredTimetables}, which changes entries (and checks a change
 * before it is stored): this only reads what is stored, at start-up, after each change
 * and when another source changed what the entries refer to.
 */
final class StoredPart {

	private static final Log logger = LogFactory.getLog(StoredPart.class);

	private StoredPart() {
	}

	/**
	 * The part the stored entries make, checked against the timetable in force; an entry
	 * that no longer reads is left out and reported, one that refers to something missing
	 * is kept and reported.
	 */
	static Timetable read(List<TimetableEntry> entries, Timetable current, PlanCatalog plans,
			List<ScheduleProblem> problems) {
		List<Slot> slots = new ArrayList<>();
		List<Campaign> campaigns = new ArrayList<>();
		List<Timetable.MailingList> storedLists = new ArrayList<>();
		for (TimetableEntry entry : entries) {
			String where = where(entry.kind(), entry.key());
			try {
				if (entry.kind() == TimetableEntry.Kind.SLOT) {
					Slot slot = SlotForm.read(entry.key(), TimetableText.read(entry.definition()), entry.version())
						.slot();
					slots.add(slot);
				}
				else if (entry.kind() == TimetableEntry.Kind.LIST) {
					storedLists.add(
							ListForm.read(entry.key(), TimetableText.read(entry.definition()), entry.version()).list());
				}
				else {
					Campaign campaign = CampaignForm
						.read(entry.key(), TimetableText.read(entry.definition()), entry.version())
						.campaign();
					campaigns.add(withPlanThemes(campaign, plans));
				}
			}
			catch (TimetableFormRefused ex) {
				problems.add(new ScheduleProblem(where, 0, 0, "cannot be read: " + ex.getMessage(), false));
			}
			catch (RuntimeException ex) {
				logger.warn("Stored timetable entry " + where + " cannot be read", ex);
				problems.add(new ScheduleProblem(where, 0, 0, "cannot be read: " + ex.getMessage(), false));
			}
		}
		Set<String> zones = new HashSet<>(current.zones().stream().map(Timetable.Zone::key).toList());
		Set<String> lists = new HashSet<>(current.lists().stream().map(Timetable.MailingList::key).toList());
		storedLists.forEach((list) -> lists.add(list.key()));
		for (Timetable.MailingList list : storedLists) {
			current.lists()
				.stream()
				.filter((known) -> known.key().equals(list.key()) && known.source() != null)
				.findFirst()
				.ifPresent((file) -> problems.add(new ScheduleProblem(where(TimetableEntry.Kind.LIST, list.key()), 0, 0,
						"key '" + list.key() + "' is also defined in " + file.source(), false)));
		}
		Set<String> slotKeys = new HashSet<>(current.slots().stream().map(Slot::key).toList());
		slots.forEach((slot) -> slotKeys.add(slot.key()));
		for (Slot slot : slots) {
			slot.zones()
				.stream()
				.sorted()
				.filter((zone) -> !zones.contains(zone))
				.forEach((zone) -> problems.add(new ScheduleProblem(where(TimetableEntry.Kind.SLOT, slot.key()), 0, 0,
						"unknown zone '" + zone + "'", false)));
			if (slot.list() != null && !lists.contains(slot.list())) {
				problems.add(new ScheduleProblem(where(TimetableEntry.Kind.SLOT, slot.key()), 0, 0,
						"unknown list '" + slot.list() + "'", false));
			}
			current.slot(slot.key())
				.filter(Slot::fromFile)
				.ifPresent((file) -> problems.add(new ScheduleProblem(where(TimetableEntry.Kind.SLOT, slot.key()), 0, 0,
						"key '" + slot.key() + "' is also defined in " + file.source(), false)));
		}
		for (Campaign campaign : campaigns) {
			campaign.slots()
				.stream()
				.filter((slot) -> !slotKeys.contains(slot))
				.forEach((slot) -> problems.add(new ScheduleProblem(where(TimetableEntry.Kind.CAMPAIGN, campaign.key()),
						0, 0, "unknown slot '" + slot + "'", false)));
			current.campaign(campaign.key())
				.filter(Campaign::fromFile)
				.ifPresent(
						(file) -> problems.add(new ScheduleProblem(where(TimetableEntry.Kind.CAMPAIGN, campaign.key()),
								0, 0, "key '" + campaign.key() + "' is also defined in " + file.source(), false)));
		}
		return new Timetable(List.of(), storedLists, slots, campaigns);
	}

	/** A campaign of a plan and no theme serves all the plan's themes. */
	private static Campaign withPlanThemes(Campaign campaign, PlanCatalog plans) {
		if (campaign.plan() == null || !campaign.themes().isEmpty()) {
			return campaign;
		}
		List<String> themes = plans.plan(campaign.plan())
			.map((plan) -> plan.themes().stream().map(PlanView.Theme::key).toList())
			.orElse(List.of());
		return new Campaign(campaign.key(), campaign.name(), campaign.plan(), themes, campaign.tags(), campaign.kinds(),
				campaign.items(), campaign.slots(), campaign.from(), campaign.until(), campaign.airs(),
				campaign.within(), campaign.perSlot(), campaign.order(), null);
	}

	/** How problems of stored entries name them: the page where they are edited. */
	private static String where(TimetableEntry.Kind kind, String key) {
		if (kind == TimetableEntry.Kind.LIST) {
			return "admin/lists/" + key;
		}
		return "admin/timetables/" + ((kind == TimetableEntry.Kind.SLOT) ? "slots/" : "campaigns/") + key;
	}

}
