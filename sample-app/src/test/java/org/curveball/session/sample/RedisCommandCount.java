package org.curveball.session.sample;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.curveball.session.testing.RedisServerExtension;

/**
 * Counts the commands a test's Redis server runs for the application from a starting
 * point, leaving out those that reading the count itself costs.
 */
final class RedisCommandCount {

	/**
	 * The handshake of a Lettuce client (re)connecting: it happens whenever a connection
	 * is established, not because of a request.
	 */
	private static final Set<String> HANDSHAKE = Set.of("hello", "client|setinfo", "client|setname");

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
	 * @return the number of commands, other than {@code INFO}, {@code CONFIG} and a
	 * client's connection handshake
	 */
	long sinceStart() {
		return commandsSinceStart().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Return the commands that ran since the count started, by name, for a failure
	 * message.
	 * @return the commands and how often each ran
	 */
	Map<String, Long> commandsSinceStart() {
		Map<String, Long> ran = new TreeMap<>();
		this.redis.commandCalls().forEach((command, calls) -> {
			long since = calls - this.start.getOrDefault(command, 0L);
			if (since > 0 && isRequestWork(command)) {
				ran.put(command, since);
			}
		});
		return ran;
	}

	private static boolean isRequestWork(String command) {
		return !command.startsWith("info") && !command.startsWith("config") && !HANDSHAKE.contains(command);
	}

}
