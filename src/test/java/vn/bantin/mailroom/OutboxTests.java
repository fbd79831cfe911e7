package vn.bantin.mailroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.MutableClock;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.FileStore;
import vn.bantin.system.NodeId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox: complete files only, named by the commune's day and time, readable back
 * with their Vietnamese subject and body; names from outside never leave the folder.
 */
class OutboxTests {

	static final String SUBJECT = "Thông báo họp dân thôn Đông Hòa — tối thứ Sáu";

	static final String BODY = "Kính mời đại diện các hộ gia đình dự họp lúc 19 giờ tại nhà văn hóa thôn.";

	@TempDir
	Path dataDir;

	// 23:30 UTC is already the next day in Asia/Ho_Chi_Minh
	final Clock clock = Clock.fixed(Instant.parse("2026-11-28T23:30:05.120Z"), ZoneOffset.UTC);

	final Session session = Session.getInstance(new Properties());

	FileStore store(Clock clock) {
		try {
			return FileStore.local(this.dataDir, NodeId.named("test"), clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Outbox outbox() {
		return new Outbox(
				new MailroomSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null,
						"ban-tin@localhost"),
				new BantinProperties(this.dataDir, ZoneId.of("Asia/Ho_Chi_Minh"), this.dataDir, this.dataDir),
				store(this.clock), this.clock);
	}

	@Test
	void aMessageBecomesOneCompleteFileUnderTheCommunesDayAndReadsBackIntact() throws Exception {
		Outbox outbox = outbox();
		Outcome outcome = new OutboxRound(outbox).send(message("dan@example.vn"));
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.ACCEPTED);
		assertThat(outcome.answer()).matches("2026-11-29/063005-120-[0-9a-f]{8}\\.eml");
		Path file = this.dataDir.resolve("outbox").resolve(outcome.answer());
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage read = new MimeMessage(this.session, in);
			assertThat(read.getSubject()).isEqualTo(SUBJECT);
			assertThat(read.getContent()).isEqualTo(BODY);
			assertThat(read.getMessageID()).endsWith("@hoangtrung.gov.vn>");
			assertThat(read.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-28T23:30:05Z"));
		}
		try (Stream<Path> all = Files.walk(this.dataDir.resolve("outbox"))) {
			assertThat(all.filter(Files::isRegularFile).map((path) -> path.getFileName().toString()))
				.as("no temporary file left")
				.containsExactly(file.getFileName().toString());
		}
	}

	@Test
	void messagesWrittenInTheSameMillisecondGetNamesOfTheirOwnAndListNewestFirst() throws Exception {
		Outbox outbox = outbox();
		MimeMessage message = message("a@example.vn");
		message.setHeader("Message-ID", "<same@hoangtrung.gov.vn>");
		String first = outbox.write(message).answer();
		String second = outbox.write(message).answer();
		assertThat(second).isNotEqualTo(first).endsWith("-2.eml");
		List<OutboxEntry> entries = outbox.list(0, 10).getContent();
		assertThat(entries).extracting(OutboxEntry::name).containsExactly(second.substring(11), first.substring(11));
		assertThat(entries.get(0).subject()).isEqualTo(SUBJECT);
		assertThat(entries.get(0).to()).isEqualTo("a@example.vn");
	}

	@Test
	void halfWrittenFilesLeftByACrashAreNeverListedAndSweptOnceOld() throws Exception {
		Outbox outbox = outbox();
		String written = outbox.write(message("a@example.vn")).answer();
		Path day = this.dataDir.resolve("outbox/2026-11-29");
		Path old = Files.writeString(day.resolve(".writing-123.tmp"), "Subject: half");
		Files.setLastModifiedTime(old, FileTime.from(this.clock.instant().minusSeconds(7200)));
		Path recent = Files.writeString(day.resolve(".writing-456.tmp"), "Subject: being written");
		Files.setLastModifiedTime(recent, FileTime.from(this.clock.instant()));
		assertThat(outbox.list(0, 10).getContent()).extracting(OutboxEntry::path).containsExactly(written);
		outbox.sweepAbandonedFiles();
		assertThat(old).doesNotExist();
		assertThat(recent).exists();
	}

	@Test
	void theListComesNewestFirstAcrossDaysOnePageAtATime() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
		Outbox outbox = new Outbox(
				new MailroomSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null,
						"ban-tin@localhost"),
				new BantinProperties(this.dataDir, ZoneId.of("Asia/Ho_Chi_Minh"), this.dataDir, this.dataDir),
				store(clock), clock);
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			written.add(0, outbox.write(message("nguoi-" + i + "@example.vn")).answer());
			clock.advance(Duration.ofHours(7));
		}
		assertThat(written).extracting((path) -> path.substring(0, 10))
			.containsExactly("2026-11-28", "2026-11-28", "2026-11-28", "2026-11-27", "2026-11-27");
		var first = outbox.list(0, 2);
		var last = outbox.list(2, 2);
		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getTotalPages()).isEqualTo(3);
		assertThat(first.getContent()).extracting(OutboxEntry::path).containsExactlyElementsOf(written.subList(0, 2));
		assertThat(outbox.list(1, 2).getContent()).extracting(OutboxEntry::path)
			.containsExactlyElementsOf(written.subList(2, 4));
		assertThat(last.getContent()).extracting(OutboxEntry::to).containsExactly("nguoi-0@example.vn");
		assertThat(outbox.list(7, 2).getContent()).isEmpty();
	}

	@Test
	void namesThatWouldLeaveTheFolderFindNothing() throws Exception {
		Outbox outbox = outbox();
		String written = outbox.write(message("a@example.vn")).answer();
		Files.writeString(this.dataDir.resolve("secret.eml"), "secret");
		assertThat(outbox.file(written.substring(0, 10), written.substring(11))).isPresent();
		assertThat(outbox.file("..", "secret.eml")).isEmpty();
		assertThat(outbox.file("2026-11-29", "../../secret.eml")).isEmpty();
		assertThat(outbox.file("2026-11-29/..", written.substring(11))).isEmpty();
	}

	@Test
	void aFolderThatCannotBeWrittenDefersTheMessage() throws Exception {
		Files.writeString(this.dataDir.resolve("outbox"), "a file where the folder should be");
		Outcome outcome = outbox().write(message("a@example.vn"));
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEFERRED);
		assertThat(outcome.answer()).contains("cannot write to the outbox");
	}

	private MimeMessage message(String to) throws Exception {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress("ubnd@hoangtrung.gov.vn", "UBND xã Hoằng Trung", "UTF-8"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(SUBJECT, "UTF-8");
		message.setText(BODY, "UTF-8");
		return message;
	}

}
