package org.curveball.session.sample.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import redis.embedded.RedisServer;

/**
 * The Redis 6.2 server shipped by embedded-redis, run as a child process on one loopback
 * address without persistence.
 */
final class EmbeddedRedis implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedRedis.class);

	private final RedisServer server;

	private EmbeddedRedis(RedisServer server) {
		this.server = server;
	}

	/**
	 * Start a server that listens at an address of this machine.
	 * @param address a loopback address
	 * @return the running server
	 * @throws UncheckedIOException if the server cannot be started
	 */
	static EmbeddedRedis start(RedisAddress address) {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind(InetAddress.getByName(address.host()).getHostAddress())
				.port(address.port())
				.setting("save \"\"")
				.setting("appendonly no")
				.soutListener(logger::trace)
				.serrListener(logger::warn)
				.build();
			server.start();
			return new EmbeddedRedis(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis at " + address, ex);
		}
	}

	/**
	 * Stop the server, if it still runs.
	 */
	@Override
	public void close() throws IOException {
		if (this.server.isActive()) {
			this.server.stop();
			logger.info("Stopped the embedded Redis");
		}
	}

}
