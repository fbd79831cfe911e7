package vn.bantin.commune;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.bantin.account.CommuneSites;

/** Tells the sign-in page where a commune's staff sign in: its site's address. */
@Component
class CommuneSiteDirectory implements CommuneSites {

	private final Communes communes;

	CommuneSiteDirectory(Communes communes) {
		this.communes = communes;
	}

	@Override
	public Optional<Site> of(long commune) {
		return this.communes.summary(commune)
			.map((summary) -> new Site(summary.name(), StringUtils.hasText(summary.websiteUrl()) ? summary.websiteUrl()
					: summary.hosts().stream().findFirst().map((host) -> "http://" + host).orElse("")));
	}

}
