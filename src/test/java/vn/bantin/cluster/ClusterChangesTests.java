package vn.bantin.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.system.NodeId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database (two {@link ClusterChanges} with their own names): what one
 * announces reaches the other once, after the commit, never a rolled-back change and
 * never back to itself; rows written out of id order are not missed.
 */
class ClusterChangesTests {

	@Nested
	@H2Database
	class OnH2 extends ChangeChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends ChangeChecks {

	}

	@PersistenceTest
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class ChangeChecks {

		static final ClusterSettings SETTINGS = new ClusterSettings(Duration.ofSeconds(30), Duration.ofSeconds(5),
				Duration.ofMillis(500));

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		PlatformTransactionManager transactions;

		final List<ChangedElsewhere> heardOnOne = new CopyOnWriteArrayList<>();

		final List<ChangedElsewhere> heardOnTwo = new CopyOnWriteArrayList<>();

		ClusterChanges one;

		ClusterChanges two;

		@BeforeEach
		void twoNodes() {
			this.jdbc.update("DELETE FROM cluster_change");
			String suffix = Long.toString(System.nanoTime(), 36);
			this.one = new ClusterChanges(this.jdbc, NodeId.named("one-" + suffix), SETTINGS,
					(event) -> this.heardOnOne.add((ChangedElsewhere) event), this.transactions);
			this.two = new ClusterChanges(this.jdbc, NodeId.named("two-" + suffix), SETTINGS,
					(event) -> this.heardOnTwo.add((ChangedElsewhere) event), this.transactions);
			this.one.poll();
			this.two.poll();
		}

		@Test
		void aChangeAnnouncedOnOneNodeIsHeardOnceOnTheOtherAndNotOnItself() {
			this.one.announce("communes", 0);
			this.one.announce("timetable", 7);
			assertThat(this.two.poll()).isEqualTo(2);
			assertThat(this.heardOnTwo).containsExactly(new ChangedElsewhere("communes", 0),
					new ChangedElsewhere("timetable", 7));
			assertThat(this.two.poll()).isZero();
			assertThat(this.one.poll()).isZero();
			assertThat(this.heardOnOne).isEmpty();
		}

		@Test
		void aChangeInATransactionIsAnnouncedOnlyWhenItCommits() {
			TransactionTemplate transaction = new TransactionTemplate(this.transactions);
			transaction.executeWithoutResult((status) -> {
				this.one.announce("items", 3);
				assertThat(this.two.poll()).as("before the commit").isZero();
			});
			transaction.executeWithoutResult((status) -> {
				this.one.announce("items", 4);
				status.setRollbackOnly();
			});
			assertThat(this.two.poll()).isEqualTo(1);
			assertThat(this.heardOnTwo).containsExactly(new ChangedElsewhere("items", 3));
		}

		@Test
		void aRowThatBecomesVisibleAfterALaterOneIsStillHeard() {
			// the second announcement is read first, as when a later id commits first
			this.jdbc.update("INSERT INTO cluster_change (id, topic, commune_id, node, changed_at) "
					+ "VALUES (1000001, 'items', 2, 'three', CURRENT_TIMESTAMP)");
			assertThat(this.two.poll()).isEqualTo(1);
			this.jdbc.update("INSERT INTO cluster_change (id, topic, commune_id, node, changed_at) "
					+ "VALUES (1000000, 'items', 1, 'three', CURRENT_TIMESTAMP)");
			assertThat(this.two.poll()).isEqualTo(1);
			assertThat(this.heardOnTwo).containsExactly(new ChangedElsewhere("items", 2),
					new ChangedElsewhere("items", 1));
		}

		@Test
		void whatChangedBeforeANodeStartedIsNotHeardAgain() {
			this.one.announce("communes", 0);
			ClusterChanges late = new ClusterChanges(this.jdbc, NodeId.named("late"), SETTINGS,
					(event) -> this.heardOnTwo.add((ChangedElsewhere) event), this.transactions);
			late.start();
			try {
				assertThat(late.poll()).isZero();
			}
			finally {
				late.stop();
			}
		}

	}

}
