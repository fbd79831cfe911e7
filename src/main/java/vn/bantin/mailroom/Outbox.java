package vn.bantin.mailroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.CurrentCommune;
import vn.bantin.system.FileStore;
import vn.bantin.system.Secrets;

/**
 * The folder where mail goes when no SMTP server is set: one complete {@code .eml} file
 * per message, under a folder per day of the commune's calendar, e.g.
 * {@code outbox/2026-11-29/071502-123-9f3a61c2.eml} (time, then a short hash of the
 * Message-ID). Each file is written through the {@link FileStore} (in its folder
 * {@code outbox}, unless {@code bantin.mailroom.outbox} names another), complete or not
 * at all, so a crash never leaves a half message visible.
 *
 * <p>
 * Files are named by {@link #name(String, String) day and file name}, both checked
 * against their patterns, so that no name given from outside reaches out of the folder.
 */
@Component
class Outbox {

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	static final Pattern FILE = Pattern.compile("\\d{6}-\\d{3}-[0-9a-f]{8}(-\\d{1,4})?\\.eml");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss-SSS");

	private static final String TEMPORARY_PREFIX = ".writing-";

	private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	/** The default commune's folder; each other commune has a sub-folder of its own. */
	private final Path root;

	private final BantinProperties properties;

	private final FileStore files;

	private final Clock clock;

	private final Session readingSession = Session.getInstance(new Properties());

	Outbox(MailroomSettings settings, BantinProperties properties, FileStore files, Clock clock) {
		this.root = files.folder("outbox", settings.outbox());
		this.properties = properties;
		this.files = files;
		this.clock = clock;
	}

	/** The zone of the commune whose mail is written (else {@code bantin.zone}). */
	private ZoneId zone() {
		return this.properties.zone();
	}

	/**
	 * The folder of the commune in scope: the configured one for the default commune (as
	 * before communes), {@code commune-<id>/} inside it for another, so that a commune's
	 * staff never list or read another commune's letters.
	 */
	Path folder() {
		long commune = CurrentCommune.id().orElse(CurrentCommune.DEFAULT);
		return (commune == CurrentCommune.DEFAULT) ? this.root : this.root.resolve("commune-" + commune);
	}

	/**
	 * Writes the message as a new file. Never throws: a message that cannot be prepared
	 * is {@link Outcome.Kind#REJECTED}, a file that cannot be written
	 * {@link Outcome.Kind#DEFERRED}; accepted, the answer is the file's name
	 * ({@code day/file}).
	 */
	Outcome write(MimeMessage message) {
		String id;
		try {
			Postmark.stamp(message, this.clock, zone());
			id = message.getMessageID();
		}
		catch (MessagingException | RuntimeException ex) {
			return new Outcome(Outcome.Kind.REJECTED, "message cannot be prepared: " + ex.getMessage());
		}
		ZonedDateTime now = this.clock.instant().atZone(zone());
		Path day = folder().resolve(now.toLocalDate().toString());
		try {
			Path written = writeUnderFreeName(message, day, TIME.format(now) + "-" + shortHash(id));
			return new Outcome(Outcome.Kind.ACCEPTED, day.getFileName() + "/" + written.getFileName());
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			logger.warn("Writing a message to the outbox {} failed: {}", day, ex.toString());
			return new Outcome(Outcome.Kind.DEFERRED, "cannot write to the outbox " + day + ": " + ex);
		}
	}

	/**
	 * Writes the message as {@code base.eml}, or {@code base-2.eml} and so on when taken
	 * (by this node or another writing to the same shared outbox): the store never
	 * replaces a file written this way.
	 */
	private Path writeUnderFreeName(MimeMessage message, Path day, String base) throws IOException, MessagingException {
		for (int n = 1;; n++) {
			Path target = day.resolve(base + ((n == 1) ? "" : "-" + n) + ".eml");
			if (Files.exists(target)) {
				continue;
			}
			try {
				this.files.writeNew(target, (temporary) -> {
					try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
						message.writeTo(out);
					}
				});
				return target;
			}
			catch (FileAlreadyExistsException ex) {
				// taken meanwhile: next number
			}
		}
	}

	private static String shortHash(String id) {
		return Secrets.sha256(String.valueOf(id)).substring(0, 8);
	}

	/**
	 * Deletes temporary files that a crash left behind in versions before the
	 * {@link FileStore} (hidden, never listed; the store sweeps its own). Only those
	 * older than an hour: a message being written now is never touched.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void sweepAbandonedFiles() {
		if (!Files.isDirectory(folder())) {
			return;
		}
		Instant before = this.clock.instant().minus(ABANDONED_AFTER);
		try (DirectoryStream<Path> days = Files.newDirectoryStream(folder(),
				(path) -> DAY.matcher(path.getFileName().toString()).matches() && Files.isDirectory(path))) {
			for (Path day : days) {
				try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(day, TEMPORARY_PREFIX + "*.tmp")) {
					for (Path temporary : temporaries) {
						if (Files.getLastModifiedTime(temporary).toInstant().isBefore(before)) {
							Files.deleteIfExists(temporary);
							logger.info("Deleted {}, left half written by an earlier run", temporary);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot sweep the outbox {}", folder(), ex);
		}
	}

	/**
	 * The file of that day and name, if both are well-formed and it exists.
	 */
	Optional<Path> file(String day, String file) {
		if (day == null || file == null || !DAY.matcher(day).matches() || !FILE.matcher(file).matches()) {
			return Optional.empty();
		}
		Path path = folder().resolve(day).resolve(file).normalize();
		if (!path.startsWith(folder()) || !Files.isRegularFile(path)) {
			return Optional.empty();
		}
		return Optional.of(path);
	}

	/** The files, newest first, one page of them with their headers read. */
	Page<OutboxEntry> list(int page, int size) {
		List<Path> all = names();
		PageRequest request = PageRequest.of(Math.max(0, page), size);
		List<OutboxEntry> entries = new ArrayList<>();
		for (int i = (int) Math.min(request.getOffset(), all.size()); i < all.size() && entries.size() < size; i++) {
			entries.add(entry(all.get(i)));
		}
		return new PageImpl<>(entries, request, all.size());
	}

	/** The message in that file, read for showing. */
	OutboxLetter read(Path file) throws IOException, MessagingException {
		OutboxEntry entry = entry(file);
		try (InputStream in = Files.newInputStream(file)) {
			return OutboxLetter.of(entry, new MimeMessage(this.readingSession, in));
		}
	}

	private List<Path> names() {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(folder())) {
			return files;
		}
		try (DirectoryStream<Path> days = Files.newDirectoryStream(folder(),
				(path) -> DAY.matcher(path.getFileName().toString()).matches() && Files.isDirectory(path))) {
			for (Path day : days) {
				try (DirectoryStream<Path> inDay = Files.newDirectoryStream(day,
						(path) -> FILE.matcher(path.getFileName().toString()).matches())) {
					inDay.forEach(files::add);
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot list the outbox {}", folder(), ex);
		}
		files.sort(Comparator.comparing((Path path) -> path.getParent().getFileName().toString())
			.thenComparing((path) -> path.getFileName().toString().replace(".eml", ""))
			.reversed());
		return files;
	}

	private OutboxEntry entry(Path file) {
		String day = file.getParent().getFileName().toString();
		String name = file.getFileName().toString();
		long size = 0;
		InternetHeaders headers = null;
		Instant modified = null;
		try (InputStream in = Files.newInputStream(file)) {
			size = Files.size(file);
			modified = Files.getLastModifiedTime(file).toInstant();
			headers = new InternetHeaders(in);
		}
		catch (IOException | MessagingException ex) {
			logger.warn("Cannot read the headers of {}", file, ex);
		}
		return OutboxEntry.of(day, name, size, modified, headers);
	}

}
