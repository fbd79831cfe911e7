package vn.bantin.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lists' queries (members of a list by address, a page at a time; counts per status;
 * a member by id) and the timetable entries of kind LIST (V20), on H2 and on PostgreSQL.
 */
class ListMemberPersistenceTests {

	private static final String LIST = "persist-list";

	@Nested
	@H2Database
	class OnH2 extends ListMemberChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends ListMemberChecks {

	}

	@PersistenceTest
	@Import(TestSubscribers.class)
	abstract static class ListMemberChecks {

		@Autowired
		ListMemberStore queries;

		@Autowired
		TestSubscribers subscribers;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void membersOfAListComeByAddressAPageAtATimeWithTheirCountsPerStatus() {
			long charlie = this.subscribers.add("charlie@persist.test", "CONFIRMED", LIST);
			this.subscribers.add("Alpha@persist.test", "CONFIRMED", LIST, "other-list");
			this.subscribers.add("bravo@persist.test", "PENDING", LIST);
			this.subscribers.add("delta@persist.test", "CONFIRMED", "other-list");

			Page<Subscriber> first = this.queries.members(LIST, PageRequest.of(0, 2));
			Page<Subscriber> second = this.queries.members(LIST, PageRequest.of(1, 2));

			assertThat(first.getContent()).extracting(Subscriber::address)
				.containsExactly("Alpha@persist.test", "bravo@persist.test");
			assertThat(second.getContent()).extracting(Subscriber::address).containsExactly("charlie@persist.test");
			assertThat(first.getTotalElements()).isEqualTo(3);
			assertThat(this.queries.allMembers(LIST)).hasSize(3);
			assertThat(this.queries.countByStatus(LIST))
				.extracting((row) -> row[0], (row) -> ((Number) row[1]).longValue())
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Subscriber.Status.CONFIRMED, 2L),
						org.assertj.core.groups.Tuple.tuple(Subscriber.Status.PENDING, 1L));
			assertThat(this.queries.member(LIST, charlie)).isPresent();
			assertThat(this.queries.member("other-list", charlie)).isEmpty();
		}

		@Test
		void timetableEntriesMayBeListsButNothingElseNew() {
			Timestamp now = Timestamp.from(Instant.parse("2026-11-29T00:00:00Z"));
			String insert = "INSERT INTO timetable_entry (commune_id, kind, entry_key, definition, created_by, created_at,"
					+ " updated_by, updated_at, version) VALUES (1, ?, ?, ?, 'test', ?, 'test', ?, 0)";

			this.jdbc.update(insert, "LIST", "persist-ui-list", "name: Hội Phụ nữ\npublic: true\n", now, now);

			List<Map<String, Object>> rows = this.jdbc
				.queryForList("SELECT kind, definition FROM timetable_entry WHERE entry_key = 'persist-ui-list'");
			assertThat(rows).singleElement()
				.satisfies(
						(row) -> assertThat(row.values()).containsExactly("LIST", "name: Hội Phụ nữ\npublic: true\n"));
			assertThatThrownBy(() -> this.jdbc.update(insert, "ZONE", "persist-zone", "", now, now))
				.isInstanceOf(DataIntegrityViolationException.class);
		}

	}

}
