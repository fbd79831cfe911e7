package vn.bantin.commune;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import vn.bantin.cluster.TestCluster;
import vn.bantin.system.TestFileStore;

/**
 * The commune's identity in slice tests ({@code @PersistenceTest}) of other modules:
 * {@code @Import(TestCommune.class)} gives them {@link Commune} with its settings, and
 * {@link SiteAddress}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommuneSettings.class)
@Import({ Commune.class, SiteAddress.class, TestCluster.class, TestFileStore.class })
public class TestCommune {

}
