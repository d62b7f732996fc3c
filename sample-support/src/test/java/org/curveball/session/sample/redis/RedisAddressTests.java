package org.curveball.session.sample.redis;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisAddress}: which single server the sample's sessions use, if any.
 */
class RedisAddressTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void nothingSet_isBootsDefault() {
		assertThat(RedisAddress.of(this.environment)).contains(new RedisAddress("localhost", 6379));
	}

	@Test
	void bootClusterNodes_noSingleServer() {
		this.environment.setProperty("spring.data.redis.cluster.nodes", "127.0.0.1:7000,127.0.0.1:7001");
		assertThat(RedisAddress.of(this.environment)).isEmpty();
	}

	@Test
	void bootSentinelNodesIndexed_noSingleServer() {
		this.environment.setProperty("spring.data.redis.sentinel.nodes[0]", "127.0.0.1:26379");
		assertThat(RedisAddress.of(this.environment)).isEmpty();
	}

	@Test
	void sessionClusterNodes_noSingleServerWhateverBootUses() {
		this.environment.setProperty("curveball.session.redis.cluster.nodes", "127.0.0.1:7000");
		this.environment.setProperty("spring.data.redis.port", "6390");
		assertThat(RedisAddress.of(this.environment)).isEmpty();
	}

	@Test
	void sessionHost_winsOverBootsClusterNodes() {
		this.environment.setProperty("curveball.session.redis.host", "127.0.0.1");
		this.environment.setProperty("curveball.session.redis.port", "6391");
		this.environment.setProperty("spring.data.redis.cluster.nodes", "127.0.0.1:7000");
		assertThat(RedisAddress.of(this.environment)).contains(new RedisAddress("127.0.0.1", 6391));
	}

}
