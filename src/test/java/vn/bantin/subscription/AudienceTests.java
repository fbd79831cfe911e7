package vn.bantin.subscription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.commune.Commune;
import vn.bantin.commune.TestCommune;
import vn.bantin.mailroom.TestMailroom;
import vn.bantin.subscription.Audience.Recipient;
import vn.bantin.subscription.Audience.RecipientLinks;
import vn.bantin.subscription.LinkTokens.Check;
import vn.bantin.subscription.LinkTokens.Purpose;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who receives a list, bounces, and the signed links, on H2 and on PostgreSQL. The checks
 * commit (as the application does), so they clean up after themselves.
 */
class AudienceTests {

	private static final String DOMAIN = "audience.test";

	private static final String LIST = "audience-list";

	@Nested
	@H2Database
	class OnH2 extends AudienceChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends AudienceChecks {

	}

	@PersistenceTest
	@Import({ Audience.class, MailLinks.class, LinkTokens.class, PreferenceGenerations.class, TestCommune.class,
			TestMailroom.class, TestSubscribers.class })
	@EnableConfigurationProperties(SubscriptionSettings.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class AudienceChecks {

		@Autowired
		Audience audience;

		@Autowired
		LinkTokens tokens;

		@Autowired
		TestSubscribers subscribers;

		/**
		 * Statements of the test itself, outside the application's transactions, see
		 * every commune.
		 */
		JdbcTemplate jdbc;

		@Autowired
		void jdbc(DataSource dataSource) {
			this.jdbc = AllCommunes.jdbc(dataSource);
		}

		@Autowired
		PlatformTransactionManager transactions;

		@Autowired
		Clock clock;

		@Autowired
		Commune commune;

		@Autowired
		PreferenceGenerations generations;

		@Autowired
		MailLinks mailLinks;

		@BeforeEach
		@AfterEach
		void cleanUp() {
			this.subscribers.deleteDomain(DOMAIN);
			this.subscribers.deleteList(LIST);
			this.subscribers.deleteList("big-list");
		}

		@Test
		void recipientsAreTheConfirmedSubscribersOfTheListNotSuppressedInOrderOfId() {
			long receives = this.subscribers.add("an@" + DOMAIN, "CONFIRMED", LIST);
			long leftThisList = this.subscribers.add("binh@" + DOMAIN, "CONFIRMED", LIST);
			long bouncedEverything = this.subscribers.add("chi@" + DOMAIN, "CONFIRMED", LIST, "other");
			long leftAnotherList = this.subscribers.add("Dung@" + DOMAIN, "CONFIRMED", LIST, "other");
			this.subscribers.add("em@" + DOMAIN, "PENDING", LIST);
			this.subscribers.add("giang@" + DOMAIN, "LEFT", LIST);
			this.subscribers.add("ha@" + DOMAIN, "CONFIRMED", "other");
			this.subscribers.suppress("binh@" + DOMAIN, LIST, "LEFT");
			this.subscribers.suppress("chi@" + DOMAIN, "*", "BOUNCED");
			this.subscribers.suppress("dung@" + DOMAIN, "other", "LEFT");

			List<Recipient> recipients = this.audience.recipients(LIST);

			assertThat(recipients).extracting(Recipient::id).containsExactly(receives, leftAnotherList);
			assertThat(recipients.get(1).address()).isEqualTo("Dung@" + DOMAIN);
			assertThat(this.audience.stillReceiving(LIST,
					List.of(receives, leftThisList, bouncedEverything, leftAnotherList, receives, 999_999_999L)))
				.containsExactlyInAnyOrder(receives, leftAnotherList);
		}

		@Test
		void tenThousandRecipientsAreReadInOneQuickQuery() {
			List<Long> ids = this.subscribers.confirmed("big-list", 10_000);

			Instant start = Instant.now();
			List<Recipient> recipients = this.audience.recipients("big-list");
			Duration took = Duration.between(start, Instant.now());

			assertThat(recipients).extracting(Recipient::id).isEqualTo(ids);
			assertThat(recipients.get(0).name()).isEqualTo("Người đọc 1");
			assertThat(took).isLessThan(Duration.ofSeconds(3));
			assertThat(this.audience.stillReceiving("big-list", ids)).hasSize(10_000);
		}

		@Test
		void anAddressRefusedTwiceIsSuppressedForEveryList() {
			long id = this.subscribers.add("refused@" + DOMAIN, "CONFIRMED", LIST);

			this.audience.bounced(id, "550 5.1.1 User unknown");
			assertThat(this.audience.recipients(LIST)).extracting(Recipient::id).containsExactly(id);
			this.audience.bounced(id, "550 5.1.1 User unknown");

			assertThat(this.audience.recipients(LIST)).isEmpty();
			assertThat(
					this.jdbc.queryForObject("SELECT reason FROM suppression WHERE address_key = ? AND list_key = '*'",
							String.class, "refused@" + DOMAIN))
				.isEqualTo("BOUNCED");
			assertThat(this.jdbc.queryForObject("SELECT bounces FROM subscriber WHERE id = ?", Integer.class, id))
				.isEqualTo(2);
			this.audience.bounced(id, "550 again");
			this.audience.bounced(123_456_789L, "550 nobody");
		}

		@Test
		void listMailLinksAreAbsoluteAndCarryOnlyTheUnsubscribeTokenOfThatSubscriberAndList() {
			RecipientLinks links = this.audience.links(42, LIST);

			String site = this.commune.identity().websiteUrl().replaceAll("/$", "");
			assertThat(links.unsubscribe().toString()).startsWith(site + "/unsubscribe?token=");
			// a list mail is forwarded and archived: its preference link opens nothing
			assertThat(links.preferences().toString()).isEqualTo(site + "/preferences");
			assertThat(links.unsubscribe().isAbsolute()).isTrue();
			assertThat(links.unsubscribeMailto().getScheme()).isEqualTo("mailto");
			assertThat(links.unsubscribeMailto().toString()).contains("?subject=unsubscribe%20");
			LinkTokens.Checked unsubscribe = this.tokens.check(token(links.unsubscribe()), Purpose.UNSUBSCRIBE);
			assertThat(unsubscribe.genuine()).isTrue();
			assertThat(unsubscribe.token().orElseThrow().subscriberId()).isEqualTo(42);
			assertThat(unsubscribe.token().orElseThrow().lists()).isEqualTo(LIST);
		}

		@Test
		void preferenceTokensAlwaysExpireCarryTheirGenerationAndOldNeverExpiringOnesExpireNow() throws Exception {
			Instant now = this.clock.instant();
			assertThatThrownBy(() -> this.tokens.issue(Purpose.PREFERENCES, 7, "", null))
				.isInstanceOf(IllegalArgumentException.class);
			String fresh = this.tokens.issue(Purpose.PREFERENCES, 7, "", now.plusSeconds(3600), 3);
			URI mailed = this.mailLinks.preferences(7, 5);

			LinkTokens.Checked checked = this.tokens.check(fresh, Purpose.PREFERENCES);
			assertThat(checked.genuine()).isTrue();
			assertThat(checked.token().orElseThrow().generation()).isEqualTo(3);
			LinkTokens.Checked fromMail = this.tokens.check(token(mailed), Purpose.PREFERENCES);
			assertThat(fromMail.token().orElseThrow().generation()).isEqualTo(5);
			// what earlier versions put in every list mail and unsubscribe page: no
			// expiry
			assertThat(this.tokens.check(signed("PREFERENCES|7||0"), Purpose.PREFERENCES).check())
				.isEqualTo(Check.EXPIRED);
			// the unsubscribe links of letters already sent keep working
			LinkTokens.Checked oldUnsubscribe = this.tokens.check(signed("UNSUBSCRIBE|7|" + LIST + "|0"),
					Purpose.UNSUBSCRIBE);
			assertThat(oldUnsubscribe.genuine()).isTrue();
			assertThat(oldUnsubscribe.token().orElseThrow().lists()).isEqualTo(LIST);
			assertThat(this.tokens
				.check(signed("PREFERENCES|7||" + now.plusSeconds(60).getEpochSecond() + "|x"), Purpose.PREFERENCES)
				.check()).isEqualTo(Check.FORGED);
		}

		@Test
		void revocationsCountOneEachEvenManyAtOnceAndOnlyConfirmedSubscribersHaveAGeneration() throws Exception {
			long confirmed = this.subscribers.add("rev@" + DOMAIN, "CONFIRMED", LIST);
			long pending = this.subscribers.add("pending-rev@" + DOMAIN, "PENDING", LIST);
			assertThat(this.generations.ofConfirmed(confirmed)).contains(0L);
			assertThat(this.generations.ofConfirmed(pending)).isEmpty();
			assertThat(this.generations.addressOfConfirmed(confirmed)).contains("rev@" + DOMAIN);
			assertThat(this.generations.confirmedWithAddress("REV@" + DOMAIN)).contains(confirmed);
			assertThat(this.generations.confirmedWithAddress("pending-rev@" + DOMAIN)).isEmpty();
			assertThat(this.generations.revoke(999_999_999L)).isEmpty();

			int threads = 8;
			int each = 25;
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			List<Long> seen;
			try {
				List<Callable<List<Long>>> revokers = java.util.Collections.nCopies(threads, () -> {
					List<Long> mine = new java.util.ArrayList<>();
					for (int i = 0; i < each; i++) {
						mine.add(this.generations.revoke(confirmed).orElseThrow());
					}
					return mine;
				});
				seen = executor.invokeAll(revokers).stream().flatMap((f) -> AudienceChecks.get(f).stream()).toList();
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(seen).hasSize(threads * each).doesNotHaveDuplicates();
			assertThat(this.generations.ofConfirmed(confirmed)).contains((long) threads * each);
		}

		private String signed(String payload) throws Exception {
			this.tokens.issue(Purpose.CONFIRM, 1, "", this.clock.instant().plusSeconds(60));
			String secret = this.jdbc.queryForObject("SELECT secret FROM signing_key WHERE name = ?", String.class,
					LinkTokens.KEY_NAME);
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret), "HmacSHA256"));
			byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
			return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
		}

		@Test
		void tokensOfAnotherPurposeForgedOrExpiredAreRefused() {
			String unsubscribe = this.tokens.issue(Purpose.UNSUBSCRIBE, 7, LIST, null);
			String expired = this.tokens.issue(Purpose.CONFIRM, 7, LIST, this.clock.instant().minusSeconds(1));
			String valid = this.tokens.issue(Purpose.CONFIRM, 7, LIST, this.clock.instant().plusSeconds(3600));
			String otherList = this.tokens.issue(Purpose.UNSUBSCRIBE, 7, "other", null);
			String forged = otherList.substring(0, otherList.indexOf('.'))
					+ unsubscribe.substring(unsubscribe.indexOf('.'));

			assertThat(this.tokens.check(valid, Purpose.CONFIRM).check()).isEqualTo(Check.GENUINE);
			assertThat(this.tokens.check(unsubscribe, Purpose.CONFIRM).check()).isEqualTo(Check.FORGED);
			assertThat(this.tokens.check(unsubscribe, Purpose.PREFERENCES).check()).isEqualTo(Check.FORGED);
			assertThat(this.tokens.check(expired, Purpose.CONFIRM).check()).isEqualTo(Check.EXPIRED);
			assertThat(this.tokens.check(forged, Purpose.UNSUBSCRIBE).check()).isEqualTo(Check.FORGED);
			assertThat(this.tokens.check("not.a-token", Purpose.UNSUBSCRIBE).check()).isEqualTo(Check.FORGED);
			assertThat(this.tokens.check("%%%", Purpose.UNSUBSCRIBE).check()).isEqualTo(Check.FORGED);
			assertThat(this.tokens.check(null, Purpose.UNSUBSCRIBE).check()).isEqualTo(Check.FORGED);
		}

		@Test
		void everyNodeSignsWithTheOneSecretInTheDatabase() throws Exception {
			ExecutorService executor = Executors.newFixedThreadPool(4);
			try {
				List<Callable<String>> nodes = List.of(this::tokenOfANewNode, this::tokenOfANewNode,
						this::tokenOfANewNode, this::tokenOfANewNode);
				List<String> tokens = executor.invokeAll(nodes).stream().map(AudienceChecks::get).toList();
				assertThat(tokens).containsOnly(this.tokens.issue(Purpose.UNSUBSCRIBE, 1, "", null));
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM signing_key", Integer.class)).isEqualTo(1);
		}

		private String tokenOfANewNode() {
			return new LinkTokens(this.jdbc, this.transactions, this.clock).issue(Purpose.UNSUBSCRIBE, 1, "", null);
		}

		private static <T> T get(Future<T> future) {
			try {
				return future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String token(URI link) {
			String query = link.getQuery();
			return query.substring(query.indexOf("token=") + "token=".length());
		}

	}

}
