package vn.bantin.subscription;

import java.util.List;
import java.util.Optional;

import vn.bantin.system.CommuneTenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscribers' generations of preference links
 * ({@code subscriber.preferences_generation}, V27), changed and read with SQL of their
 * own, each naming the commune in scope (plain SQL is not filtered by the tenant): the
 * entity does not map the column, so that saving a subscriber never writes back a
 * generation read earlier, and two revocations at once both count (the later one wins).
 */
@Component
// every statement in a transaction: on PostgreSQL only a transaction names the commune
// that
// row-level security lets it see (system.CommuneTransactions); outside one it sees no row
@Transactional
class PreferenceGenerations {

	private final JdbcTemplate jdbc;

	private final CommuneTenancy tenancy;

	PreferenceGenerations(JdbcTemplate jdbc, CommuneTenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	/**
	 * Adds one to the subscriber's generation, which revokes every link made before.
	 * @return the new generation, empty if the subscriber is unknown
	 */
	@Transactional
	Optional<Long> revoke(long subscriberId) {
		this.jdbc.update(
				"UPDATE subscriber SET preferences_generation = preferences_generation + 1 WHERE id = ? AND commune_id = ?",
				subscriberId, commune());
		return first(
				this.jdbc.queryForList("SELECT preferences_generation FROM subscriber WHERE id = ? AND commune_id = ?",
						Long.class, subscriberId, commune()));
	}

	/**
	 * The generation of a subscriber who receives mail (confirmed); empty for one
	 * pending, left or unknown, whose links open nothing.
	 */
	Optional<Long> ofConfirmed(long subscriberId) {
		return first(this.jdbc.queryForList(
				"SELECT preferences_generation FROM subscriber WHERE id = ? AND status = 'CONFIRMED' AND commune_id = ?",
				Long.class, subscriberId, commune()));
	}

	/** The address of a subscriber who receives mail (confirmed). */
	Optional<String> addressOfConfirmed(long subscriberId) {
		return first(this.jdbc.queryForList(
				"SELECT address FROM subscriber WHERE id = ? AND status = 'CONFIRMED' AND commune_id = ?", String.class,
				subscriberId, commune()));
	}

	/** The confirmed subscriber with this address (compared without case). */
	Optional<Long> confirmedWithAddress(String address) {
		return first(this.jdbc.queryForList(
				"SELECT id FROM subscriber WHERE address_key = ? AND status = 'CONFIRMED' AND commune_id = ?",
				Long.class, Subscriber.key(address), commune()));
	}

	/** The commune whose subscribers these are: the one in scope. */
	private long commune() {
		return this.tenancy.requireCommune();
	}

	private static <T> Optional<T> first(List<T> found) {
		return found.stream().findFirst();
	}

}
