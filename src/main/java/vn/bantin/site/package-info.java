/**
 * The public website residents read: no sign-in, server-rendered pages in the commune's
 * language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package vn.bantin.site;
