package vn.bantin.subscription;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sign-ups nobody confirmed: pending subscribers whose confirmation mail went out
 * more than {@code bantin.subscription.pending-days} ago (their link has expired), and
 * those whose mail never went out and who signed up that long ago. Their subscriptions go
 * with them (the foreign key cascades). One plain DELETE, safe when every node of a
 * cluster runs it: at start, then every hour.
 */
@Component
class PendingPurge {

	private static final Logger log = LoggerFactory.getLogger(PendingPurge.class);

	private final JdbcTemplate jdbc;

	private final SubscriptionSettings settings;

	private final Clock clock;

	PendingPurge(JdbcTemplate jdbc, SubscriptionSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
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
		this.jdbc.update("DELETE FROM subscription WHERE subscriber_id IN (SELECT id FROM subscriber"
				+ " WHERE status = 'PENDING' AND COALESCE(confirmation_sent_at, created_at) < ?)", before);
		int deleted = this.jdbc.update(
				"DELETE FROM subscriber WHERE status = 'PENDING' AND COALESCE(confirmation_sent_at, created_at) < ?",
				before);
		if (deleted > 0) {
			log.info("Deleted {} unconfirmed sign-up(s) older than {} days", deleted, this.settings.pendingDays());
		}
		return deleted;
	}

}
