package vn.bantin.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The {@link FileStore} in slice tests ({@code @PersistenceTest}) of modules that write
 * files: the store {@code bantin.files.*} names (the data folder by default), with the
 * node's name.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileStoreSettings.class)
@Import({ FileStores.class, NodeId.class })
public class TestFileStore {

}
