package vn.bantin.cluster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import vn.bantin.system.NodeId;

/**
 * What other modules' slice tests ({@code @PersistenceTest}) need of this module:
 * {@link ClusterChanges} (a module that keeps something in memory announces its changes
 * to the other nodes), with the node's name and its settings.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
@Import({ ClusterChanges.class, NodeId.class })
public class TestCluster {

}
