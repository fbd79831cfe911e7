package vn.bantin.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.ConnectionInfo;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Opens the embedded H2 file database after a crash so that no committed change is lost.
 *
 * <p>
 * <b>Why.</b> H2 2.5.252 writes every commit to its file at once with
 * {@code WRITE_DELAY=0}, but after a kill -9 it may not <em>find</em> the newest commits
 * again. Its file is a chain of chunks; each chunk predicts where the next one will go,
 * and the store header at the start of the file names a chunk to start from. When a chunk
 * lands somewhere else (in space freed by older chunks), H2 rewrites the header, but the
 * header it writes still names the <em>previous</em> chunk ({@code lastChunk} is only
 * updated after the write), whose prediction is wrong. Opening the file after a crash
 * follows the chain from the header, stops at that previous chunk, and silently drops the
 * chunk that landed elsewhere and every chunk chained after it: several committed
 * transactions. Seen with plain JDBC and no Bản tin code (rows committed and logged as
 * {@code SENDING} came back {@code CLAIMED} or {@code PENDING}, 2 to 6 rows a kill in
 * about one kill out of four), and in Bản tin as letters sent twice after a kill (the
 * {@code SENDING} mark that stops a second send was among the dropped commits). The file
 * itself still holds those chunks: H2's recovery mode, which scans the whole file for
 * complete chunks instead of following the chain, finds them.
 *
 * <p>
 * So before the application's first connection, when the database file was not closed
 * cleanly (its header has no {@code clean} mark), the file is opened once in H2's
 * recovery mode and closed again, which writes a header naming the newest complete chunk;
 * the database then opens normally with every commit that reached the file. A file closed
 * cleanly (the usual case) is not touched, so a normal start costs nothing. PostgreSQL,
 * whose commits are durable in its write-ahead log, needs nothing of this.
 * {@code EmbeddedDatabaseRecoveryTests} reproduces the loss deterministically and proves
 * the recovery.
 */
@Component
class EmbeddedDatabaseRecovery implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseRecovery.class);

	private static final String SUFFIX = ".mv.db";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
			databaseFile(hikari.getJdbcUrl()).ifPresent(EmbeddedDatabaseRecovery::recoverIfUnclean);
		}
		return bean;
	}

	/**
	 * The H2 file an embedded file database's URL names ({@code jdbc:h2:file:...},
	 * {@code jdbc:h2:./...}), or empty for any other database (in memory, remote,
	 * PostgreSQL).
	 */
	static java.util.Optional<Path> databaseFile(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return java.util.Optional.empty();
		}
		try {
			ConnectionInfo info = new ConnectionInfo(url, new Properties(), null, null);
			if (!info.isPersistent() || info.isRemote()) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(Path.of(info.getName() + SUFFIX));
		}
		catch (RuntimeException ex) {
			// a URL H2 cannot read: its own connection will say so
			return java.util.Optional.empty();
		}
	}

	/**
	 * Recovers the file when it exists and was not closed cleanly.
	 * @return whether it was recovered
	 */
	static boolean recoverIfUnclean(Path file) {
		if (!Files.isRegularFile(file) || closedCleanly(file)) {
			return false;
		}
		long started = System.nanoTime();
		try {
			MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
			long version = store.getCurrentVersion();
			store.close();
			log.warn(
					"The database {} was not closed cleanly (a crash, kill -9 or power cut): opened in H2's "
							+ "recovery mode so that every commit that reached the file is kept (version {}, {} ms)",
					file, version, (System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (RuntimeException ex) {
			// in use by another process, read-only, damaged: the normal opening reports
			// it
			log.warn("The database {} was not closed cleanly and could not be opened in recovery mode: {}", file,
					ex.toString());
			return false;
		}
	}

	/**
	 * Whether H2's store header, the first line of the file, carries the mark H2 writes
	 * when it closes the file (and removes at the first write after opening it).
	 */
	static boolean closedCleanly(Path file) {
		byte[] block = new byte[4096];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(block, 0, block.length);
		}
		catch (IOException ex) {
			return true;
		}
		String text = new String(block, 0, read, StandardCharsets.ISO_8859_1);
		int end = text.indexOf('\n');
		String header = "," + ((end >= 0) ? text.substring(0, end) : text) + ",";
		return header.contains(",clean:1,");
	}

}
