package org.curveball.session.testing;

import java.util.Map;

import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.util.Assert;

/**
 * JUnit extension that runs one {@link RedisTestServer} for a test class and, before each
 * test, starts it again if an earlier test left it stopped, empties it and resets its
 * statistics.
 * <p>
 * Register it on a static field: <pre class="code">
 * &#64;RegisterExtension
 * static final RedisServerExtension redis = new RedisServerExtension();
 * </pre> A field of an abstract base class serves each of its test classes in turn with a
 * server of their own; {@link PersistentRedis} on a test class makes its server keep its
 * data across stop and start.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	private @Nullable RedisTestServer server;

	private @Nullable Class<?> owner;

	@Override
	public void beforeAll(ExtensionContext context) {
		// Nested test classes run inside their enclosing class and share its server.
		if (this.server == null) {
			Class<?> testClass = context.getRequiredTestClass();
			boolean persistent = AnnotationSupport.isAnnotated(testClass, PersistentRedis.class);
			this.server = persistent ? RedisTestServer.startNewPersistent() : RedisTestServer.startNew();
			this.owner = testClass;
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		RedisTestServer server = server();
		server.start();
		server.flushAll();
		server.resetStats();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (context.getRequiredTestClass() == this.owner) {
			server().close();
			this.server = null;
			this.owner = null;
		}
	}

	/**
	 * Return the server of the running test class.
	 * @return the server
	 */
	public RedisTestServer server() {
		RedisTestServer server = this.server;
		Assert.state(server != null, "No Redis server: register the extension on a static field");
		return server;
	}

	/**
	 * Return the host on which the server accepts connections.
	 * @return the host
	 */
	public String host() {
		return server().host();
	}

	/**
	 * Return the server's port, which stays the same across restarts.
	 * @return the port
	 */
	public int port() {
		return server().port();
	}

	/**
	 * Return the server's address as a {@code redis://host:port} URL.
	 * @return the URL
	 */
	public String url() {
		return server().url();
	}

	/**
	 * Return how the server runs: {@code container}, {@code binary} or {@code embedded}.
	 * @return the provider's name
	 */
	public String provider() {
		return server().provider();
	}

	/**
	 * Stop the server gracefully, after which commands fail with a connection error.
	 */
	public void stop() {
		server().stop();
	}

	/**
	 * Start the stopped server again, on the same port and with the same data directory.
	 */
	public void start() {
		server().start();
	}

	/**
	 * Stop the server, then start it again.
	 */
	public void restart() {
		server().restart();
	}

	/**
	 * Return synchronous Lettuce commands for assertions, which connect on first use and
	 * again after a restart.
	 * @return the commands
	 */
	public RedisCommands<String, String> commands() {
		return server().commands();
	}

	/**
	 * Return how many times each command was called since the last test started or
	 * {@link #resetStats()}, by lower-case name (such as {@code getex}, {@code set}).
	 * @return the calls by command name, without commands never called
	 */
	public Map<String, Long> commandCalls() {
		return server().commandCalls();
	}

	/**
	 * Reset the server's statistics, which {@link #commandCalls()} reads.
	 */
	public void resetStats() {
		server().resetStats();
	}

	/**
	 * Delete every key of every database.
	 */
	public void flushAll() {
		server().flushAll();
	}

}
