package vn.bantin.timetable;

import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import vn.bantin.account.Role;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;
import vn.bantin.content.PlanCatalog;
import vn.bantin.system.BantinProperties;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The timetables in the admin UI: every slot and campaign in force with its source, when
 * it occurs in words and its next occurrences, the problems of the timetables; and forms
 * to create, change and delete the slots and campaigns kept in the database. Those kept
 * in {@code schedules/} are shown read-only, and refused if changed by URL. Works without
 * JavaScript.
 */
@Controller
@RequestMapping("/admin/timetables")
class TimetableAdminController {

	private static final int NEXT_OCCURRENCES = 3;

	private final Timetables timetables;

	private final StoredTimetables stored;

	private final TimetableWords words;

	private final PlanCatalog plans;

	private final Clock clock;

	private final BantinProperties properties;

	TimetableAdminController(Timetables timetables, StoredTimetables stored, TimetableWords words, PlanCatalog plans,
			Clock clock, BantinProperties properties) {
		this.timetables = timetables;
		this.stored = stored;
		this.words = words;
		this.plans = plans;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String list(Model model, Locale locale) {
		Timetable current = this.timetables.current();
		Instant now = this.clock.instant();
		List<SlotRow> slots = current.slots()
			.stream()
			.map((slot) -> new SlotRow(slot, this.words.slot(slot, locale), next(slot, now)))
			.toList();
		List<CampaignRow> campaigns = current.campaigns()
			.stream()
			.map((campaign) -> new CampaignRow(campaign, this.words.campaign(campaign, locale)))
			.toList();
		model.addAttribute("slots", slots);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("problems", this.timetables.problems());
		return "admin/timetables/list";
	}

	@GetMapping("/slots/new")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String newSlot(Model model) {
		model.addAttribute("form", SlotForm.blank());
		return slotForm(model, null);
	}

	@PostMapping("/slots")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String createSlot(@ModelAttribute("form") SlotForm form, BindingResult errors, Principal principal, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			// a value that could not even be bound (e.g. an unknown channel)
			return slotForm(model, null);
		}
		try {
			this.stored.createSlot(form, principal.getName());
			redirect.addFlashAttribute("notice", "timetable.slot.created");
			return "redirect:/admin/timetables";
		}
		catch (TimetableFormRefused refused) {
			reject(refused, errors);
			return slotForm(model, null);
		}
	}

	@GetMapping("/slots/{key}/edit")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String editSlot(@PathVariable String key, Model model, HttpServletResponse response) {
		return refusing(model, response, () -> {
			refuseFileSlot(key);
			StoredTimetables.Stored<SlotForm> slot = this.stored.slot(key).orElseThrow(() -> unknown(key));
			model.addAttribute("form", slot.form());
			model.addAttribute("stored", slot);
			return slotForm(model, key);
		});
	}

	@PostMapping("/slots/{key}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String updateSlot(@PathVariable String key, @ModelAttribute("form") SlotForm form, BindingResult errors,
			Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Locale locale) {
		if (errors.hasErrors()) {
			// a value that could not even be bound (e.g. an unknown channel)
			return slotForm(model, key);
		}
		try {
			this.stored.updateSlot(key, form, principal.getName());
			redirect.addFlashAttribute("notice", "timetable.slot.saved");
			return "redirect:/admin/timetables";
		}
		catch (TimetableFormRefused refused) {
			reject(refused, errors);
			return slotForm(model, key);
		}
		catch (TimetableChangeRefused | ObjectOptimisticLockingFailureException conflict) {
			if (conflict instanceof TimetableChangeRefused refused
					&& refused.reason() != TimetableChangeRefused.Reason.CONFLICT) {
				return refused(refused, model, response);
			}
			StoredTimetables.Stored<SlotForm> newer = this.stored.slot(key).orElseThrow(() -> unknown(key));
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("form", form.withVersion(newer.form().version()));
			model.addAttribute("conflict", newer);
			model.addAttribute("newer", newerWords(newer.form(), locale));
			return slotForm(model, key);
		}
	}

	@GetMapping("/slots/{key}/delete")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String confirmSlotDeletion(@PathVariable String key, Model model, HttpServletResponse response) {
		return refusing(model, response, () -> {
			refuseFileSlot(key);
			StoredTimetables.Stored<SlotForm> slot = this.stored.slot(key).orElseThrow(() -> unknown(key));
			return confirmDeletion(model, "slot", key, slot.form().name(), slot.form().version());
		});
	}

	@PostMapping("/slots/{key}/delete")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String deleteSlot(@PathVariable String key, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return refusing(model, response, () -> {
			this.stored.deleteSlot(key, version);
			redirect.addFlashAttribute("notice", "timetable.slot.deleted");
			return "redirect:/admin/timetables";
		});
	}

	@GetMapping("/campaigns/new")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String newCampaign(Model model) {
		model.addAttribute("form", CampaignForm.blank());
		return campaignForm(model, null);
	}

	@PostMapping("/campaigns")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String createCampaign(@ModelAttribute("form") CampaignForm form, BindingResult errors, Principal principal,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			// a value that could not even be bound (e.g. an unknown channel)
			return campaignForm(model, null);
		}
		try {
			this.stored.createCampaign(form, principal.getName());
			redirect.addFlashAttribute("notice", "timetable.campaign.created");
			return "redirect:/admin/timetables";
		}
		catch (TimetableFormRefused refused) {
			reject(refused, errors);
			return campaignForm(model, null);
		}
	}

	@GetMapping("/campaigns/{key}/edit")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String editCampaign(@PathVariable String key, Model model, HttpServletResponse response) {
		return refusing(model, response, () -> {
			refuseFileCampaign(key);
			StoredTimetables.Stored<CampaignForm> campaign = this.stored.campaign(key).orElseThrow(() -> unknown(key));
			model.addAttribute("form", campaign.form());
			model.addAttribute("stored", campaign);
			return campaignForm(model, key);
		});
	}

	@PostMapping("/campaigns/{key}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String updateCampaign(@PathVariable String key, @ModelAttribute("form") CampaignForm form, BindingResult errors,
			Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Locale locale) {
		if (errors.hasErrors()) {
			// a value that could not even be bound (e.g. an unknown channel)
			return campaignForm(model, key);
		}
		try {
			this.stored.updateCampaign(key, form, principal.getName());
			redirect.addFlashAttribute("notice", "timetable.campaign.saved");
			return "redirect:/admin/timetables";
		}
		catch (TimetableFormRefused refused) {
			reject(refused, errors);
			return campaignForm(model, key);
		}
		catch (TimetableChangeRefused | ObjectOptimisticLockingFailureException conflict) {
			if (conflict instanceof TimetableChangeRefused refused
					&& refused.reason() != TimetableChangeRefused.Reason.CONFLICT) {
				return refused(refused, model, response);
			}
			StoredTimetables.Stored<CampaignForm> newer = this.stored.campaign(key).orElseThrow(() -> unknown(key));
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("form", form.withVersion(newer.form().version()));
			model.addAttribute("conflict", newer);
			model.addAttribute("newer", newerWords(newer.form(), locale));
			return campaignForm(model, key);
		}
	}

	@GetMapping("/campaigns/{key}/delete")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String confirmCampaignDeletion(@PathVariable String key, Model model, HttpServletResponse response) {
		return refusing(model, response, () -> {
			refuseFileCampaign(key);
			StoredTimetables.Stored<CampaignForm> campaign = this.stored.campaign(key).orElseThrow(() -> unknown(key));
			return confirmDeletion(model, "campaign", key, campaign.form().name(), campaign.form().version());
		});
	}

	@PostMapping("/campaigns/{key}/delete")
	@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
	String deleteCampaign(@PathVariable String key, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return refusing(model, response, () -> {
			this.stored.deleteCampaign(key, version);
			redirect.addFlashAttribute("notice", "timetable.campaign.deleted");
			return "redirect:/admin/timetables";
		});
	}

	/** Does {@code action}, or shows why it cannot be done. */
	private String refusing(Model model, HttpServletResponse response, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (TimetableChangeRefused refused) {
			return refused(refused, model, response);
		}
	}

	/**
	 * A change that cannot be made: a file-managed entry (409), an unknown one (404), one
	 * still in use or changed by someone else in the meantime (409); the page says why.
	 * (Not an exception handler: those get an empty model, without the layout's.)
	 */
	private String refused(TimetableChangeRefused refused, Model model, HttpServletResponse response) {
		response.setStatus((refused.reason() == TimetableChangeRefused.Reason.UNKNOWN)
				? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_CONFLICT);
		model.addAttribute("messageKey", refused.messageKey());
		model.addAttribute("args", refused.args());
		return "admin/timetables/refused";
	}

	private String confirmDeletion(Model model, String kind, String key, String name, Long version) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("name", name);
		model.addAttribute("version", version);
		model.addAttribute("action", "/admin/timetables/" + kind + "s/" + key + "/delete");
		return "admin/timetables/delete";
	}

	private String slotForm(Model model, String key) {
		Timetable current = this.timetables.current();
		model.addAttribute("key", key);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("slotKinds", SlotKind.values());
		model.addAttribute("weekDays", DayOfWeek.values());
		model.addAttribute("zones", current.zones());
		model.addAttribute("lists", current.lists());
		return "admin/timetables/slot";
	}

	private String campaignForm(Model model, String key) {
		model.addAttribute("key", key);
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("themes", this.plans.themes());
		model.addAttribute("itemKinds", ItemKind.values());
		model.addAttribute("slotChoices", this.timetables.current().slots());
		model.addAttribute("orders", CampaignOrder.values());
		return "admin/timetables/campaign";
	}

	private static void reject(TimetableFormRefused refused, BindingResult errors) {
		for (TimetableFormRefused.FieldError error : refused.errors()) {
			errors.rejectValue(error.field(), error.code(), error.args(), error.code());
		}
	}

	private void refuseFileSlot(String key) {
		Optional<Slot> slot = this.timetables.current().slot(key).filter(Slot::fromFile);
		if (slot.isPresent()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.READ_ONLY, "timetable.error.read-only", key,
					slot.get().source());
		}
	}

	private void refuseFileCampaign(String key) {
		Optional<Campaign> campaign = this.timetables.current().campaign(key).filter(Campaign::fromFile);
		if (campaign.isPresent()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.READ_ONLY, "timetable.error.read-only", key,
					campaign.get().source());
		}
	}

	private static TimetableChangeRefused unknown(String key) {
		return new TimetableChangeRefused(TimetableChangeRefused.Reason.UNKNOWN, "timetable.error.unknown", key);
	}

	private String newerWords(SlotForm newer, Locale locale) {
		try {
			return this.words.slot(newer.slot(), locale);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private String newerWords(CampaignForm newer, Locale locale) {
		try {
			Campaign campaign = newer.campaign();
			return String.join(", ", campaign.slots()) + ": " + this.words.campaign(campaign, locale);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** The next few occurrences of a slot, on the commune's wall clock. */
	private List<ZonedDateTime> next(Slot slot, Instant now) {
		List<ZonedDateTime> next = new ArrayList<>();
		if (slot.recurrence() == null) {
			return next;
		}
		Instant after = now;
		for (int i = 0; i < NEXT_OCCURRENCES; i++) {
			Optional<ZonedDateTime> occurrence = slot.recurrence().next(after, this.properties.zone());
			if (occurrence.isEmpty()) {
				break;
			}
			next.add(occurrence.get());
			after = occurrence.get().toInstant();
		}
		return next;
	}

	/**
	 * A slot in the list.
	 *
	 * @param slot the slot
	 * @param when when it occurs, in words
	 * @param next its next occurrences in the commune's zone
	 */
	record SlotRow(Slot slot, String when, List<ZonedDateTime> next) {
	}

	/**
	 * A campaign in the list.
	 *
	 * @param campaign the campaign
	 * @param rule how it airs its items, in words
	 */
	record CampaignRow(Campaign campaign, String rule) {
	}

}
