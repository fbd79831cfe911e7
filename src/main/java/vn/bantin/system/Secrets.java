package vn.bantin.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets Bản tin hands out in URLs and headers (API tokens, calendar feeds, the
 * current-playlist URL) and how they are kept: a secret is a recognisable prefix and 32
 * random bytes in base64url, shown once; only its SHA-256 hash is stored, so the database
 * alone gives no secret away.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

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
	 */
	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
