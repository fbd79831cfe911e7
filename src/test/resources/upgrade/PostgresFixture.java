import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.PGConnection;

/**
 * Used by make-fixture.sh (run as a single-file program with the test class path): starts
 * the same embedded PostgreSQL the tests use, creates database "bantin", prints
 * "jdbc=URL" and waits. When a line "dump" arrives on standard input, it writes every
 * table of the public schema to OUT/data/TABLE.csv (COPY ... CSV HEADER) and the
 * sequences' values to OUT/sequences.csv, then stops the server.
 *
 * <p>
 * Why not pg_dump: the Debian pg_dump (15) refuses a newer server (17), and the zonky
 * binaries ship no pg_dump. The schema is rebuilt from the migration files of the same
 * commit (the same SQL on the same server version), the rows are loaded from these files.
 */
public class PostgresFixture {

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE bantin ENCODING 'UTF8'");
			}
			String url = server.getJdbcUrl("postgres", "bantin");
			System.out.println("jdbc=" + url);
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null && !line.strip().equals("dump")) {
				// wait
			}
			try (Connection connection = server.getDatabase("postgres", "bantin").getConnection()) {
				dump(connection, out);
			}
			System.out.println("dumped");
		}
	}

	private static void dump(Connection connection, Path out) throws Exception {
		Path data = out.resolve("data");
		Files.createDirectories(data);
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
						+ " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		PGConnection pg = connection.unwrap(PGConnection.class);
		for (String table : tables) {
			try (OutputStream file = Files.newOutputStream(data.resolve(table + ".csv"))) {
				pg.getCopyAPI()
					.copyOut("COPY \"" + table + "\" TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", file);
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
						+ " WHERE schemaname = 'public' AND last_value IS NOT NULL ORDER BY sequencename");
				Writer file = Files.newBufferedWriter(out.resolve("sequences.csv"))) {
			while (rows.next()) {
				file.write(rows.getString(1) + "," + rows.getLong(2) + "\n");
			}
		}
	}

}
