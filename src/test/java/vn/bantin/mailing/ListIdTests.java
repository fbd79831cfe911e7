package vn.bantin.mailing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.subscription.Audience;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code List-Id} of a letter names the list unambiguously (RFC 2919): whatever the
 * list's name holds (angle brackets that look like an id, quotes, Vietnamese letters,
 * line breaks), a reader of the header finds exactly one bracketed id, the list's, and
 * reads the name back as it was written; an encoded-word never sits inside a quoted
 * string (RFC 2047 §5).
 */
@BantinWebTest
class ListIdTests {

	/** A phrase (quoted string or encoded-words), a space, then the id. */
	static final Pattern LIST_ID = Pattern.compile(
			"(\"(?:[^\"\\\\]|\\\\.)*\"|=\\?UTF-8\\?Q\\?[A-Za-z0-9!*+\\-/=_]+\\?=(?: =\\?UTF-8\\?Q\\?[A-Za-z0-9!*+\\-/=_]+\\?=)*)"
					+ " <([^<>\"]+)>");

	@Autowired
	Letters letters;

	@Test
	void aNameHoldingAnIdInAngleBracketsCannotBeTakenForTheListsId() throws Exception {
		String header = listIdOf("thu-can-bo", "Tin <x.y>");

		assertThat(header).containsOnlyOnce("<").containsOnlyOnce(">").endsWith("<thu-can-bo.localhost>");
		assertThat(nameIn(header, "thu-can-bo.localhost")).isEqualTo("Tin <x.y>");
	}

	@Test
	void aVietnameseNameIsEncodedWordsNotAQuotedStringAndReadsBackIntact() throws Exception {
		String name = "Thư cán bộ <thon-1.hoang-trung> \"khẩn\" – Hoằng Trung";

		String header = listIdOf("thu-can-bo", name);

		assertThat(header).startsWith("=?UTF-8?Q?").doesNotContain("\"").containsOnlyOnce("<");
		assertThat(header.split(" ")).allSatisfy((word) -> assertThat(word.length()).isLessThanOrEqualTo(75));
		assertThat(nameIn(header, "thu-can-bo.localhost")).isEqualTo(name);
	}

	@Test
	void aPlainNameIsAQuotedStringWithItsQuotesEscaped() throws Exception {
		String header = listIdOf("tin-moi", "Tin \"moi\" \\ hom nay");

		assertThat(header).isEqualTo("\"Tin \\\"moi\\\" \\\\ hom nay\" <tin-moi.localhost>");
		assertThat(nameIn(header, "tin-moi.localhost")).isEqualTo("Tin \"moi\" \\ hom nay");
	}

	@Test
	void lineBreaksInTheNameCannotStartAnotherHeader() throws Exception {
		String header = listIdOf("tin-moi", "Tin mới\r\nBcc: ai@example.com\u0085\u2028cuối");

		assertThat(header).doesNotContain("\r", "\n", "\u0085", "\u2028");
		assertThat(nameIn(header, "tin-moi.localhost")).isEqualTo("Tin mới Bcc: ai@example.com cuối");
	}

	/**
	 * The unfolded List-Id of a letter of that list, as a receiver parses the message.
	 */
	private String listIdOf(String key, String name) throws Exception {
		MimeMessage written = this.letters.write(new Letters.Letter(key, name, "Chủ đề", false, List.of()),
				new Audience.Recipient(1, "nguoi-doc@example.com", "Người đọc", null),
				new Audience.RecipientLinks(null, null, null), "<d1.m1.bantin@localhost>");
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		written.writeTo(raw);
		MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.toByteArray()));
		return MimeUtility.unfold(received.getHeader("List-Id", null));
	}

	/** The name the header gives to the list whose id is {@code id}. */
	private static String nameIn(String header, String id) throws Exception {
		Matcher matcher = LIST_ID.matcher(header);
		assertThat(matcher.matches()).as("a phrase and one id: %s", header).isTrue();
		assertThat(matcher.group(2)).isEqualTo(id);
		String phrase = matcher.group(1);
		if (phrase.startsWith("\"")) {
			return phrase.substring(1, phrase.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		return MimeUtility.decodeText(phrase);
	}

}
