/**
 * Staff accounts and access control.
 *
 * <p>
 * Staff sign in with a form; each holds one or more {@link vn.bantin.account.Role roles}.
 * Every page under {@code /admin} needs a signed-in user, and every admin controller
 * states the roles it admits with {@code @Secured}. The first start creates user
 * {@code admin}. Repeated failed sign-ins are throttled per user name and per address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.bantin.account;
