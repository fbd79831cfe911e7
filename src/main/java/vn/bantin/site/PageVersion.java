package vn.bantin.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

import vn.bantin.commune.Commune;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.PlanCatalog;
import vn.bantin.system.Secrets;

/**
 * The HTTP validators of the public pages, computed before a page is rendered so that a
 * reader who already has it gets a 304 for the price of a few aggregate queries.
 *
 * <p>
 * <b>Last-Modified</b> is the latest of: the last change of what residents may see of the
 * items ({@link ItemCatalog#lastVisibleChange}: published, edited, withdrawn, expired at
 * a time already past), the last load of a plan, the last change of the commune's
 * identity, and the moment this node started (a new version may render pages differently;
 * a restart never makes a page look older than it is). A page may add its own instant
 * (the home page: today's local midnight and its radio programme). Nothing is ever
 * deleted from those tables, so the maximum is honest: a page cannot have changed after
 * it.
 *
 * <p>
 * <b>ETag</b> (weak: gzip or not, it is the same page) is a hash of that instant, the
 * language the page is written in (chosen by a cookie, so it is not in the URL) and what
 * else the page adds; a reader sending both validators is judged on the ETag, as HTTP
 * says.
 *
 * <p>
 * <b>Cache-Control: no-cache</b> rather than a max-age: any cache may keep a page but
 * must ask again before each use. An emergency banner must reach residents at once, not a
 * minute later, and the answer to that question is a 304 of a few hundred bytes, cheap on
 * a slow network. {@code Vary: Cookie}, since the language cookie changes the page. A
 * request that picks the language ({@code ?lang=}) sets a cookie, so its answer is
 * {@code private}. Public pages carry no session and no CSRF token (their only form, the
 * search, is a GET), so the same page is the same bytes for everyone; the admin pages
 * keep Spring Security's {@code no-store}. A request that picks the language gets no
 * validators at all.
 */
@Component
class PageVersion {

	/** The request parameter that picks the language (and sets a cookie). */
	static final String LANGUAGE_PARAMETER = "lang";

	private final ItemCatalog items;

	private final PlanCatalog plans;

	private final Commune commune;

	private final Clock clock;

	private final Instant startedAt;

	PageVersion(ItemCatalog items, PlanCatalog plans, Commune commune, Clock clock) {
		this.items = items;
		this.plans = plans;
		this.commune = commune;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/**
	 * The latest instant any public page may have changed at, in whole seconds (as HTTP
	 * dates are), never after now.
	 */
	Instant lastModified() {
		Instant now = this.clock.instant();
		Instant latest = latest(
				latest(latest(this.startedAt, this.items.lastVisibleChange(now)), this.plans.lastLoaded()),
				this.commune.updatedAt());
		return latest(Instant.EPOCH, latest.isAfter(now) ? now : latest).truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * Sets Cache-Control, ETag and Last-Modified on the answer and tells whether the
	 * reader already has this page (the answer is then a 304 and the page must not be
	 * rendered).
	 * @param since an instant the page also depends on, or null
	 * @param tag what else the page depends on, or null
	 */
	boolean notModified(ServletWebRequest request, Instant since, String tag) {
		HttpServletResponse response = request.getResponse();
		if (response == null) {
			return false;
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		if (request.getParameter(LANGUAGE_PARAMETER) != null) {
			// sets the language cookie: for this reader only, and always rendered
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
			return false;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		Instant lastModified = lastModified();
		if (since != null) {
			Instant now = this.clock.instant();
			lastModified = latest(lastModified, since.isAfter(now) ? now : since).truncatedTo(ChronoUnit.SECONDS);
		}
		Locale locale = RequestContextUtils.getLocale(request.getRequest());
		String etag = etag(
				lastModified.getEpochSecond() + "|" + locale.toLanguageTag() + "|" + ((tag != null) ? tag : ""));
		return request.checkNotModified(etag, lastModified.toEpochMilli());
	}

	private static String etag(String version) {
		return "W/\"" + Secrets.sha256(version).substring(0, 24) + "\"";
	}

	private static Instant latest(Instant a, Instant b) {
		return (b != null && b.isAfter(a)) ? b : a;
	}

}
