package org.curveball.session.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;

/**
 * Lettuce commands for assertions, which connect on first use and connect again on the
 * first use after the server was restarted, so that tests may keep one reference.
 */
final class ReconnectingCommands implements AutoCloseable {

	private final RedisURI uri;

	private final RedisCommands<String, String> commands;

	private final @Nullable ClientResources resources;

	private @Nullable RedisClient client;

	private @Nullable StatefulRedisConnection<String, String> connection;

	ReconnectingCommands(String host, int port) {
		this(host, port, null);
	}

	/**
	 * Create commands whose client uses the given resources (threads, timers), which stay
	 * open when this closes.
	 * @param host the server's host
	 * @param port the server's port
	 * @param resources the resources, shared with other clients; {@code null} for a
	 * client with its own
	 */
	@SuppressWarnings("unchecked")
	ReconnectingCommands(String host, int port, @Nullable ClientResources resources) {
		this.resources = resources;
		this.uri = RedisURI.builder().withHost(host).withPort(port).withTimeout(Duration.ofSeconds(10)).build();
		this.commands = (RedisCommands<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RedisCommands.class }, (proxy, method, arguments) -> invoke(method, arguments));
	}

	RedisCommands<String, String> commands() {
		return this.commands;
	}

	/**
	 * Close the current connection, so that the next command connects afresh and fails at
	 * once while the server is down, instead of waiting for a reconnection.
	 */
	synchronized void disconnect() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	@Override
	public synchronized void close() {
		disconnect();
		if (this.client != null) {
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			this.client = null;
		}
	}

	private @Nullable Object invoke(Method method, @Nullable Object @Nullable [] arguments) throws Throwable {
		try {
			return method.invoke(connection().sync(), arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private synchronized StatefulRedisConnection<String, String> connection() {
		StatefulRedisConnection<String, String> connection = this.connection;
		if (connection == null || !connection.isOpen()) {
			disconnect();
			connection = client().connect();
			this.connection = connection;
		}
		return connection;
	}

	private RedisClient client() {
		RedisClient client = this.client;
		if (client == null) {
			client = (this.resources != null) ? RedisClient.create(this.resources, this.uri)
					: RedisClient.create(this.uri);
			// A server that went away is reached again by connecting anew on the next
			// command, not by Lettuce queueing commands until a background reconnect.
			client.setOptions(ClientOptions.builder().autoReconnect(false).build());
			this.client = client;
		}
		return client;
	}

}
