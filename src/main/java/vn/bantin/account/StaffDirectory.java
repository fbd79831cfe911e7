package vn.bantin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.system.RuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.bantin.text.VietnameseText;

/**
 * The staff accounts and the rules for changing them.
 *
 * <p>
 * Rules: user names are lower-case ASCII ({@code [a-z0-9._-]}, 3–64 characters) so that
 * they can be typed on any keyboard; passwords have at least
 * {@value #MIN_PASSWORD_LENGTH} characters and no upper limit (long Vietnamese
 * passphrases are welcome: {@link PreHashedBcrypt}); there is always at least one enabled
 * administrator, and nobody can disable themselves or take away their own
 * {@link Role#ADMIN} role, so the commune can never lock itself out. When an
 * administrator disables someone, changes their roles or resets their password, that
 * person's open sessions end ({@link StaffAccessChanged}): a change of access takes
 * effect at once, not at their next sign-in. A password change ends the user's other
 * sessions, and a change or reset revokes their API tokens unless the person making it
 * unticks that (ticked by default): whoever knew the old password may have made a session
 * or a token with it. The change form counts wrong current passwords like failed sign-ins
 * ({@link LoginThrottle}), so a session left open is no way to guess the password.
 */
@Service
@Transactional
class StaffDirectory {

	static final int MIN_PASSWORD_LENGTH = 10;

	static final String INITIAL_ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
		.toCharArray();

	private final StaffUserStore users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final ApplicationEventPublisher events;

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	private final vn.bantin.system.CommuneTenancy tenancy;

	StaffDirectory(StaffUserStore users, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events,
			ApiTokens tokens, LoginThrottle throttle, vn.bantin.system.CommuneTenancy tenancy) {
		this.tenancy = tenancy;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	@Transactional(readOnly = true)
	List<StaffUser> all() {
		return this.users.findAllByOrderByUsername().stream().filter(this::ofThisCommune).toList();
	}

	@Transactional(readOnly = true)
	StaffUser get(long id) {
		return this.users.findById(id).filter(this::ofThisCommune).orElseThrow(() -> new UnknownStaffUser(id));
	}

	/**
	 * Whether the user admin pages of the commune in scope see {@code user}: in a
	 * province of many, only users holding a role in this commune (a commune's
	 * administrator sees nobody else's staff); in a province of one, everybody, as
	 * before.
	 */
	private boolean ofThisCommune(StaffUser user) {
		return !this.tenancy.many() || user.communes().contains(this.tenancy.commune());
	}

	/**
	 * Refuses a change to what a user is everywhere (may sign in, name, password) when
	 * they also hold a role in another commune, or a province role, and the one making it
	 * is not a province administrator: one commune's administrator must not lock a
	 * colleague out of another commune, nor learn a password that opens it or the
	 * province's pages. Roles in their own commune they may still change.
	 * @throws RuleViolation with {@code account.error.shared-account} on {@code field}
	 */
	private void refuseSharedAccount(StaffUser user, String actingUsername, String field) {
		if (!this.tenancy.many()) {
			return;
		}
		long commune = this.tenancy.commune();
		boolean shared = user.communes().stream().anyMatch((other) -> other != commune)
				|| user.provinceRole().isPresent();
		boolean province = this.users.findByUsername(actingUsername)
			.flatMap(StaffUser::provinceRole)
			.filter((role) -> role == ProvinceRole.PROVINCE_ADMIN)
			.isPresent();
		if (shared && !province) {
			throw new RuleViolation(field, "account.error.shared-account");
		}
	}

	/**
	 * Creates an enabled user.
	 * @throws RuleViolation when the name is taken or malformed, or the password too weak
	 */
	StaffUser create(String username, String displayName, String password, Set<Role> roles) {
		String name = normaliseUsername(username);
		if (!USERNAME.matcher(name).matches()) {
			throw new RuleViolation("username", "account.error.username-format");
		}
		if (this.users.existsByUsername(name)) {
			throw new RuleViolation("username", "account.error.username-taken");
		}
		checkPassword("password", name, password);
		if (roles.isEmpty()) {
			throw new RuleViolation("roles", "account.error.roles-empty");
		}
		String shownName = StringUtils.hasText(displayName) ? VietnameseText.nfc(displayName.strip()) : name;
		StaffUser user = this.users
			.save(new StaffUser(name, shownName, this.passwordEncoder.encode(password), roles, this.clock.instant()));
		log.info("User '{}' created with roles {}", name, user.getRoles());
		return user;
	}

	/**
	 * Changes another user's name, roles and whether they may sign in.
	 * @param actingUsername who makes the change: they may not disable themselves or drop
	 * their own admin role
	 */
	StaffUser update(long id, String displayName, Set<Role> roles, boolean enabled, String actingUsername) {
		StaffUser user = get(id);
		boolean self = user.getUsername().equals(actingUsername);
		if (self && !enabled) {
			throw new RuleViolation("enabled", "account.error.disable-self");
		}
		if (self && user.holds(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
			throw new RuleViolation("roles", "account.error.drop-own-admin");
		}
		if (roles.isEmpty()) {
			throw new RuleViolation("roles", "account.error.roles-empty");
		}
		boolean losesAdmin = user.isEnabled() && user.holds(Role.ADMIN) && (!enabled || !roles.contains(Role.ADMIN));
		if (losesAdmin && enabledAdmins() <= 1) {
			throw new RuleViolation("roles", "account.error.last-admin");
		}
		if (user.isEnabled() != enabled) {
			refuseSharedAccount(user, actingUsername, "enabled");
		}
		if (StringUtils.hasText(displayName)) {
			String name = VietnameseText.nfc(displayName.strip());
			if (!name.equals(user.getDisplayName())) {
				refuseSharedAccount(user, actingUsername, "displayName");
				user.rename(name);
			}
		}
		boolean accessChanges = user.isEnabled() != enabled || !user.getRoles().equals(roles);
		user.assignRoles(roles);
		user.setEnabled(enabled);
		if (accessChanges) {
			log.info("User '{}' changed by '{}': roles {}, {}", user.getUsername(), actingUsername, user.getRoles(),
					enabled ? "may sign in" : "disabled");
		}
		if (accessChanges && !self) {
			this.events.publishEvent(new StaffAccessChanged(user.getUsername()));
		}
		return user;
	}

	/**
	 * Replaces a user's password with a generated one, to be handed to them once. Every
	 * session of theirs ends (but the administrator's own, when they reset their own
	 * password).
	 * @param revokeTokens whether the user's API tokens are revoked too
	 * @param by the administrator
	 * @return the new password in clear text (it is not stored) and how many tokens were
	 * revoked
	 */
	Reset resetPassword(long id, boolean revokeTokens, Actor by) {
		StaffUser user = get(id);
		refuseSharedAccount(user, by.username(), "password");
		String password = generatePassword();
		user.changePassword(this.passwordEncoder.encode(password), this.clock.instant());
		int revoked = revokeTokens ? this.tokens.revokeAll(user.getUsername(), by.username()) : 0;
		log.info("Password of '{}' reset by '{}'{}", user.getUsername(), by.username(),
				revokeTokens ? "" : ", API tokens kept");
		boolean self = user.getUsername().equals(by.username());
		this.events.publishEvent(new StaffAccessChanged(user.getUsername(), self ? by.sessionId() : null));
		return new Reset(password, revoked);
	}

	/**
	 * Changes the signed-in user's own password after checking the current one. Their
	 * other sessions end; the one making the change stays. A wrong current password
	 * counts as a failed sign-in from the caller's address, and while the user name is
	 * locked there (or everywhere) the current password is not even checked.
	 * @param revokeTokens whether the user's API tokens are revoked too
	 * @return how many tokens were revoked
	 * @throws RuleViolation on {@code currentPassword} (wrong, or locked) or
	 * {@code newPassword}
	 */
	int changeOwnPassword(String currentPassword, String newPassword, boolean revokeTokens, Actor actor) {
		String username = actor.username();
		if (this.throttle.isLocked(username, actor.address())) {
			throw new RuleViolation("currentPassword", "account.error.password-locked");
		}
		StaffUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new RuleViolation("currentPassword", "account.error.current-password"));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			this.throttle.recordFailure(username, actor.address());
			throw new RuleViolation("currentPassword", "account.error.current-password");
		}
		this.throttle.recordSuccess(username, actor.address());
		checkPassword("newPassword", username, newPassword);
		user.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		int revoked = revokeTokens ? this.tokens.revokeAll(username, username) : 0;
		log.info("Password of '{}' changed by themselves{}", username, revokeTokens ? "" : ", API tokens kept");
		this.events.publishEvent(new StaffAccessChanged(username, actor.sessionId()));
		return revoked;
	}

	/**
	 * Creates user {@code admin} with every role when no user exists yet: the first start
	 * of a new installation.
	 * @param configuredPassword the password to give it; when blank a random one is
	 * generated and written once to the log
	 * @return whether the user was created
	 */
	boolean createInitialAdminIfNoUsers(String configuredPassword) {
		if (this.users.count() > 0) {
			return false;
		}
		boolean generated = !StringUtils.hasText(configuredPassword);
		String password = generated ? generatePassword() : configuredPassword;
		// admin of the default commune (every role there) and of the province
		StaffUser admin = new StaffUser(INITIAL_ADMIN, "Quản trị", this.passwordEncoder.encode(password), Set.of(),
				this.clock.instant());
		admin.assignRoles(vn.bantin.system.CurrentCommune.DEFAULT, Set.of(Role.values()));
		admin.provinceRole(ProvinceRole.PROVINCE_ADMIN);
		this.users.save(admin);
		if (generated) {
			log.warn("Created user '{}' with the generated password: {} (shown only now; change it after signing"
					+ " in, or set BANTIN_ADMIN_PASSWORD before the first start)", INITIAL_ADMIN, password);
		}
		else {
			log.info("Created user '{}' with the password from BANTIN_ADMIN_PASSWORD", INITIAL_ADMIN);
		}
		return true;
	}

	private long enabledAdmins() {
		return this.users.findAll().stream().filter((u) -> u.isEnabled() && u.holds(Role.ADMIN)).count();
	}

	private void checkPassword(String field, String username, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new RuleViolation(field, "account.error.password-short");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new RuleViolation(field, "account.error.password-is-username");
		}
	}

	static String normaliseUsername(String username) {
		return username == null ? "" : VietnameseText.nfc(username.strip()).toLowerCase(Locale.ROOT);
	}

	private String generatePassword() {
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET[this.random.nextInt(PASSWORD_ALPHABET.length)]);
		}
		return password.toString();
	}

	/**
	 * A password reset.
	 *
	 * @param password the new password, shown once
	 * @param tokensRevoked how many API tokens it revoked
	 */
	record Reset(String password, int tokensRevoked) {
	}

	/** Thrown for an id that names no user; answered with 404. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownStaffUser extends RuntimeException {

		UnknownStaffUser(long id) {
			super("No user with id " + id);
		}

	}

}
