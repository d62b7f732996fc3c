package org.curveball.session.testing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.Assert;

/**
 * Base of the JUnit extensions that run several Redis processes on this machine for a
 * test class, such as a cluster or a Sentinel setup: started before the class, made whole
 * again before each test (nodes an earlier test killed come back), stopped and deleted
 * after the class, and skipped, with the reason, where no {@code redis-server} is on the
 * {@code PATH}.
 *
 * @param <T> the type of the running setup
 */
abstract class LocalRedisExtension<T extends AutoCloseable>
		implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	private final String description;

	private @Nullable T running;

	private @Nullable Class<?> owner;

	/**
	 * Create an extension.
	 * @param description what it runs, such as "a Redis Cluster", for the reason a test
	 * is skipped
	 */
	LocalRedisExtension(String description) {
		this.description = description;
	}

	/**
	 * Start the setup.
	 * @return the running setup
	 */
	abstract T start();

	/**
	 * Start again what a test killed, wait until the setup is whole, and delete every
	 * key.
	 * @param setup the running setup
	 */
	abstract void reset(T setup);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (this.running != null || RedisProvider.redisServerOnPath().isPresent()) {
			return ConditionEvaluationResult.enabled("redis-server is on the PATH");
		}
		return ConditionEvaluationResult.disabled("These tests run " + this.description
				+ " from the redis-server executable, and there is none on the PATH (install redis-server;"
				+ " running the nodes in containers instead would need a Docker engine)");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// Nested test classes run inside their enclosing class and share its setup.
		if (this.running == null) {
			this.running = start();
			this.owner = context.getRequiredTestClass();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset(running());
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (context.getRequiredTestClass() == this.owner) {
			T setup = running();
			this.running = null;
			this.owner = null;
			setup.close();
		}
	}

	/**
	 * Return the setup of the running test class.
	 * @return the setup
	 */
	final T running() {
		T setup = this.running;
		Assert.state(setup != null, () -> "No " + this.description + ": register the extension on a static field");
		return setup;
	}

}
