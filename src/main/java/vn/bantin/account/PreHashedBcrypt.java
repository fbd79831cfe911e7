package vn.bantin.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt of a password of any length: bcrypt reads at most 72 bytes (Spring Security
 * refuses more), and a Vietnamese passphrase reaches that fast (most letters with
 * diacritics take 2 or 3 bytes in UTF-8: 40 × "Ä" are 80 bytes). So the password is first
 * reduced to 44 characters, the base64 of its HMAC-SHA256 under a fixed key, and bcrypt
 * hashes that. Stored as {@code {bcrypt-sha256}$2a$10$…} ({@link #ID}).
 *
 * <p>
 * Why HMAC under a key of our own rather than a plain SHA-256: a plain digest would let a
 * list of unsalted SHA-256 hashes leaked by some other site be tried against our bcrypt
 * hashes without cracking them first ("password shucking"). Why base64: bcrypt stops at a
 * NUL byte, which a raw digest may contain. The key is no secret: it only makes our
 * digests our own; the secret is the password, and bcrypt's salt and cost stay in force.
 */
final class PreHashedBcrypt implements PasswordEncoder {

	/** The id of these hashes in a {@code DelegatingPasswordEncoder}. */
	static final String ID = "bcrypt-sha256";

	private static final byte[] KEY = "vn.bantin password pre-hash v1".getBytes(StandardCharsets.UTF_8);

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(preHash(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && this.bcrypt.matches(preHash(rawPassword), encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.bcrypt.upgradeEncoding(encodedPassword);
	}

	static String preHash(CharSequence rawPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
			byte[] digest = mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
