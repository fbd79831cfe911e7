package vn.bantin;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

/**
 * A JPA slice test (repositories, Hibernate with {@code ddl-auto=validate}, Flyway) on
 * the database the application is configured with, not a replacement. Each test runs in a
 * transaction that is rolled back.
 *
 * <p>
 * Put it on an abstract class of checks and extend that once per database, with
 * {@link H2Database} and {@link PostgresDatabase}, so that the same checks run on both.
 *
 * <p>
 * Slices skip {@code @ConfigurationPropertiesScan}, but the application class's
 * {@code Clock} bean needs {@link BantinProperties}, so it is enabled here. The
 * transaction manager is the application's ({@link CommuneTransactionManager}): on
 * PostgreSQL every test's transaction is told its commune, and row-level security holds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@EnableConfigurationProperties(BantinProperties.class)
@Import({ CommuneTenancy.class, CommuneTransactionManager.class })
public @interface PersistenceTest {

}
