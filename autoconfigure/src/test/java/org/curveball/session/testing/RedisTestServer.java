package org.curveball.session.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis server of its own for one test suite, on a free port of 127.0.0.1, which tests
 * can stop and restart to inject faults.
 * <p>
 * It runs in a {@code redis:7} container where Docker answers, else from a
 * {@code redis-server} on the {@code PATH}, else from the executable shipped by
 * embedded-redis; the system property {@code curveball.test.redis} ({@code container},
 * {@code binary} or {@code embedded}) forces one.
 */
public final class RedisTestServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisTestServer.class);

	private static final Pattern COMMAND_CALLS = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)", Pattern.MULTILINE);

	private final RedisProvider provider;

	private final RedisSettings settings;

	private final RedisRunner runner;

	private final ReconnectingCommands commands;

	private boolean running;

	private RedisTestServer(RedisProvider provider, RedisSettings settings, RedisRunner runner) {
		this.provider = provider;
		this.settings = settings;
		this.runner = runner;
		this.commands = new ReconnectingCommands(runner.host(), settings.port());
	}

	/**
	 * Start a server whose data is lost when it stops.
	 * @return the running server
	 */
	public static RedisTestServer startNew() {
		return startNew(false);
	}

	/**
	 * Start a server that writes every change to an append-only file before answering, so
	 * that its data survives {@link #stop()} and {@link #start()}.
	 * @return the running server
	 */
	public static RedisTestServer startNewPersistent() {
		return startNew(true);
	}

	/**
	 * Return whether a Docker engine answers, so that a test can run containers of its
	 * own; asked quietly, without Testcontainers' report of every place it looked.
	 * @return whether containers can run
	 */
	public static boolean isDockerAvailable() {
		return ContainerRedisRunner.isDockerAvailable();
	}

	private static RedisTestServer startNew(boolean persistent) {
		RedisTestServer server = prepare(RedisProvider.select(), persistent);
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		logger.info("Redis for tests: {} on {}", server.provider(), server.url());
		return server;
	}

	private static RedisTestServer prepare(RedisProvider provider, boolean persistent) {
		try {
			RedisSettings settings = RedisSettings.onFreePort(persistent);
			return new RedisTestServer(provider, settings, provider.create(settings));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Redis for tests (" + provider.id() + ")", ex);
		}
	}

	/**
	 * Return the host on which the server accepts connections.
	 * @return the host
	 */
	public String host() {
		return this.runner.host();
	}

	/**
	 * Return the server's port, which stays the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.settings.port();
	}

	/**
	 * Return the server's address as a {@code redis://host:port} URL.
	 * @return the URL
	 */
	public String url() {
		return "redis://" + host() + ":" + port();
	}

	/**
	 * Return how the server runs: {@code container}, {@code binary} or {@code embedded}.
	 * @return the provider's name
	 */
	public String provider() {
		return this.provider.id();
	}

	/**
	 * Stop the server gracefully, after which commands fail with a connection error.
	 */
	public void stop() {
		if (this.running) {
			this.commands.disconnect();
			attempt("stop Redis", this.runner::stop);
			this.running = false;
		}
	}

	/**
	 * Start the stopped server again, on the same port and with the same data directory.
	 */
	public void start() {
		if (!this.running) {
			attempt("start Redis", this.runner::start);
			this.running = true;
		}
	}

	/**
	 * Stop the server, then start it again.
	 */
	public void restart() {
		stop();
		start();
	}

	/**
	 * Return synchronous Lettuce commands for assertions, which connect on first use and
	 * again after a restart.
	 * @return the commands
	 */
	public RedisCommands<String, String> commands() {
		return this.commands.commands();
	}

	/**
	 * Return how many times each command was called since the last {@link #resetStats()},
	 * by lower-case name as {@code INFO commandstats} reports it (such as {@code getex},
	 * {@code evalsha}, {@code set}).
	 * @return the calls by command name, without commands never called
	 */
	public Map<String, Long> commandCalls() {
		Matcher matcher = COMMAND_CALLS.matcher(commands().info("commandstats"));
		Map<String, Long> calls = new TreeMap<>();
		while (matcher.find()) {
			calls.put(matcher.group(1).toLowerCase(Locale.ROOT), Long.parseLong(matcher.group(2)));
		}
		return Collections.unmodifiableMap(calls);
	}

	/**
	 * Reset the server's statistics, which {@link #commandCalls()} reads.
	 */
	public void resetStats() {
		commands().configResetstat();
	}

	/**
	 * Delete every key of every database.
	 */
	public void flushAll() {
		commands().flushall();
	}

	/**
	 * Stop the server for good and delete what it kept on disk.
	 */
	@Override
	public void close() {
		stop();
		this.commands.close();
		attempt("clean up after Redis", this.runner::close);
	}

	/**
	 * Run a step of a server's life cycle, turning its checked exceptions into an
	 * {@link IllegalStateException} that names the action.
	 * @param action what the step does, for the message
	 * @param step the step
	 */
	static void attempt(String action, Step step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Could not " + action, ex);
		}
	}

	/**
	 * A step of a server's life cycle, which may throw what the runner throws.
	 */
	@FunctionalInterface
	interface Step {

		void run() throws Exception;

	}

}
