package vn.bantin.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An item's revision, the revision approved and who made the current one are stored and
 * read back on H2 and on PostgreSQL (migration V29), and the approval rules hold on what
 * was read back: only the current revision, never by its maker while four-eyes is on.
 */
class ApprovedRevisionPersistenceTests {

	static final Instant T0 = Instant.parse("2026-12-07T03:33:52.395513Z");

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	@Nested
	@H2Database
	class OnH2 extends RevisionChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends RevisionChecks {

	}

	@PersistenceTest
	abstract static class RevisionChecks {

		@Autowired
		ItemStore items;

		@Autowired
		TestEntityManager entities;

		@Test
		void theApprovedRevisionAndItsMakerSurviveStorageAndTheRulesHoldOnWhatWasRead() {
			this.items.save(Item.draft("hop-dan-thon-2", draft("Họp dân thôn 2"), "van-hoa", T0, ZONE));
			flush();
			Item item = this.items.findById("hop-dan-thon-2").orElseThrow();
			item.submit(T0.plusSeconds(1));
			item.edit(draft("Họp dân thôn 2, đổi giờ"), "van-hoa", T0.plusSeconds(2), ZONE);
			flush();

			Item read = this.items.findById("hop-dan-thon-2").orElseThrow();
			assertThat(read.view().revision()).isEqualTo(2);
			assertThat(read.view().lastEditedBy()).isEqualTo("van-hoa");
			assertThatThrownBy(() -> read.approve("chu-tich", 1, false, true, T0.plusSeconds(3)))
				.isInstanceOf(ItemChangedSinceSeen.class);
			assertThatThrownBy(() -> read.approve("van-hoa", 2, false, true, T0.plusSeconds(3)))
				.isInstanceOf(FourEyesRefused.class);
			read.approve("chu-tich", 2, false, true, T0.plusSeconds(3));
			flush();

			ItemView approved = this.items.findById("hop-dan-thon-2").orElseThrow().view();
			assertThat(approved.status()).isEqualTo(ItemStatus.APPROVED);
			assertThat(approved.approvedRevision()).isEqualTo(2);
			assertThat(approved.approvedAt()).isEqualTo(T0.plusSeconds(3));

			// a recording is a new revision: back to approval, the approved one
			// remembered
			Item recorded = this.items.findById("hop-dan-thon-2").orElseThrow();
			assertThat(recorded.recorded("dai-truyen-thanh", T0.plusSeconds(4))).isTrue();
			flush();
			ItemView back = this.items.findById("hop-dan-thon-2").orElseThrow().view();
			assertThat(back.status()).isEqualTo(ItemStatus.SUBMITTED);
			assertThat(back.revision()).isEqualTo(3);
			assertThat(back.approvedRevision()).isEqualTo(2);
			assertThat(back.lastEditedBy()).isEqualTo("dai-truyen-thanh");
		}

		private static ItemDraft draft(String title) {
			return new ItemDraft(ItemKind.NEWS, title, null, "Nội dung " + title + ".", List.of(), List.of(), List.of(),
					Priority.NORMAL, null, null, Set.of(Channel.WEB), null, null, null, null, null, null,
					OnExpiry.ARCHIVE);
		}

		private void flush() {
			this.entities.flush();
			this.entities.clear();
		}

	}

}
