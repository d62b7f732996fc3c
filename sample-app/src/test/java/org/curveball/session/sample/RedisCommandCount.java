package org.curveball.session.sample;

import java.util.Map;

import org.curveball.session.testing.RedisServerExtension;

/**
 * Counts the commands a test's Redis server runs for the application from a starting
 * point, leaving out those that reading the count itself costs.
 */
final class RedisCommandCount {

	private final RedisServerExtension redis;

	private final Map<String, Long> start;

	private RedisCommandCount(RedisServerExtension redis) {
		this.redis = redis;
		this.start = redis.commandCalls();
	}

	static RedisCommandCount start(RedisServerExtension redis) {
		return new RedisCommandCount(redis);
	}

	/**
	 * Return how many commands ran since the count started.
	 * @return the number of commands, other than {@code INFO} and {@code CONFIG}
	 */
	long sinceStart() {
		return this.redis.commandCalls()
			.entrySet()
			.stream()
			.filter((calls) -> !calls.getKey().startsWith("info") && !calls.getKey().startsWith("config"))
			.mapToLong((calls) -> calls.getValue() - this.start.getOrDefault(calls.getKey(), 0L))
			.sum();
	}

}
