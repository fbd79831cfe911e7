package vn.bantin.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_failure} table in plain SQL: what {@link LoginThrottle} counts.
 * Instants are written as UTC offset date-times, to the microsecond the column keeps.
 */
@Repository
class SignInFailures {

	private final JdbcTemplate jdbc;

	SignInFailures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String username, String address, Instant at) {
		this.jdbc.update("INSERT INTO sign_in_failure (username, address, failed_at) VALUES (?, ?, ?)", username,
				address, at(at));
	}

	/**
	 * The failures of a user name since {@code userSince} (from any address) and those
	 * from an address since {@code addressSince} (for any name).
	 */
	List<Failure> of(String username, Instant userSince, String address, Instant addressSince) {
		return this.jdbc.query(
				"SELECT username, address, failed_at, cleared_at FROM sign_in_failure"
						+ " WHERE (username = ? AND failed_at >= ?) OR (address = ? AND failed_at >= ?)",
				SignInFailures::failure, username, at(userSince), address, at(addressSince));
	}

	/** The failures of a user name since {@code since}, from any address. */
	List<Failure> of(String username, Instant since) {
		return this.jdbc.query("SELECT username, address, failed_at, cleared_at FROM sign_in_failure"
				+ " WHERE username = ? AND failed_at >= ?", SignInFailures::failure, username, at(since));
	}

	/**
	 * The failures not cleared since {@code since} whose name is a staff user's, with the
	 * user's id and display name.
	 */
	List<StaffFailure> ofStaff(Instant since) {
		return this.jdbc.query("SELECT u.id, u.display_name, f.username, f.address, f.failed_at FROM sign_in_failure f"
				+ " JOIN app_user u ON u.username = f.username" + " WHERE f.cleared_at IS NULL AND f.failed_at >= ?",
				(rs, row) -> new StaffFailure(rs.getLong("id"), rs.getString("display_name"), new Failure(
						rs.getString("username"), rs.getString("address"), instant(rs, "failed_at"), false)),
				at(since));
	}

	/** Clears a name's failures from one address; the address still counts them. */
	int clear(String username, String address, Instant at) {
		return this.jdbc.update(
				"UPDATE sign_in_failure SET cleared_at = ? WHERE username = ? AND address = ? AND cleared_at IS NULL",
				at(at), username, address);
	}

	/** Clears a name's failures from every address; the addresses still count them. */
	int clearAll(String username, Instant at) {
		return this.jdbc.update("UPDATE sign_in_failure SET cleared_at = ? WHERE username = ? AND cleared_at IS NULL",
				at(at), username);
	}

	/** Deletes the failures older than {@code before}, which no limit counts any more. */
	int deleteBefore(Instant before) {
		return this.jdbc.update("DELETE FROM sign_in_failure WHERE failed_at < ?", at(before));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Failure failure(ResultSet rs, int row) throws SQLException {
		return new Failure(rs.getString("username"), rs.getString("address"), instant(rs, "failed_at"),
				rs.getObject("cleared_at", OffsetDateTime.class) != null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** One failed sign-in; {@code cleared} ones no longer count for the name. */
	record Failure(String username, String address, Instant at, boolean cleared) {
	}

	/** A failure of a staff user's name. */
	record StaffFailure(long userId, String displayName, Failure failure) {
	}

}
