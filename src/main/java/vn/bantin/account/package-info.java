/**
 * Staff accounts and access control.
 *
 * <p>
 * Staff sign in with a form; each holds one or more {@link vn.bantin.account.Role roles}.
 * Every page under {@code /admin} needs a signed-in user, and every admin controller
 * states the roles it admits with {@code @Secured}. The first start creates user
 * {@code admin}. Repeated failed sign-ins lock a user name from one address, more of them
 * from every address, and an address for every name ({@code LoginThrottle}), counted in
 * the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.bantin.account;
