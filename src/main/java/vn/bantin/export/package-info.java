/**
 * The static export ({@code bantin.jar export-site DIR}): the public site, its feeds,
 * sitemap, styles and media written as plain files that any static host (a provincial
 * portal, nginx, a file share) can serve under any base URL. The export reads the site
 * the way a visitor does, over HTTP from the running application, so that what is
 * exported is exactly what the application would answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Static export")
package vn.bantin.export;
