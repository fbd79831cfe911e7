package vn.bantin.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import vn.bantin.MutableClockConfiguration;
import vn.bantin.SchedulerName;
import vn.bantin.content.TestPublishedItems;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with the sample content and the extra items of
 * {@link PublicPages}, for the checks of the public site's quality bar (valid HTML,
 * accessibility, weight, working without JavaScript). Every test class with this
 * annotation shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bantin.data-dir=target/test-data/public-site-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:public-site-${random.uuid}", SchedulerName.RANDOM })
@Import({ MutableClockConfiguration.class, TestPublishedItems.class, PublicPages.class })
@interface PublicSiteTest {

}
