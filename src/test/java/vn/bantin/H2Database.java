package vn.bantin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@link PersistenceTest} on H2, configured as the application configures it
 * except that the database lives in memory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:bantin-slice;DB_CLOSE_DELAY=-1")
public @interface H2Database {

}
