package vn.bantin.system;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commune a piece of work is done for, bound to the thread that does it.
 *
 * <p>
 * Every commune-owned row is read and written in the scope of its commune: a web request
 * in the commune of its host (or of the signed-in user's chosen commune on the admin
 * pages), a scheduler job in the commune its trigger was made for, a worker in the
 * commune of the row it claimed. {@link CommuneTenancy} hands the scope to Hibernate
 * (every entity query is filtered by it) and to PostgreSQL (row-level security), so code
 * below the scope never names the commune itself.
 *
 * <p>
 * Work that must see every commune (a worker claiming the next letters of any commune,
 * the province portal's latest items) says so with {@link #acrossAll}; it must not write
 * a commune's rows there, only pick the rows and then work on each in its own
 * {@link #call scope}.
 */
public final class CurrentCommune {

	/**
	 * The commune of a single-commune deployment, and of every row from before communes.
	 */
	public static final long DEFAULT = 1;

	/** Seen by work without a scope in a province of many: matches no row. */
	static final long NONE = 0;

	/** Every commune (Hibernate's root tenant): reading only. */
	static final long ALL = -1;

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	private CurrentCommune() {
	}

	/** The scope of this thread, if one is set. */
	public static Optional<Scope> scope() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** The id of the commune in scope, if one is set and it is a single commune. */
	public static Optional<Long> id() {
		return scope().filter((scope) -> scope.id() > 0).map(Scope::id);
	}

	/** Runs {@code work} for {@code scope}, restoring the previous scope afterwards. */
	public static <T> T call(Scope scope, Supplier<T> work) {
		Scope previous = CURRENT.get();
		CURRENT.set(scope);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	/** Runs {@code work} for {@code scope}, restoring the previous scope afterwards. */
	public static void run(Scope scope, Runnable work) {
		call(scope, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs {@code work} in the scope already set or, without one, in the default
	 * commune's: for the single content and schedules folders
	 * ({@code bantin.content-dir}, {@code bantin.schedules-dir}), which are the default
	 * commune's also in a province without {@code bantin.communes-dir}.
	 * @param defaultZone the default commune's zone ({@code bantin.zone})
	 */
	public static <T> T orDefault(ZoneId defaultZone, Supplier<T> work) {
		return scope().isPresent() ? work.get() : call(new Scope(DEFAULT, "default", defaultZone), work);
	}

	/**
	 * Runs {@code work} seeing the rows of every commune. For picking rows across
	 * communes only: each picked row is then worked on in its own commune's scope.
	 */
	public static <T> T acrossAll(Supplier<T> work) {
		return call(new Scope(ALL, "*", null), work);
	}

	/**
	 * A commune in scope.
	 *
	 * @param id its id ({@link #DEFAULT} for the commune of a single-commune deployment)
	 * @param key its key, the name of its folder and the prefix of its keys
	 * @param zone its time zone; {@code null} only for the scope across all communes
	 */
	public record Scope(long id, String key, ZoneId zone) {

		/** Whether this is the scope across every commune. */
		public boolean acrossAll() {
			return this.id == ALL;
		}

	}

}
