/**
 * The commune's identity: name, level and parent units, contacts, logo, the official who
 * signs, zone and language.
 *
 * <p>
 * Every page, feed, mail and report shows these values, so they are configuration, never
 * constants: {@code bantin.commune.*} gives the values for a new installation, and
 * administrators edit them afterwards on {@code /admin/commune}. Other modules read them
 * through {@link vn.bantin.commune.Commune}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commune")
package vn.bantin.commune;
