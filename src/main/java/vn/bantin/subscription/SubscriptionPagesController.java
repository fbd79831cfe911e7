package vn.bantin.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;
import vn.bantin.subscription.LinkTokens.Checked;
import vn.bantin.subscription.LinkTokens.Purpose;
import vn.bantin.subscription.SignUps.SignUp;

/**
 * The residents' pages of email lists: sign up (double opt-in), confirm, the preference
 * page (and the form that mails a link to it) and one-click unsubscribe. No sign-in, no
 * session, no JavaScript: the signed token in the link is the credential (see
 * {@code SecurityConfiguration}), and each token opens only its own page: an unsubscribe
 * token leaves one list and leads nowhere else.
 *
 * <p>
 * Links in mails are followed by mail scanners, so no GET changes anything: confirming,
 * saving preferences and leaving are POSTs behind a button. {@code POST /unsubscribe} is
 * RFC 8058 one-click: it acts at once and answers 200 with a short page, never a
 * redirect.
 */
@Controller
class SubscriptionPagesController {

	/** The hidden field that people never fill and form-filling bots do. */
	static final String HONEYPOT = "website";

	private final SignUps signUps;

	private final Preferences preferences;

	private final LinkTokens tokens;

	private final PreferenceLinks preferenceLinks;

	private final SignUpThrottle throttle;

	private final Timetables timetables;

	private final SubscriptionSettings settings;

	SubscriptionPagesController(SignUps signUps, Preferences preferences, LinkTokens tokens,
			PreferenceLinks preferenceLinks, SignUpThrottle throttle, Timetables timetables,
			SubscriptionSettings settings) {
		this.signUps = signUps;
		this.preferences = preferences;
		this.tokens = tokens;
		this.preferenceLinks = preferenceLinks;
		this.throttle = throttle;
		this.timetables = timetables;
		this.settings = settings;
	}

	@GetMapping("/subscribe")
	String form(Model model) {
		return form(model, "", "", "", Set.of(), Map.of());
	}

	@PostMapping("/subscribe")
	String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String village, @RequestParam(required = false) List<String> lists,
			@RequestParam(name = HONEYPOT, defaultValue = "") String honeypot, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String address = SignUps.clean(email);
		Set<String> chosen = (lists != null) ? new TreeSet<>(lists) : new TreeSet<>();
		if (!honeypot.isEmpty()) {
			// a bot: answer as if it worked, store and send nothing
			return "subscription/check-inbox";
		}
		if (!this.throttle.allow(request.getRemoteAddr(), (AddressCheck.valid(address) != null) ? address : null)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "subscription/throttled";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (address == null) {
			errors.put("email", "subscribe.error.email-missing");
		}
		else if (AddressCheck.valid(address) == null) {
			errors.put("email", "subscribe.error.email");
		}
		Set<String> open = openLists().stream().map(Timetable.MailingList::key).collect(Collectors.toSet());
		if (chosen.isEmpty()) {
			errors.put("lists", "subscribe.error.lists-missing");
		}
		else if (!open.containsAll(chosen)) {
			errors.put("lists", "subscribe.error.lists-unknown");
		}
		String cleanName = SignUps.clean(name);
		String cleanVillage = SignUps.clean(village);
		if (cleanName != null && cleanName.length() > 200) {
			errors.put("name", "subscribe.error.too-long");
		}
		if (cleanVillage != null && cleanVillage.length() > 200) {
			errors.put("village", "subscribe.error.too-long");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, email, name, village, chosen, errors);
		}
		SignUp result = this.signUps.signUp(address, cleanName, cleanVillage, chosen, SignUps.SIGN_UP_FORM, false);
		if (result.result() == SignUp.Result.CONFIRMATION_NOT_SENT) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return "subscription/not-sent";
		}
		// the same answer whether the address was new, pending or known
		return "subscription/check-inbox";
	}

	@GetMapping("/subscribe/confirm")
	String confirmPage(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		Checked checked = this.tokens.check(token, Purpose.CONFIRM);
		if (!checked.genuine()) {
			return refused(checked, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("lists", names(MailLinks.split(checked.token().orElseThrow().lists())));
		return "subscription/confirm";
	}

	@PostMapping("/subscribe/confirm")
	String confirm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		Checked checked = this.tokens.check(token, Purpose.CONFIRM);
		if (!checked.genuine()) {
			return refused(checked, response);
		}
		LinkTokens.Token confirmed = checked.token().orElseThrow();
		if (!this.signUps.confirm(confirmed.subscriberId(), MailLinks.split(confirmed.lists()))) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("expired", true);
			return "subscription/invalid";
		}
		return "subscription/confirmed";
	}

	/**
	 * Without a token: the form where a person asks for a link to their choices by mail
	 * (what list mails link to). With one: their choices, if the link is still valid.
	 */
	@GetMapping("/preferences")
	String preferencesPage(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		if (token == null) {
			model.addAttribute("email", "");
			model.addAttribute("days", this.settings.preferencesDays());
			return "subscription/preferences-request";
		}
		Checked checked = this.preferenceLinks.check(token);
		if (!checked.genuine()) {
			return refusedPreferences(checked, response, model);
		}
		return this.preferences.choices(checked.token().orElseThrow().subscriberId()).map((choices) -> {
			model.addAttribute("token", token);
			model.addAttribute("choices", choices);
			return "subscription/preferences";
		}).orElseGet(() -> refusedPreferences(LinkTokens.Checked.refused(LinkTokens.Check.REVOKED), response, model));
	}

	/**
	 * A person asks for a link to their choices: mailed to the address if it receives
	 * mail, the same answer either way; throttled like the sign-up form.
	 */
	@PostMapping(path = "/preferences", params = "!token")
	String requestPreferencesLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String address = AddressCheck.valid(SignUps.clean(email));
		if (address == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("email", email);
			model.addAttribute("days", this.settings.preferencesDays());
			model.addAttribute("error",
					(SignUps.clean(email) == null) ? "subscribe.error.email-missing" : "subscribe.error.email");
			return "subscription/preferences-request";
		}
		if (!this.throttle.allow(request.getRemoteAddr(), address)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "subscription/throttled";
		}
		this.preferenceLinks.requested(address);
		model.addAttribute("days", this.settings.preferencesDays());
		return "subscription/preferences-requested";
	}

	@PostMapping(path = "/preferences", params = "token")
	String savePreferences(@RequestParam String token, @RequestParam(required = false) List<String> lists,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String village,
			@RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Checked checked = this.preferenceLinks.check(token);
		if (!checked.genuine()) {
			return refusedPreferences(checked, response, model);
		}
		long subscriberId = checked.token().orElseThrow().subscriberId();
		if ("leave".equals(action)) {
			return this.preferences.leaveAll(subscriberId) ? "subscription/left"
					: refusedPreferences(LinkTokens.Checked.refused(LinkTokens.Check.REVOKED), response, model);
		}
		String cleanName = SignUps.clean(name);
		String cleanVillage = SignUps.clean(village);
		if ((cleanName != null && cleanName.length() > 200) || (cleanVillage != null && cleanVillage.length() > 200)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "subscribe.error.too-long");
			return preferencesPage(token, response, model);
		}
		Set<String> chosen = (lists != null) ? new TreeSet<>(lists) : Set.of();
		Preferences.Saved saved = this.preferences.save(subscriberId, chosen, cleanName, cleanVillage,
				request.getRemoteAddr());
		if (!saved.known()) {
			return refusedPreferences(LinkTokens.Checked.refused(LinkTokens.Check.REVOKED), response, model);
		}
		model.addAttribute("token", token);
		model.addAttribute("joining", names(saved.joining()));
		model.addAttribute("confirmation", saved.confirmation().name());
		model.addAttribute("days", this.settings.pendingDays());
		return "subscription/saved";
	}

	@GetMapping("/unsubscribe")
	String unsubscribePage(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		Checked checked = this.tokens.check(token, Purpose.UNSUBSCRIBE);
		if (!checked.genuine()) {
			return refused(checked, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("list", names(Set.of(checked.token().orElseThrow().lists())).get(0));
		return "subscription/unsubscribe";
	}

	/**
	 * RFC 8058 one-click: a mail client POSTs {@code List-Unsubscribe=One-Click} to the
	 * link of the mail's {@code List-Unsubscribe} header, without cookies; so does the
	 * button of the page above. The answer gives nothing more than it did: no link to the
	 * person's choices (the token may come from a forwarded mail), only the page where
	 * the owner of the address asks for one by mail.
	 */
	@PostMapping("/unsubscribe")
	String unsubscribe(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		Checked checked = this.tokens.check(token, Purpose.UNSUBSCRIBE);
		if (!checked.genuine()) {
			return refused(checked, response);
		}
		LinkTokens.Token leaving = checked.token().orElseThrow();
		this.preferences.unsubscribe(leaving.subscriberId(), leaving.lists());
		model.addAttribute("list", names(Set.of(leaving.lists())).get(0));
		return "subscription/unsubscribed";
	}

	private String form(Model model, String email, String name, String village, Set<String> chosen,
			Map<String, String> errors) {
		model.addAttribute("lists", openLists());
		model.addAttribute("email", email);
		model.addAttribute("name", name);
		model.addAttribute("village", village);
		model.addAttribute("chosen", chosen);
		model.addAttribute("errors", errors);
		model.addAttribute("days", this.settings.pendingDays());
		return "subscription/subscribe";
	}

	private List<Timetable.MailingList> openLists() {
		return this.timetables.current().lists().stream().filter(Timetable.MailingList::open).toList();
	}

	private List<String> names(Set<String> keys) {
		return this.timetables.current().listNames(keys);
	}

	private static String refused(Checked checked, HttpServletResponse response) {
		boolean expired = checked.check() == LinkTokens.Check.EXPIRED;
		response.setStatus(expired ? HttpStatus.GONE.value() : HttpStatus.BAD_REQUEST.value());
		return expired ? "subscription/expired" : "subscription/invalid";
	}

	/**
	 * A preference link that does not open the page: 400 for a forged one; 410 for one
	 * that expired or was revoked, with the form that mails a new one.
	 */
	private String refusedPreferences(Checked checked, HttpServletResponse response, Model model) {
		if (checked.check() == LinkTokens.Check.FORGED) {
			return refused(checked, response);
		}
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("revoked", checked.check() == LinkTokens.Check.REVOKED);
		model.addAttribute("email", "");
		model.addAttribute("days", this.settings.preferencesDays());
		return "subscription/preferences-expired";
	}

}
