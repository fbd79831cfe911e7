package vn.bantin.system;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The life of one kind of {@link IssuedToken}, the same for all: a secret (a prefix of
 * the kind and 32 random bytes, base64url) is made and shown once, only its hash is
 * stored; a presented secret is found by its hash while it is valid; a token is revoked,
 * once. Each kind's service extends this and adds who may see and revoke what.
 *
 * <p>
 * The methods are protected and called from the kind's own (transactional) methods, so
 * that they run in its transaction.
 */
public abstract class IssuedTokens<T extends IssuedToken> {

	/** Longer than any secret issued: not worth hashing. */
	private static final int LONGEST = 200;

	private final IssuedTokenStore<T> store;

	private final String secretStart;

	private final Clock clock;

	/**
	 * @param secretStart how the kind's secrets start, e.g. {@code bt_}: a secret of
	 * another kind is refused without a look-up
	 */
	protected IssuedTokens(IssuedTokenStore<T> store, String secretStart, Clock clock) {
		this.store = store;
		this.secretStart = secretStart;
		this.clock = clock;
	}

	/** What is stored of a secret. */
	public static String hash(String secret) {
		return Secrets.sha256(secret);
	}

	/**
	 * A label as stored: stripped, in NFC, 1 to 100 characters.
	 * @param field the form field named by a refusal
	 * @throws RuleViolation with {@code required} or {@code tooLong} (message keys)
	 */
	protected static String label(String label, String field, String required, String tooLong) {
		String clean = (label != null && !label.isBlank()) ? Normalizer.normalize(label.strip(), Normalizer.Form.NFC)
				: null;
		if (clean == null) {
			throw new RuleViolation(field, required);
		}
		if (clean.length() > 100) {
			throw new RuleViolation(field, tooLong);
		}
		return clean;
	}

	protected Instant now() {
		return this.clock.instant();
	}

	/**
	 * Stores a new token made from a new secret and the time (its constructor keeps only
	 * the secret's hash).
	 * @return the token and its secret, which is never shown again
	 */
	protected NewToken<T> issue(BiFunction<String, Instant, T> token) {
		String secret = Secrets.newSecret(this.secretStart);
		return new NewToken<>(this.store.save(token.apply(secret, now())), secret);
	}

	/** The token a presented secret belongs to, if it is valid now. */
	protected Optional<T> find(String secret) {
		if (secret == null || !secret.startsWith(this.secretStart) || secret.length() > LONGEST) {
			return Optional.empty();
		}
		Instant now = now();
		return this.store.findByTokenHash(hash(secret)).filter((token) -> token.isValidAt(now));
	}

	/** Every token of the kind, newest first. */
	protected List<T> newestFirst() {
		return this.store.findAllByOrderByCreatedAtDescIdDesc();
	}

	/**
	 * Revokes a token, if it exists and {@code allowed} lets the caller.
	 * @return the token, empty when there is none for the caller
	 */
	protected Optional<T> revoke(long id, Predicate<T> allowed) {
		Optional<T> token = this.store.findById(id).filter(allowed);
		token.ifPresent((found) -> found.revoke(now()));
		return token;
	}

	/** A token just issued, with the secret that is shown this once. */
	public record NewToken<T>(T token, String secret) {

		public <V> NewToken<V> map(Function<T, V> view) {
			return new NewToken<>(view.apply(this.token), this.secret);
		}

	}

}
