package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.cluster.TestCluster;
import vn.bantin.commune.Communes;
import vn.bantin.commune.ProvinceSettings;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemKind;
import vn.bantin.content.PlanCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Slots and campaigns edited in the admin UI are stored whole, once per key, with their
 * version, on H2 and on PostgreSQL; what is stored is what {@link Timetables} then holds.
 * The checks commit (saving runs in transactions of its own), so they clean up after
 * themselves.
 */
class TimetableEntryPersistenceTests {

	private static final String FILES = "test-files";

	private static final String ITEM = "tt-test-item";

	@Nested
	@H2Database
	class OnH2 extends TimetableEntryChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends TimetableEntryChecks {

	}

	@PersistenceTest
	@Import({ StoredTimetables.class, Timetables.class, PlanCatalog.class, ItemCatalog.class, Communes.class,
			TestCluster.class })
	@org.springframework.boot.context.properties.EnableConfigurationProperties(ProvinceSettings.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class TimetableEntryChecks {

		@Autowired
		StoredTimetables stored;

		@Autowired
		Timetables timetables;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		PlatformTransactionManager transactions;

		@BeforeEach
		void defineZonesAndListsAndAnItem() {
			cleanUp();
			this.timetables.define(FILES,
					new Timetable(
							List.of(new Timetable.Zone("thon-a", "Thôn A", "zones.yaml"),
									new Timetable.Zone("thon-b", "Thôn B", "zones.yaml")),
							List.of(new Timetable.MailingList("cu-dan", "Cư dân", null, true, "lists.yaml")), List.of(),
							List.of()),
					List.of());
			Timestamp now = Timestamp.from(Instant.parse("2025-01-02T03:04:05Z"));
			sql("INSERT INTO item (commune_id, id, kind, title, body_markdown, priority, status, channels,"
					+ " search_text, created_at, updated_at, version) VALUES (1, ?, 'NEWS', 'Tin thử', 'Nội dung',"
					+ " 'NORMAL', 'APPROVED', 'web,feed,email,radio', 'tin thu', ?, ?, 0)", ITEM, now, now);
		}

		@AfterEach
		void cleanUp() {
			sql("DELETE FROM timetable_entry");
			sql("DELETE FROM item WHERE id = ?", ITEM);
			this.stored.reload();
		}

		/**
		 * A statement in a transaction of its own: on PostgreSQL only a transaction names
		 * its commune, and row-level security shows a statement without one no row.
		 */
		private int sql(String statement, Object... arguments) {
			return new TransactionTemplate(this.transactions).execute((tx) -> this.jdbc.update(statement, arguments));
		}

		@Test
		void aSlotWithEveryFieldIsStoredAndDefinedAsItWasEntered() {
			Slot slot = new Slot("ban-tin-day-du", "Bản tin đầy đủ", Channel.RADIO, SlotKind.TIMED,
					new Recurrence(List.of(LocalTime.of(6, 0), LocalTime.of(17, 30)),
							Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), 2, LocalDate.of(2026, 1, 5),
							Set.of(LocalDate.of(2026, 3, 2)),
							List.of(new Recurrence.DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))),
							Set.of(LocalDate.of(2026, 2, 17)), null),
					Duration.ofMinutes(45), Set.of("thon-a", "thon-b"), null, null);
			Slot digest = new Slot("thu-tong-hop", "Thư tổng hợp", Channel.EMAIL, SlotKind.DIGEST,
					Recurrence.cron("0 0 7 ? * MON"), null, null, "cu-dan", null);

			this.stored.createSlot(SlotForm.of(slot, null), "cán bộ văn hóa");
			this.stored.createSlot(SlotForm.of(digest, null), "cán bộ văn hóa");

			assertThat(this.timetables.current().slot(slot.key())).contains(slot);
			assertThat(this.timetables.current().slot(digest.key())).contains(digest);
			assertThat(AllCommunes.<String>sql(this.transactions, this.jdbc,
					(jdbc) -> jdbc.queryForObject(
							"SELECT created_by FROM timetable_entry WHERE kind = 'SLOT' AND entry_key = ?",
							String.class, slot.key())))
				.isEqualTo("cán bộ văn hóa");
			assertThat(AllCommunes.<String>sql(this.transactions, this.jdbc,
					(jdbc) -> jdbc.queryForObject("SELECT definition FROM timetable_entry WHERE entry_key = ?",
							String.class, slot.key())))
				.contains("name: Bản tin đầy đủ", "times: 06:00, 17:30", "length: 45m");
		}

		@Test
		void aCampaignIsStoredAndDefinedAsItWasEntered() {
			this.stored.createSlot(SlotForm.of(new Slot("sang", "Sáng", Channel.RADIO, SlotKind.TIMED,
					Recurrence.at(LocalTime.of(6, 0)), null, null, null, null), null), "cán bộ");
			Campaign campaign = new Campaign("chuyen-doi-so", "Chuyển đổi số", null, null, Set.of("so-hoa"),
					Set.of(ItemKind.NEWS), Set.of(ITEM), List.of("sang"), LocalDate.of(2026, 1, 1),
					LocalDate.of(2026, 12, 31), 3, Duration.ofDays(7), 2, CampaignOrder.NEWEST, null);

			this.stored.createCampaign(CampaignForm.of(campaign, null), "cán bộ");

			assertThat(this.timetables.current().campaign(campaign.key())).contains(campaign);
		}

		@Test
		void aKeyIsStoredOncePerKind() {
			String insert = "INSERT INTO timetable_entry (commune_id, kind, entry_key, definition, created_by, created_at,"
					+ " updated_by, updated_at, version) VALUES (1, ?, 'trung', 'name: x', 'a', ?, 'a', ?, 0)";
			Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
			sql(insert, "SLOT", now, now);
			sql(insert, "CAMPAIGN", now, now);
			assertThatThrownBy(() -> sql(insert, "SLOT", now, now)).isInstanceOf(DataIntegrityViolationException.class);
		}

		@Test
		void aSaveOverAStaleVersionIsRefusedAndTheNewerOneStays() {
			Slot slot = new Slot("chung", "Chung", Channel.WEB, SlotKind.TIMED, Recurrence.at(LocalTime.of(8, 0)), null,
					null, null, null);
			this.stored.createSlot(SlotForm.of(slot, null), "thứ nhất");
			long opened = this.stored.slot("chung").orElseThrow().form().version();
			this.stored.updateSlot("chung", SlotForm.of(rename(slot, "Của người thứ nhất"), opened), "thứ nhất");

			assertThatThrownBy(() -> this.stored.updateSlot("chung",
					SlotForm.of(rename(slot, "Của người thứ hai"), opened), "thứ hai"))
				.isInstanceOfSatisfying(TimetableChangeRefused.class,
						(refused) -> assertThat(refused.reason()).isEqualTo(TimetableChangeRefused.Reason.CONFLICT));
			assertThat(this.timetables.current().slot("chung").orElseThrow().name()).isEqualTo("Của người thứ nhất");
			assertThat(this.stored.slot("chung").orElseThrow().updatedBy()).isEqualTo("thứ nhất");
		}

		@Test
		void aRolledBackSaveNeverReachesTheTimetables() {
			Slot slot = new Slot("bo-di", "Bỏ đi", Channel.WEB, SlotKind.TIMED, Recurrence.at(LocalTime.of(8, 0)), null,
					null, null, null);
			new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.stored.createSlot(SlotForm.of(slot, null), "cán bộ");
				status.setRollbackOnly();
			});

			assertThat(this.timetables.current().slot("bo-di")).isEmpty();
			assertThat(this.stored.slot("bo-di")).isEmpty();
		}

		@Test
		void entriesInTheDatabaseAreDefinedWhenLoadedAgain() {
			Slot slot = new Slot("nap-lai", "Nạp lại", Channel.FEED, SlotKind.ON_PUBLISH, null, null, null, null, null);
			this.stored.createSlot(SlotForm.of(slot, null), "cán bộ");
			this.timetables.define(StoredTimetables.SOURCE, Timetable.empty(), List.of());
			assertThat(this.timetables.current().slot("nap-lai")).isEmpty();

			this.stored.reload();

			assertThat(this.timetables.current().slot("nap-lai")).contains(slot);
		}

		private static Slot rename(Slot slot, String name) {
			return new Slot(slot.key(), name, slot.channel(), slot.kind(), slot.recurrence(), slot.length(),
					slot.zones(), slot.list(), slot.source());
		}

	}

}
