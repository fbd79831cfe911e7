package vn.bantin.system;

import java.util.Map;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * The one place where the commune in scope becomes a filter: Hibernate's tenant of every
 * session ({@code @TenantId commune_id} on every commune-owned entity), and the commune
 * the JDBC stores and PostgreSQL's row-level security are given.
 *
 * <p>
 * Work without a {@link CurrentCommune scope} belongs to the
 * {@linkplain CurrentCommune#DEFAULT default commune} while the deployment is a province
 * of one, so that a single commune works exactly as before; once there are several
 * communes it sees nothing and cannot write a commune's row (there is no commune 0), so a
 * forgotten scope fails closed instead of landing in another commune.
 */
@Component
public class CommuneTenancy implements CurrentTenantIdentifierResolver<Long>, HibernatePropertiesCustomizer {

	/** Between a commune's id and a slug in a key; never part of a slug. */
	public static final char KEY_SEPARATOR = '~';

	private volatile boolean many;

	/** The id of the commune work on this thread reads and writes. */
	public long commune() {
		return CurrentCommune.scope()
			.map(CurrentCommune.Scope::id)
			.orElse(this.many ? CurrentCommune.NONE : CurrentCommune.DEFAULT);
	}

	/**
	 * The id of the commune this thread works for: the one in scope or, in a province of
	 * one, the default commune.
	 * @throws IllegalStateException when there is none (no scope in a province of many,
	 * or the scope across all communes)
	 */
	public long requireCommune() {
		long commune = commune();
		if (commune <= 0) {
			throw new IllegalStateException("No commune in scope");
		}
		return commune;
	}

	/** Whether this thread reads across every commune. */
	public boolean acrossAll() {
		return commune() == CurrentCommune.ALL;
	}

	/**
	 * Told by the commune registry whether there is more than one commune (or the
	 * deployment is configured as a province): from then on, work without a scope sees
	 * nothing.
	 */
	public void many(boolean many) {
		this.many = many;
	}

	/** Whether work without a scope sees nothing. */
	public boolean many() {
		return this.many;
	}

	/**
	 * The key, unique in the province, of a thing a commune names by a slug (an item, a
	 * plan): the slug itself in the default commune (as before communes), {@code
	 * <commune id>~<slug>} in another. A key that already is one is returned unchanged;
	 * its commune is not checked here, the tenant filter does that on every read.
	 */
	public String key(String slug) {
		return key(requireCommune(), slug);
	}

	/** The key of {@code slug} in {@code commune}; see {@link #key(String)}. */
	public static String key(long commune, String slug) {
		if (slug == null || slug.indexOf(KEY_SEPARATOR) >= 0 || commune == CurrentCommune.DEFAULT) {
			return slug;
		}
		return commune + String.valueOf(KEY_SEPARATOR) + slug;
	}

	/** The slug of a key made by {@link #key(String)}: what URLs and files show. */
	public static String slug(String key) {
		int separator = (key != null) ? key.indexOf(KEY_SEPARATOR) : -1;
		return (separator < 0) ? key : key.substring(separator + 1);
	}

	@Override
	public Long resolveCurrentTenantIdentifier() {
		return commune();
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return false;
	}

	@Override
	public boolean isRoot(Long tenantId) {
		return tenantId != null && tenantId == CurrentCommune.ALL;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
	}

}
