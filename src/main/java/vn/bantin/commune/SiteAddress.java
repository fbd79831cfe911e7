package vn.bantin.commune;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

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

	SiteAddress(Commune commune) {
		this.commune = commune;
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
