package vn.bantin.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root cause of letters sent twice after a kill -9 on the embedded database, and its
 * cure ({@link EmbeddedDatabaseRecovery}), reproduced deterministically without killing
 * anything: after each commit the database file is copied while the database is still
 * open. With {@code WRITE_DELAY=0} every commit is written before {@code commit()}
 * returns and nothing writes in the background, so the copy holds exactly what a kill -9
 * at that moment leaves behind. {@code RETENTION_TIME=0} lets H2 reuse freed space at
 * once, so the first chunk written off the predicted chain comes within a few commits
 * (the 18th with H2 2.5.252), the same every run; in the application it comes after H2's
 * default 45 s of retention.
 */
class EmbeddedDatabaseRecoveryTests {

	private static final int COMMITS = 40;

	@TempDir
	Path dir;

	@Test
	void h2AloneReopensACrashedFileWithoutSomeOfItsLastCommits() throws Exception {
		List<String> lost = commitAndReopenAfterEach((snapshot) -> {
		});

		assertThat(lost).as("""
				commits H2 dropped when reopening the file a crash left: if this fails after an upgrade \
				of H2, its recovery was fixed and EmbeddedDatabaseRecovery may no longer be needed""").isNotEmpty();
	}

	@Test
	void everyCommitIsKeptWhenTheCrashedFileIsRecoveredBeforeItIsOpened() throws Exception {
		List<Boolean> recovered = new ArrayList<>();
		List<String> lost = commitAndReopenAfterEach(
				(snapshot) -> recovered.add(EmbeddedDatabaseRecovery.recoverIfUnclean(snapshot)));

		assertThat(lost).as("commits missing after recovery").isEmpty();
		assertThat(recovered).as("every copy was taken from an open database: not closed cleanly")
			.hasSize(COMMITS)
			.containsOnly(true);
	}

	@Test
	void aCleanlyClosedFileIsLeftAsItIs() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("db") + ";WRITE_DELAY=0";
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t(id INT PRIMARY KEY)");
			statement.execute("INSERT INTO t VALUES (1)");
		}
		Path file = this.dir.resolve("db.mv.db");
		String before = sha256(file);

		assertThat(EmbeddedDatabaseRecovery.closedCleanly(file)).isTrue();
		assertThat(EmbeddedDatabaseRecovery.recoverIfUnclean(file)).isFalse();
		assertThat(sha256(file)).isEqualTo(before);
	}

	@Test
	void aMissingFileIsNoCrash() {
		assertThat(EmbeddedDatabaseRecovery.recoverIfUnclean(this.dir.resolve("none.mv.db"))).isFalse();
	}

	@Test
	void onlyEmbeddedFileDatabasesAreRecovered() {
		assertThat(EmbeddedDatabaseRecovery
			.databaseFile("jdbc:h2:file:" + this.dir.resolve("db/bantin") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
			.contains(this.dir.resolve("db/bantin.mv.db"));
		assertThat(EmbeddedDatabaseRecovery.databaseFile("jdbc:h2:mem:bantin-1")).isEmpty();
		assertThat(EmbeddedDatabaseRecovery.databaseFile("jdbc:h2:tcp://localhost/~/bantin")).isEmpty();
		assertThat(EmbeddedDatabaseRecovery.databaseFile("jdbc:postgresql://localhost:5432/bantin")).isEmpty();
		assertThat(EmbeddedDatabaseRecovery.databaseFile(null)).isEmpty();
	}

	/**
	 * Commits {@link #COMMITS} transactions of varying size, one at a time; after each,
	 * copies the open database's file as a kill -9 would leave it, lets
	 * {@code beforeOpen} work on the copy, opens it and reads which commit it holds.
	 * @return the commits the reopened copy did not have, e.g. {@code "18 (reopened at
	 * 17)"}
	 */
	private List<String> commitAndReopenAfterEach(SnapshotStep beforeOpen) throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0";
		List<String> lost = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE marker(id INT PRIMARY KEY, n INT)");
				statement.execute("INSERT INTO marker VALUES (1, 0)");
				statement.execute("CREATE TABLE payload(id INT PRIMARY KEY, v VARCHAR(100000))");
			}
			connection.setAutoCommit(false);
			for (int n = 1; n <= COMMITS; n++) {
				try (PreparedStatement payload = connection
					.prepareStatement("MERGE INTO payload KEY(id) VALUES (?, ?)");
						PreparedStatement marker = connection.prepareStatement("UPDATE marker SET n = ?")) {
					payload.setInt(1, n % 17);
					payload.setString(2, "x".repeat((n * 7919) % 20_000));
					payload.executeUpdate();
					marker.setInt(1, n);
					marker.executeUpdate();
				}
				connection.commit();
				Path snapshot = this.dir.resolve("crashed-" + n + ".mv.db");
				Files.copy(this.dir.resolve("db.mv.db"), snapshot, StandardCopyOption.REPLACE_EXISTING);
				beforeOpen.apply(snapshot);
				int reopened = markerIn(snapshot);
				if (reopened != n) {
					lost.add(n + " (reopened at " + reopened + ")");
				}
				Files.delete(snapshot);
			}
		}
		return lost;
	}

	private static int markerIn(Path snapshot) throws SQLException {
		String name = snapshot.toString().substring(0, snapshot.toString().length() - ".mv.db".length());
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + name, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT n FROM marker")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	@FunctionalInterface
	private interface SnapshotStep {

		void apply(Path snapshot) throws IOException;

	}

}
