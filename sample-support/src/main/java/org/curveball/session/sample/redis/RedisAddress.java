package org.curveball.session.sample.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The address of the Redis server that the sample's sessions use: the session-only
 * connection's ({@code curveball.session.redis.url}, {@code host}, {@code port}) when one
 * of those is set, else Spring Boot's ({@code spring.data.redis.*}). Sessions on a Redis
 * Cluster or behind Sentinel ({@code cluster.nodes}, {@code sentinel.nodes} of either)
 * have no single address.
 *
 * @param host the host name or address
 * @param port the port
 */
record RedisAddress(String host, int port) {

	private static final String DEFAULT_HOST = "localhost";

	private static final int DEFAULT_PORT = 6379;

	/**
	 * Return the address of the single Redis server that sessions use.
	 * @param environment the application's environment
	 * @return the address, or empty when sessions use a Redis Cluster or a Sentinel setup
	 */
	static Optional<RedisAddress> of(Environment environment) {
		if (hasNodes(environment, "curveball.session.redis.")) {
			return Optional.empty();
		}
		boolean sessionOnly = environment.containsProperty("curveball.session.redis.url")
				|| environment.containsProperty("curveball.session.redis.host")
				|| environment.containsProperty("curveball.session.redis.port");
		if (!sessionOnly && hasNodes(environment, "spring.data.redis.")) {
			return Optional.empty();
		}
		return Optional.of(of(environment, sessionOnly ? "curveball.session.redis." : "spring.data.redis."));
	}

	private static boolean hasNodes(Environment environment, String prefix) {
		Binder binder = Binder.get(environment);
		return Stream.of("cluster.nodes", "sentinel.nodes")
			.anyMatch((nodes) -> binder.bind(prefix + nodes, Bindable.listOf(String.class))
				.map((list) -> !list.isEmpty())
				.orElse(false));
	}

	private static RedisAddress of(Environment environment, String prefix) {
		String url = environment.getProperty(prefix + "url");
		if (url != null) {
			URI uri = URI.create(url);
			return new RedisAddress(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : DEFAULT_PORT);
		}
		return new RedisAddress(environment.getProperty(prefix + "host", DEFAULT_HOST),
				environment.getProperty(prefix + "port", Integer.class, DEFAULT_PORT));
	}

	/**
	 * Return whether the address is on this machine's loopback interface.
	 * @return {@code true} for {@code localhost}, {@code 127.0.0.1}, {@code ::1}, …
	 */
	boolean isLoopback() {
		try {
			return InetAddress.getByName(this.host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Return whether a server accepts connections at the address.
	 * @param timeout how long to wait for the connection
	 * @return {@code true} if something listens there
	 */
	boolean answers(Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), (int) timeout.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return this.host + ":" + this.port;
	}

}
