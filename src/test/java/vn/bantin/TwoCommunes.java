package vn.bantin;

import java.time.ZoneId;
import java.util.function.Supplier;

import vn.bantin.system.CurrentCommune;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two communes for isolation checks of the stores: {@link #A} is the default commune
 * (always there), {@link #B} a second one made by {@link #create} (remove it with
 * {@link #remove} when the test commits: a commune left behind makes every later test a
 * province of many).
 */
public final class TwoCommunes {

	/** The default commune. */
	public static final CurrentCommune.Scope A = new CurrentCommune.Scope(CurrentCommune.DEFAULT, "default",
			ZoneId.of("Asia/Ho_Chi_Minh"));

	/** A second commune. */
	public static final CurrentCommune.Scope B = new CurrentCommune.Scope(9015, "xa-thu-b",
			ZoneId.of("Asia/Ho_Chi_Minh"));

	private TwoCommunes() {
	}

	/** Makes commune {@link #B} unless it exists. */
	public static void create(JdbcTemplate jdbc) {
		Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM commune WHERE id = ?", Integer.class, B.id());
		if (found == null || found == 0) {
			jdbc.update("INSERT INTO commune (id, name, short_name, level_name, parent_units, address, phone, email, "
					+ "website_url, signer_title, signer_name, locale_tag, updated_at, version, commune_key, time_zone, "
					+ "configured) VALUES (?, 'UBND xã Thử B', 'Thử B', 'xã', '', '', '', 'ubnd@thu-b.example.vn', "
					+ "'https://thu-b.example.vn', '', '', 'vi', CURRENT_TIMESTAMP, 0, ?, 'Asia/Ho_Chi_Minh', TRUE)",
					B.id(), B.key());
		}
	}

	/** Removes commune {@link #B} (its rows must be gone). */
	public static void remove(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM commune WHERE id = ?", B.id());
	}

	/** Does {@code work} in {@code scope}. */
	public static <T> T in(CurrentCommune.Scope scope, Supplier<T> work) {
		return CurrentCommune.call(scope, work);
	}

}
