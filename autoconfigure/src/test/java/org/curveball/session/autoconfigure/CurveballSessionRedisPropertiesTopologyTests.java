package org.curveball.session.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.testing.ExpectedWarnings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the cluster and Sentinel groups of {@link CurveballSessionRedisProperties}:
 * how they are read, and which combinations fail start-up, naming their key.
 */
class CurveballSessionRedisPropertiesTopologyTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(
			"org.springframework.context.annotation.AnnotationConfigApplicationContext",
			"Exception encountered during context initialization");

	private static final String CLUSTER_NODES = "curveball.session.redis.cluster.nodes=cache-1:6379,cache-2:6380";

	private static final String SENTINEL_NODES = "curveball.session.redis.sentinel.nodes=s1:26379,s2:26379";

	private static final String SENTINEL_MASTER = "curveball.session.redis.sentinel.master=sessions";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void clusterNodes_commaSeparated_areReadInOrder() {
		this.contextRunner.withPropertyValues(CLUSTER_NODES)
			.run((context) -> assertThat(context.getBean(CurveballSessionRedisProperties.class).getCluster().getNodes())
				.containsExactly("cache-1:6379", "cache-2:6380"));
	}

	@Test
	void clusterNodes_withoutPort_failsStartup() {
		assertStartupFails("cluster.nodes", "curveball.session.redis.cluster.nodes=cache-1:6379,cache-2");
	}

	@Test
	void clusterNodes_portOutOfRange_failsStartup() {
		assertStartupFails("cluster.nodes", "curveball.session.redis.cluster.nodes=cache-1:70000");
	}

	@Test
	void sentinelNodes_withoutHost_failsStartup() {
		assertStartupFails("sentinel.nodes", SENTINEL_MASTER, "curveball.session.redis.sentinel.nodes=:26379");
	}

	@Test
	void sentinelNodes_withoutMaster_failsStartup() {
		assertStartupFails("sentinel.master", SENTINEL_NODES);
	}

	@Test
	void sentinelMaster_withoutNodes_failsStartup() {
		assertStartupFails("sentinel.nodes", SENTINEL_MASTER);
	}

	@Test
	void clusterAndSentinelNodes_failStartup() {
		assertStartupFails("sentinel.nodes", CLUSTER_NODES, SENTINEL_MASTER, SENTINEL_NODES);
	}

	@Test
	void url_withClusterNodes_failsStartup() {
		assertStartupFails("url", CLUSTER_NODES, "curveball.session.redis.url=redis://sessions:6379");
	}

	@Test
	void host_withSentinelNodes_failsStartup() {
		assertStartupFails("host", SENTINEL_MASTER, SENTINEL_NODES, "curveball.session.redis.host=sessions");
	}

	@Test
	void port_withClusterNodes_failsStartup() {
		assertStartupFails("port", CLUSTER_NODES, "curveball.session.redis.port=6390");
	}

	@Test
	void database_onCluster_failsStartup() {
		assertStartupFails("database", CLUSTER_NODES, "curveball.session.redis.database=2");
	}

	@Test
	void clusterMaxRedirects_negative_failsStartup() {
		assertStartupFails("cluster.max-redirects", CLUSTER_NODES, "curveball.session.redis.cluster.max-redirects=-1");
	}

	@Test
	void clusterRefreshPeriod_zero_failsStartup() {
		assertStartupFails("cluster.refresh.period", "curveball.session.redis.cluster.refresh.period=0s");
	}

	private void assertStartupFails(String key, String... properties) {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis." + key,
				properties);
	}

}
