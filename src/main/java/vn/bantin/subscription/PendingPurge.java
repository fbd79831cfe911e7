package vn.bantin.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.commune.Communes;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sign-ups nobody confirmed: pending subscribers whose confirmation mail went out
 * more than {@code bantin.subscription.pending-days} ago (their link has expired), and
 * those whose mail never went out and who signed up that long ago. Their subscriptions go
 * with them. The communes with expired sign-ups are picked across every commune, then
 * each is purged in its own scope with plain DELETEs naming it, safe when every node of a
 * cluster runs them: shortly after start, then every hour.
 */
@Component
class PendingPurge {

	private static final Logger log = LoggerFactory.getLogger(PendingPurge.class);

	private final JdbcTemplate jdbc;

	private final SubscriptionSettings settings;

	private final Clock clock;

	private final Communes registry;

	private final CommuneTenancy tenancy;

	private final TransactionTemplate transactions;

	PendingPurge(JdbcTemplate jdbc, SubscriptionSettings settings, Clock clock, Communes registry,
			CommuneTenancy tenancy, TransactionTemplate transactions) {
		this.registry = registry;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** Deletes the expired sign-ups of the commune in scope; returns how many. */
	private int purge(Timestamp before) {
		long commune = this.tenancy.requireCommune();
		this.jdbc.update("DELETE FROM subscription WHERE commune_id = ? AND subscriber_id IN (SELECT id FROM subscriber"
				+ " WHERE commune_id = ? AND status = 'PENDING' AND COALESCE(confirmation_sent_at, created_at) < ?)",
				commune, commune, before);
		return this.jdbc.update("DELETE FROM subscriber WHERE commune_id = ? AND status = 'PENDING'"
				+ " AND COALESCE(confirmation_sent_at, created_at) < ?", commune, before);
	}

	/** Runs the purge; scheduled hourly, the first time shortly after start. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void scheduled() {
		purge();
	}

	/**
	 * Deletes the expired sign-ups now.
	 * @return how many were deleted
	 */
	int purge() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.settings.pending()));
		// the pick, across communes: which communes have expired sign-ups
		List<Long> communes = CurrentCommune.acrossAll(() -> this.transactions.execute((tx) -> this.jdbc.queryForList(
				"SELECT DISTINCT commune_id FROM subscriber WHERE status = 'PENDING' AND COALESCE(confirmation_sent_at, created_at) < ?",
				Long.class, before)));
		int deleted = 0;
		for (Long commune : communes) {
			Optional<CurrentCommune.Scope> scope = this.registry.scope(commune);
			if (scope.isPresent()) {
				deleted += CurrentCommune.call(scope.get(), () -> this.transactions.execute((tx) -> purge(before)));
			}
		}
		if (deleted > 0) {
			log.info("Deleted {} unconfirmed sign-up(s) older than {} days", deleted, this.settings.pendingDays());
		}
		return deleted;
	}

}
