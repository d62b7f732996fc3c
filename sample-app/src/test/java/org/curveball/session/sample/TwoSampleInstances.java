package org.curveball.session.sample;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.curveball.session.testing.RedisServerExtension;

/**
 * JUnit extension that runs two instances of the sample on the Redis server of a test
 * class, as behind a load balancer, for the class's tests. Register it on a static field
 * ordered after the Redis server's, so that the instances start after it and stop before
 * it: <pre class="code">
 * &#64;RegisterExtension
 * &#64;Order(1)
 * static final RedisServerExtension redis = new RedisServerExtension();
 *
 * &#64;RegisterExtension
 * &#64;Order(2)
 * static final TwoSampleInstances instances = new TwoSampleInstances(redis);
 * </pre> The test class gives the instances more settings with {@link SampleArguments}.
 */
final class TwoSampleInstances implements BeforeAllCallback, AfterAllCallback {

	private final RedisServerExtension redis;

	private @Nullable RunningSample first;

	private @Nullable RunningSample second;

	/**
	 * Run both instances on a Redis server.
	 * @param redis the Redis server of the test class
	 */
	TwoSampleInstances(RedisServerExtension redis) {
		this.redis = redis;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		String[] arguments = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SampleArguments.class)
			.map(SampleArguments::value)
			.orElse(new String[0]);
		this.first = RunningSample.start(this.redis, arguments);
		this.second = RunningSample.start(this.redis, arguments);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		for (RunningSample instance : new RunningSample[] { this.second, this.first }) {
			if (instance != null) {
				instance.close();
			}
		}
		this.first = null;
		this.second = null;
	}

	RunningSample first() {
		return running(this.first);
	}

	RunningSample second() {
		return running(this.second);
	}

	private static RunningSample running(@Nullable RunningSample instance) {
		if (instance == null) {
			throw new IllegalStateException("The instances run only while their test class does");
		}
		return instance;
	}

}
