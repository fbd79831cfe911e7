package vn.bantin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link PersistenceTest} on the embedded PostgreSQL, with the {@code postgres}
 * profile as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.SliceDatabase.class)
public @interface PostgresDatabase {

}
