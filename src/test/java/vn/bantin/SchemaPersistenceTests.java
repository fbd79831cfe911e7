package vn.bantin;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations build, on H2 and on PostgreSQL, the schema that the entities
 * expect.
 */
class SchemaPersistenceTests {

	private static final Pattern MIGRATION_FILE = Pattern.compile("V([0-9._]+)__[^$]+\\.(sql|class)");

	@Nested
	@H2Database
	class OnH2 extends SchemaChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends SchemaChecks {

	}

	@PersistenceTest
	abstract static class SchemaChecks {

		@Autowired
		Flyway flyway;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		EntityManagerFactory entityManagerFactory;

		@Test
		void flywayAppliesEveryMigrationFileSuccessfully() throws IOException {
			List<String> files = migrationFileVersions();
			assertThat(files).as("migration files").contains("1", "2", "3", "4");
			List<Map<String, Object>> history = this.jdbc.queryForList("SELECT \"version\", \"success\""
					+ " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
			assertThat(history).extracting((row) -> row.get("version")).containsExactlyElementsOf(files);
			assertThat(history).extracting((row) -> row.get("success")).containsOnly(true);
			assertThat(this.flyway.info().pending()).isEmpty();
			assertThat(this.flyway.info().applied()).extracting((migration) -> migration.getState())
				.containsOnly(MigrationState.SUCCESS);
		}

		@Test
		void hibernateValidatesEveryEntityAgainstTheMigratedSchema() {
			// The context started, so validation passed; make sure it really ran, and for
			// every entity.
			assertThat(this.entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
			assertThat(this.entityManagerFactory.getMetamodel().getEntities()).extracting(EntityType::getName)
				.contains("StaffUser", "CommuneRecord", "Plan");
		}

		private static List<String> migrationFileVersions() throws IOException {
			// SQL files, and Java migrations (V31: PostgreSQL's row-level security)
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			return Stream
				.concat(Arrays.stream(resolver.getResources("classpath*:db/migration/V*__*.sql")),
						Arrays.stream(resolver.getResources("classpath*:db/migration/V*__*.class")))
				.map(Resource::getFilename)
				.map(MIGRATION_FILE::matcher)
				.filter(Matcher::matches)
				.map((matcher) -> matcher.group(1).replace('_', '.'))
				.sorted(Comparator.comparing(MigrationVersion::fromVersion))
				.toList();
		}

	}

}
