package vn.bantin.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets Bản tin hands out in URLs and headers (API tokens, calendar feeds, the
 * current-playlist URL) and how they are kept: a secret is a recognisable prefix and 32
 * random bytes in base64url, shown once; only its SHA-256 hash is stored, so the database
 * alone gives no secret away. And how they are hidden where staff read mail meant for
 * residents ({@link #masked}).
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What stands for a hidden secret. */
	public static final String HIDDEN = "•••";

	/** The value of a {@code token} parameter in a URL (also HTML-escaped). */
	private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)((?:[?&]|&amp;)token=)[^&\\s\"'<>]+");

	/**
	 * A signed link token ({@code payload.signature}, the signature the 43 base64url
	 * characters of an HMAC-SHA256), wherever it stands: a URL, a {@code mailto:} subject
	 * (after {@code %20}), plain text.
	 */
	private static final Pattern SIGNED_TOKEN = Pattern
		.compile("(?:(?<![A-Za-z0-9_%-])|(?<=%20))[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

	private Secrets() {
	}

	/** A new secret: {@code prefix} and 32 random bytes, base64url without padding. */
	public static String newSecret(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The SHA-256 of a text's UTF-8 bytes, in lower-case hex: what is stored of a secret.
	 * The one SHA-256 of the application: also what an ETag, a cache key or a short file
	 * name is made of (a prefix of it, as long as it needs).
	 */
	public static String sha256(String text) {
		MessageDigest digest = sha256();
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		return hex(digest);
	}

	/** The SHA-256 of a file's bytes, in lower-case hex, read as a stream. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return hex(digest);
	}

	private static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The text with every secret that links carry replaced by {@link #HIDDEN}: the value
	 * of any {@code token=} URL parameter and anything shaped like a signed link token
	 * (the residents' confirm, unsubscribe and preference links, also in a
	 * {@code mailto:} subject). What staff pages show of mail to residents goes through
	 * this, so that no one can act as a resident with what a page shows.
	 * @return the masked text, or null for null
	 */
	public static String masked(String text) {
		if (text == null) {
			return null;
		}
		String masked = TOKEN_PARAMETER.matcher(text).replaceAll("$1" + HIDDEN);
		return SIGNED_TOKEN.matcher(masked).replaceAll(HIDDEN);
	}

}
