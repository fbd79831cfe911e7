package vn.bantin.content;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ItemCatalog#lastVisibleChange}, the base of the site's Last-Modified: the latest
 * publication, edit or past expiry of an item residents have seen, never a change of an
 * item they never saw nor anything after now; on H2 and on PostgreSQL.
 */
class VisibleChangePersistenceTests {

	static final Instant T0 = Instant.parse("2026-05-04T01:00:00Z");

	@Nested
	@H2Database
	class OnH2 extends VisibleChangeChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends VisibleChangeChecks {

	}

	@PersistenceTest
	abstract static class VisibleChangeChecks {

		@Autowired
		ItemStore items;

		@Autowired
		TestEntityManager entities;

		@Test
		void nothingEverPublishedIsTheEpoch() {
			save(item("ban-nhap", null));
			assertThat(new ItemCatalog(this.items).lastVisibleChange(T0.plusSeconds(3600))).isEqualTo(Instant.EPOCH);
		}

		@Test
		void latestPublicationOrPastExpiryCountsButNotDraftsNorTheFuture() {
			ItemCatalog catalog = new ItemCatalog(this.items);
			Item shown = item("hop-dan", null);
			shown.approve("chu-tich", shown.revision(), false, true, T0);
			shown.published(T0.plusSeconds(60));
			save(shown);
			// expires at 12:00 commune time, 05:00 UTC
			Item expiring = item("cat-dien", "2026-05-04 12:00");
			expiring.approve("chu-tich", expiring.revision(), false, true, T0);
			expiring.published(T0.plusSeconds(120));
			save(expiring);
			// written after every publication, but never seen by residents
			Item draft = item("nhap-moi", null, T0.plusSeconds(600));
			save(draft);
			flush();

			Instant now = T0.plusSeconds(900);
			assertThat(catalog.lastVisibleChange(now)).isEqualTo(T0.plusSeconds(120));
			assertThat(catalog.lastVisibleChange(T0.plusSeconds(90))).as("a later publication is not yet seen")
				.isEqualTo(T0.plusSeconds(60));
			assertThat(catalog.lastVisibleChange(Instant.parse("2026-05-04T06:00:00Z"))).as("expired by then")
				.isEqualTo(Instant.parse("2026-05-04T05:00:00Z"));

			this.items.findById("hop-dan").orElseThrow().archive(T0.plusSeconds(800));
			flush();
			assertThat(catalog.lastVisibleChange(now)).as("withdrawn from the site").isEqualTo(T0.plusSeconds(800));
		}

		private void save(Item item) {
			this.items.save(item);
		}

		private void flush() {
			this.entities.flush();
			this.entities.clear();
		}

		private static Item item(String id, String expireAt) {
			return item(id, expireAt, T0);
		}

		private static Item item(String id, String expireAt, Instant at) {
			String text = "---\nid: " + id + "\nkind: news\ntitle: \"Tin " + id + "\"\nstatus: submitted\n"
					+ "channels: [web]\n" + ((expireAt != null) ? "expire-at: " + expireAt + "\n" : "")
					+ "---\nNội dung.\n";
			ItemFile file = ItemFile
				.parse("items/" + id + ".md", text,
						new ItemFile.Context(Path.of("content"), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")))
				.item();
			assertThat(file).as("valid item file").isNotNull();
			return Item.fromFile(file, null, at);
		}

	}

}
