/**
 * What all pages share: the two layouts (public site and admin area), the language
 * switch, NFC normalisation of every form field, error pages, and the admin area's start
 * page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package vn.bantin.web;
