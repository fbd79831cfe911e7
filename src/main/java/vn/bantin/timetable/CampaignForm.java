package vn.bantin.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.bantin.content.ItemKind;
import vn.bantin.text.VietnameseText;

/**
 * The campaign form of the admin UI, as a browser sends it: what a {@link Campaign}
 * holds, with check boxes for themes, kinds and slots and text fields for the rest (tags
 * and item ids separated by commas, dates {@code 2026-01-31}, "within" {@code 7d}). The
 * same words are the canonical text stored in the database ({@link #fields()}).
 *
 * @param version the version of the stored entry the user started from, {@code null} for
 * a new campaign
 */
record CampaignForm(String key, String name, String plan, List<String> themes, String tags, Set<ItemKind> kinds,
		String items, List<String> slots, String from, String until, String airs, String within, String perSlot,
		CampaignOrder order, Long version) {

	/** A form for a new campaign. */
	static CampaignForm blank() {
		return new CampaignForm("", "", "", List.of(), "", EnumSet.noneOf(ItemKind.class), "", List.of(), "", "", "",
				"", "", CampaignOrder.OLDEST, null);
	}

	/** The form showing a campaign as it is. */
	static CampaignForm of(Campaign campaign, Long version) {
		return new CampaignForm(campaign.key(), campaign.name(), TimetableForm.text(campaign.plan()),
				List.copyOf(campaign.themes()), String.join(", ", campaign.tags().stream().sorted().toList()),
				campaign.kinds().isEmpty() ? EnumSet.noneOf(ItemKind.class) : EnumSet.copyOf(campaign.kinds()),
				String.join(", ", campaign.items().stream().sorted().toList()), List.copyOf(campaign.slots()),
				TimetableForm.text(campaign.from()), TimetableForm.text(campaign.until()),
				TimetableForm.text(campaign.airs()), TimetableForm.duration(campaign.within()),
				TimetableForm.text(campaign.perSlot()), campaign.order(), version);
	}

	/** The same form with another version (after a conflict, to save over the newer). */
	CampaignForm withVersion(Long version) {
		return new CampaignForm(this.key, this.name, this.plan, this.themes, this.tags, this.kinds, this.items,
				this.slots, this.from, this.until, this.airs, this.within, this.perSlot, this.order, version);
	}

	/**
	 * The campaign this form describes, kept in the database (no source file). Checks the
	 * text of every field; references to plans, themes, items and slots are checked by
	 * {@link StoredTimetables}.
	 * @throws TimetableFormRefused naming every field at fault
	 */
	Campaign campaign() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		String key = TimetableForm.key(this.key, errors);
		List<String> slots = clean(this.slots);
		if (slots.isEmpty()) {
			errors.reject("slots", "timetable.error.slots-required");
		}
		LocalDate from = TimetableForm.date(this.from, "from", errors);
		LocalDate until = TimetableForm.date(this.until, "until", errors);
		if (from != null && until != null && until.isBefore(from)) {
			errors.reject("until", "timetable.error.until-before-from", this.until.strip(), this.from.strip());
		}
		Integer airs = TimetableForm.number(this.airs, 1, "airs", errors);
		Duration within = TimetableForm.duration(this.within, "within", errors);
		if (within != null && within.isZero()) {
			errors.reject("within", "timetable.error.duration", this.within.strip());
		}
		Integer perSlot = TimetableForm.number(this.perSlot, 1, "perSlot", errors);
		List<String> tags = new ArrayList<>();
		for (String tag : TimetableForm.words(this.tags)) {
			String slug = VietnameseText.slug(tag);
			if (slug.isEmpty()) {
				errors.reject("tags", "timetable.error.tag", tag);
			}
			else if (!tags.contains(slug)) {
				tags.add(slug);
			}
		}
		errors.check();
		return new Campaign(key, TimetableForm.strip(this.name), TimetableForm.strip(this.plan), clean(this.themes),
				Set.copyOf(tags), (this.kinds != null) ? this.kinds : Set.of(),
				Set.copyOf(TimetableForm.words(this.items)), slots, from, until, airs, within, perSlot, this.order,
				null);
	}

	/** The canonical text of every field but the key, for {@link TimetableText}. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", TimetableForm.text(this.name));
		fields.put("plan", TimetableForm.text(this.plan));
		fields.put("themes", String.join(", ", clean(this.themes)));
		fields.put("tags", TimetableForm.text(this.tags));
		fields.put("kinds", TimetableForm.names(this.kinds));
		fields.put("items", TimetableForm.text(this.items));
		fields.put("slots", String.join(", ", clean(this.slots)));
		fields.put("from", TimetableForm.text(this.from));
		fields.put("until", TimetableForm.text(this.until));
		fields.put("airs", TimetableForm.text(this.airs));
		fields.put("within", TimetableForm.text(this.within));
		fields.put("per-slot", TimetableForm.text(this.perSlot));
		fields.put("order", TimetableForm.text(this.order));
		return fields;
	}

	/** The form a stored entry's canonical text describes. */
	static CampaignForm read(String key, Map<String, String> fields, Long version) {
		Set<ItemKind> kinds = TimetableForm.constants(ItemKind.class, fields.get("kinds"));
		String order = fields.getOrDefault("order", "");
		return new CampaignForm(key, fields.get("name"), fields.get("plan"), TimetableForm.words(fields.get("themes")),
				fields.get("tags"), kinds, fields.get("items"), TimetableForm.words(fields.get("slots")),
				fields.get("from"), fields.get("until"), fields.get("airs"), fields.get("within"),
				fields.get("per-slot"), order.isEmpty() ? null : CampaignOrder.valueOf(order), version);
	}

	private static List<String> clean(List<String> values) {
		return (values != null) ? values.stream()
			.filter((value) -> value != null && !value.isBlank())
			.map(String::strip)
			.distinct()
			.toList() : List.of();
	}

}
