package vn.bantin.mailing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mailings go out ({@code bantin.mailing.*}).
 *
 * @param ratePerSecond the most messages sent per second by this node (all workers and
 * all communes together: the province's one relay); 0 or less for no limit
 * @param ratePerHour the most messages sent in any hour by this node; 0 or less for no
 * limit
 * @param batchSize how many deliveries a worker claims at once
 * @param workers how many worker threads send (each over its own connection); 0 turns
 * sending off on this node
 * @param maxAttempts how many temporary failures a delivery may have before it is failed
 * (10 with the default back-off: about eight and a half hours of a server that does not
 * take mail)
 * @param backOffBase the wait after the first temporary failure; doubled after each
 * further one (1m, 2m, 4m, ...)
 * @param backOffMax the longest wait between attempts
 * @param pollInterval how often an idle worker looks for due deliveries (it is also woken
 * when a mailing is made)
 * @param staleAfter a claimed or sending row whose claim is this old by the database's
 * clock belongs to a worker that is stuck or gone, even on a node that still beats:
 * claimed rows go back to pending, sending ones become uncertain (rows of a node that is
 * gone are taken over as soon as it is seen gone). Keep it longer than the SMTP timeouts,
 * or a slow answer makes its row uncertain. Default 1 min
 * @param communeRatePerSecond the most messages one commune sends per second from this
 * node; 0 or less for no limit of its own (only {@code rate-per-second} applies)
 * @param communeRatePerHour the most messages one commune sends in any hour from this
 * node; 0 or less for no limit of its own (only {@code rate-per-hour} applies)
 */
@ConfigurationProperties("bantin.mailing")
record MailingSettings(@DefaultValue("10") double ratePerSecond, @DefaultValue("20000") int ratePerHour,
		@DefaultValue("50") int batchSize, @DefaultValue("2") int workers, @DefaultValue("10") int maxAttempts,
		@DefaultValue("1m") Duration backOffBase, @DefaultValue("6h") Duration backOffMax,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1m") Duration staleAfter,
		@DefaultValue("0") double communeRatePerSecond, @DefaultValue("0") int communeRatePerHour) {

	public MailingSettings {
		batchSize = Math.max(1, batchSize);
		workers = Math.max(0, workers);
		maxAttempts = Math.max(1, maxAttempts);
		backOffBase = (backOffBase != null && !backOffBase.isNegative()) ? backOffBase : Duration.ofMinutes(1);
		backOffMax = (backOffMax != null && !backOffMax.isNegative()) ? backOffMax : Duration.ofHours(6);
		pollInterval = (pollInterval != null && !pollInterval.isNegative() && !pollInterval.isZero()) ? pollInterval
				: Duration.ofSeconds(1);
		staleAfter = (staleAfter != null && !staleAfter.isNegative()) ? staleAfter : Duration.ofMinutes(1);
	}

}
