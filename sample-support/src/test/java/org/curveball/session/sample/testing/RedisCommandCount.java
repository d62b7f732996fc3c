package org.curveball.session.sample.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.curveball.session.testing.RedisServerExtension;

/**
 * Counts the commands a test's Redis server runs for the application from a starting
 * point, leaving out those that reading the count itself costs.
 */
public final class RedisCommandCount {

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

	/**
	 * Start counting once the server has run no command for the application for 100 ms,
	 * so that what earlier requests did after their responses were sent (a tomcat thread
	 * still finishing) is not counted for the next one.
	 * @param redis the test's Redis server
	 * @return the count
	 */
	public static RedisCommandCount start(RedisServerExtension redis) {
		Map<String, Long> before = requestWork(redis.commandCalls());
		for (int i = 0; i < 50; i++) {
			pause();
			Map<String, Long> now = requestWork(redis.commandCalls());
			if (now.equals(before)) {
				break;
			}
			before = now;
		}
		return new RedisCommandCount(redis);
	}

	/**
	 * Return how many commands ran since the count started.
	 * @return the number of commands, other than {@code INFO}, {@code CONFIG} and a
	 * client's connection handshake
	 */
	public long sinceStart() {
		return commandsSinceStart().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Return the commands that ran since the count started, by name, for a failure
	 * message.
	 * @return the commands and how often each ran
	 */
	public Map<String, Long> commandsSinceStart() {
		Map<String, Long> ran = new TreeMap<>();
		this.redis.commandCalls().forEach((command, calls) -> {
			long since = calls - this.start.getOrDefault(command, 0L);
			if (since > 0 && isRequestWork(command)) {
				ran.put(command, since);
			}
		});
		return ran;
	}

	private static Map<String, Long> requestWork(Map<String, Long> calls) {
		Map<String, Long> work = new TreeMap<>(calls);
		work.keySet().removeIf((command) -> !isRequestWork(command));
		return work;
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Redis to settle", ex);
		}
	}

	private static boolean isRequestWork(String command) {
		return !command.startsWith("info") && !command.startsWith("config") && !HANDSHAKE.contains(command);
	}

}
