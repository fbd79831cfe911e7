package vn.bantin.commune;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.bantin.system.CommuneTenancy;

/**
 * The public address of the commune's site, for every absolute URL Bản tin hands out
 * (playlists for players, links that leave the site): the commune's website setting
 * ({@link CommuneIdentity#websiteUrl()}, edited on {@code /admin/commune}), never the
 * {@code Host} or {@code X-Forwarded-Host} header of the request being answered, which
 * the caller chooses and a cache in front may keep and serve to others.
 */
@Service
public class SiteAddress {

	/** The address when the commune has none: the embedded default. */
	static final String FALLBACK = "http://localhost:8080";

	private final Commune commune;

	private final CommuneTenancy tenancy;

	SiteAddress(Commune commune, CommuneTenancy tenancy) {
		this.commune = commune;
		this.tenancy = tenancy;
	}

	/**
	 * The base address for the links of an answer to {@code request} (feeds, sitemap,
	 * robots.txt): in a province of many communes the commune's own site address
	 * ({@link #base()}), as the request came through the province's proxy under whatever
	 * scheme and port it uses inside; in a province of one, or while the commune has no
	 * website address, the address the request reached.
	 */
	public String base(HttpServletRequest request) {
		String url = this.commune.identity().websiteUrl();
		if (this.tenancy.many() && StringUtils.hasText(url)) {
			return base();
		}
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString().replaceAll("/+$", "");
	}

	/**
	 * The site's base address without a trailing slash, e.g.
	 * {@code https://hoangtrung.thanhhoa.gov.vn} or {@code https://example.vn/ban-tin}.
	 */
	public String base() {
		String url = this.commune.identity().websiteUrl();
		String base = StringUtils.hasText(url) ? url.strip() : FALLBACK;
		return base.replaceAll("/+$", "");
	}

	/**
	 * The absolute URL of a path on the site.
	 * @param pathTemplate a path from the site's root, such as {@code /radio/{token}/x},
	 * with URI template variables
	 * @param variables the variables' values, encoded as a path needs them
	 */
	public String url(String pathTemplate, Object... variables) {
		return base() + UriComponentsBuilder.fromPath(pathTemplate).buildAndExpand(variables).encode().toUriString();
	}

}
