package vn.bantin.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.system.NodeId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Membership on both databases: a node is alive while its heartbeat, written with the
 * database's clock, is within the timeout of the database's clock, and gone once it
 * stopped or missed it.
 */
class NodesPersistenceTests {

	@Nested
	@H2Database
	class OnH2 extends MembershipChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends MembershipChecks {

	}

	@PersistenceTest
	@Import(NodeTable.class)
	abstract static class MembershipChecks {

		static final ClusterSettings SETTINGS = new ClusterSettings(Duration.ofSeconds(30), Duration.ofSeconds(5),
				Duration.ofMillis(500));

		@Autowired
		NodeTable table;

		@Autowired
		JdbcTemplate jdbc;

		Nodes web1;

		@BeforeEach
		void nodes() {
			this.web1 = new Nodes(this.table, NodeId.named("web-1:8080"), SETTINGS, Optional.empty());
		}

		@Test
		void aStartedNodeIsAliveWithItsHeartbeatOnTheDatabasesClock() {
			this.table.started("web-2:8080", "1.2.3", "first");
			Instant now = this.web1.databaseNow();
			assertThat(this.web1.alive("web-2:8080")).isTrue();
			NodeStatus web2 = this.web1.members()
				.stream()
				.filter((n) -> n.id().equals("web-2:8080"))
				.findFirst()
				.orElseThrow();
			assertThat(web2.gone()).isFalse();
			assertThat(web2.self()).isFalse();
			assertThat(web2.version()).isEqualTo("1.2.3");
			assertThat(web2.heartbeatAt()).isCloseTo(now, within(Duration.ofSeconds(5)));
		}

		@Test
		void aNodeWhoseLastHeartbeatIsOlderThanTheTimeoutIsGoneAndOneJustWithinIsAlive() {
			Instant now = this.web1.databaseNow();
			row("web-2:8080", now.minusSeconds(31), null);
			row("web-3:8080", now.minusSeconds(20), null);
			assertThat(this.web1.alive("web-2:8080")).isFalse();
			assertThat(this.web1.alive("web-3:8080")).isTrue();
			assertThat(this.web1.members()).filteredOn(NodeStatus::gone)
				.extracting(NodeStatus::id)
				.containsExactly("web-2:8080");
		}

		@Test
		void aNodeThatStoppedIsGoneAtOnceAndAnUnknownNodeIsNotAlive() {
			this.table.started("web-2:8080", "1.2.3", "first");
			this.table.stopped("web-2:8080", "first");
			assertThat(this.web1.alive("web-2:8080")).isFalse();
			assertThat(this.web1.alive("never-seen:1")).isFalse();
			assertThat(this.web1.members()).filteredOn((n) -> n.id().equals("web-2:8080"))
				.singleElement()
				.satisfies((n) -> {
					assertThat(n.gone()).isTrue();
					assertThat(n.stoppedAt()).isNotNull();
				});
		}

		@Test
		void aNodeStartedAgainUnderItsNameTakesItsRowBackAndTheOldLifesHeartbeatIsRefused() {
			this.table.started("web-2:8080", "1.2.3", "first");
			this.table.stopped("web-2:8080", "first");
			this.table.started("web-2:8080", "1.2.4", "second");
			assertThat(this.web1.alive("web-2:8080")).isTrue();
			assertThat(this.table.beat("web-2:8080", "first")).isFalse();
			assertThat(this.table.beat("web-2:8080", "second")).isTrue();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM cluster_node WHERE id = 'web-2:8080'",
					Integer.class))
				.isEqualTo(1);
		}

		@Test
		void thisNodeIsAliveToItselfAndNodesNotSeenForAWeekAreForgotten() {
			Instant now = this.web1.databaseNow();
			row("old:8080", now.minus(Duration.ofDays(8)), null);
			row("recent:8080", now.minus(Duration.ofDays(6)), null);
			assertThat(this.web1.alive("web-1:8080")).isTrue();
			assertThat(this.table.forget(now.minus(Duration.ofDays(7)))).isEqualTo(1);
			assertThat(this.jdbc.queryForList("SELECT id FROM cluster_node ORDER BY id", String.class))
				.containsExactly("recent:8080");
		}

		private void row(String id, Instant heartbeat, Instant stopped) {
			this.jdbc.update(
					"INSERT INTO cluster_node (id, version, incarnation, started_at, heartbeat_at, stopped_at) "
							+ "VALUES (?, 'x', 'i', ?, ?, ?)",
					id, heartbeat.atOffset(ZoneOffset.UTC), heartbeat.atOffset(ZoneOffset.UTC),
					(stopped != null) ? stopped.atOffset(ZoneOffset.UTC) : (OffsetDateTime) null);
		}

	}

}
