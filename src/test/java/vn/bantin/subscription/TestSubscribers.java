package vn.bantin.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.AllCommunes;

/**
 * Puts subscribers straight into the database for tests, fast (batched SQL, no mail, no
 * entities): thousands of confirmed subscribers of a list in well under a second.
 *
 * <p>
 * A test bean: every {@code @BantinWebTest} has it; a {@code @PersistenceTest} class
 * imports it ({@code @Import(TestSubscribers.class)}). Autowire it. Rows are committed if
 * the caller is not in a transaction; every address it makes is unique
 * ({@code <prefix>-<n>@<domain>}), so tests sharing a database do not collide.
 */
@TestComponent
public class TestSubscribers {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TestSubscribers(DataSource dataSource, Clock clock) {
		// the test's own statements, outside the application's transactions, see every
		// commune
		this.jdbc = AllCommunes.jdbc(dataSource);
		this.clock = clock;
	}

	/**
	 * Adds this many confirmed subscribers to the list (consent source "test"), with
	 * addresses {@code reader-<random>-<n>@example.vn}, names "Người đọc <n>" and village
	 * "Thôn 1".
	 * @return their ids, ascending (the order {@code Audience.recipients} gives)
	 */
	public List<Long> confirmed(String listKey, int count) {
		String prefix = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (int n = 1; n <= count; n++) {
			String address = prefix + n + "@example.vn";
			rows.add(new Object[] { address, address, "Người đọc " + n, "Thôn 1", now, now, now });
			if (rows.size() == BATCH || n == count) {
				this.jdbc.batchUpdate("INSERT INTO subscriber (commune_id, address, address_key, name, village, status,"
						+ " consent_source, consent_at, created_at, confirmed_at)"
						+ " VALUES (1, ?, ?, ?, ?, 'CONFIRMED', 'test', ?, ?, ?)", rows);
				rows.clear();
			}
		}
		this.jdbc.update(
				"INSERT INTO subscription (commune_id, subscriber_id, list_key, source, created_at)"
						+ " SELECT commune_id, id, ?, 'test', ? FROM subscriber WHERE address_key LIKE ?",
				listKey, now, prefix + "%");
		return this.jdbc.queryForList("SELECT id FROM subscriber WHERE address_key LIKE ? ORDER BY id", Long.class,
				prefix + "%");
	}

	/**
	 * Adds one subscriber with this status ("PENDING", "CONFIRMED" or "LEFT") on these
	 * lists.
	 * @return its id
	 */
	public long add(String address, String status, String... lists) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(
				"INSERT INTO subscriber (commune_id, address, address_key, status, consent_source, consent_at, created_at)"
						+ " VALUES (1, ?, ?, ?, 'test', ?, ?)",
				address, address.toLowerCase(Locale.ROOT), status, now, now);
		long id = this.jdbc.queryForObject("SELECT id FROM subscriber WHERE address_key = ?", Long.class,
				address.toLowerCase(Locale.ROOT));
		for (String list : lists) {
			this.jdbc.update(
					"INSERT INTO subscription (commune_id, subscriber_id, list_key, source, created_at) VALUES (1, ?, ?, 'test', ?)",
					id, list, now);
		}
		return id;
	}

	/**
	 * Suppresses the address for the list ("*" for every list); reason LEFT, BOUNCED or
	 * STAFF.
	 */
	public void suppress(String address, String listKey, String reason) {
		this.jdbc.update(
				"INSERT INTO suppression (commune_id, address_key, list_key, reason, created_at) VALUES (1, ?, ?, ?, ?)",
				address.toLowerCase(Locale.ROOT), listKey, reason, Timestamp.from(this.clock.instant()));
	}

	/**
	 * Deletes every subscriber (with its subscriptions) and suppression of this domain.
	 */
	public void deleteDomain(String domain) {
		this.jdbc.update("DELETE FROM suppression WHERE address_key LIKE ?", "%@" + domain);
		this.jdbc.update("DELETE FROM subscription WHERE subscriber_id IN"
				+ " (SELECT id FROM subscriber WHERE address_key LIKE ?)", "%@" + domain);
		this.jdbc.update("DELETE FROM subscriber WHERE address_key LIKE ?", "%@" + domain);
	}

	/** Deletes every subscriber of this list (with all its subscriptions). */
	public void deleteList(String listKey) {
		this.jdbc.update(
				"DELETE FROM subscriber WHERE id IN (SELECT subscriber_id FROM subscription WHERE list_key = ?)",
				listKey);
	}

}
