package org.curveball.session.sample;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.testing.RedisServerExtension;

/**
 * Base of the tests that run two instances of the sample on one Redis server of the test
 * class's own, as behind a load balancer. A test class gives the instances more settings
 * with {@link SampleArguments}.
 */
abstract class AbstractTwoSampleInstancesTests {

	@RegisterExtension
	@Order(1)
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	@Order(2)
	static final TwoSampleInstances instances = new TwoSampleInstances(redis);

	static SampleClient first() {
		return instances.first().http();
	}

	static SampleClient second() {
		return instances.second().http();
	}

}
