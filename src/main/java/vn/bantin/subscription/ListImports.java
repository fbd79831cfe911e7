package vn.bantin.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.bantin.system.FileStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV imports of subscribers into a list, in two steps: the uploaded file is kept in the
 * {@link FileStore} ({@code imports/}, a random name the mapping form carries, so that
 * any node can take the second step) while the officer chooses the columns, then read
 * again, applied and deleted.
 *
 * <p>
 * Applying adds each good row with consent, its source recorded as
 * {@code import <file> line <n> by <user>}; an address already on the list is left as it
 * is (so importing the same file twice changes nothing) and a suppressed address is
 * refused. The whole file is applied in one transaction: its good rows are all added or,
 * on a database failure, none.
 */
@Service
class ListImports {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private final Path folder;

	private final ListMembers members;

	private final java.time.Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final FileStore files;

	ListImports(FileStore files, ListMembers members, java.time.Clock clock) {
		this.folder = files.folder("imports");
		this.files = files;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * Keeps an uploaded file for the mapping step.
	 * @return the token that names it
	 */
	String keep(byte[] bytes) {
		byte[] name = new byte[16];
		this.random.nextBytes(name);
		String token = HexFormat.of().formatHex(name);
		try {
			Files.createDirectories(this.folder);
			discardAbandoned();
			this.files.write(file(token).orElseThrow(), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return token;
	}

	/**
	 * Deletes uploads older than a day whose mapping step was never finished, so the
	 * folder does not keep people's addresses.
	 */
	private void discardAbandoned() throws IOException {
		java.time.Instant dayAgo = this.clock.instant().minus(java.time.Duration.ofDays(1));
		try (java.util.stream.Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.toList()) {
				try {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo)) {
						Files.deleteIfExists(file);
					}
				}
				catch (IOException ex) {
					// gone meanwhile, or to be tried at the next upload
				}
			}
		}
	}

	/**
	 * A kept file, or empty when the token names none (expired, already imported,
	 * forged).
	 */
	Optional<byte[]> kept(String token) {
		Optional<Path> file = file(token).filter(Files::isRegularFile);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readAllBytes(file.get()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Forgets a kept file. */
	void discard(String token) {
		file(token).ifPresent((file) -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// left for the next start's clean-up; it holds nothing that is not in the
				// list
			}
		});
	}

	private Optional<Path> file(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return Optional.of(this.folder.resolve(token + ".csv"));
	}

	/**
	 * Imports a file into a list with the given mapping.
	 * @param fileName the uploaded file's name, for the consent source
	 * @param by who imports
	 * @throws SubscriberImport.Refused when the file or the mapping cannot be used
	 */
	@Transactional
	Summary apply(String list, byte[] bytes, SubscriberImport.Mapping mapping, String fileName, String by) {
		SubscriberImport.Plan plan = SubscriberImport.plan(SubscriberImport.read(bytes), mapping);
		int added = 0;
		int already = 0;
		List<SubscriberImport.Refusal> refused = new ArrayList<>(plan.refused());
		String file = (fileName == null || fileName.isBlank()) ? "CSV" : fileName.strip();
		for (SubscriberImport.Row row : plan.rows()) {
			ListMembers.Added result = this.members.add(list, row.person(), true,
					"import " + file + " line " + row.line() + " by " + by);
			switch (result.outcome()) {
				case ADDED -> added++;
				case ALREADY -> already++;
				case SUPPRESSED -> refused.add(new SubscriberImport.Refusal(row.line(),
						SubscriberImport.Reason.SUPPRESSED, row.person().address()));
				default -> refused.add(new SubscriberImport.Refusal(row.line(), SubscriberImport.Reason.INVALID_ADDRESS,
						row.person().address()));
			}
		}
		refused.sort(java.util.Comparator.comparingInt(SubscriberImport.Refusal::line));
		return new Summary(added, already, refused);
	}

	/**
	 * What an import did.
	 *
	 * @param added subscribers put on the list
	 * @param already rows whose address was on the list already (unchanged)
	 * @param refused the rows refused, by line
	 */
	record Summary(int added, int already, List<SubscriberImport.Refusal> refused) {
	}

}
