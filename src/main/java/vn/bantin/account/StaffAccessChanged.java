package vn.bantin.account;

/**
 * An administrator changed what {@code username} may do (disabled them, changed their
 * roles or reset their password): their open sessions must end.
 */
record StaffAccessChanged(String username) {
}
