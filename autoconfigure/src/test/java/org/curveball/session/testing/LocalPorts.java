package org.curveball.session.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds ports of the loopback interface that nothing listens on, for servers that a test
 * starts.
 */
final class LocalPorts {

	/**
	 * How far above its port a Redis Cluster node listens for the other nodes.
	 */
	static final int CLUSTER_BUS_OFFSET = 10000;

	// Below the usual ephemeral ranges (Linux from 32768, macOS and Windows from 49152),
	// so that neither port can be taken by an outgoing connection meanwhile.
	private static final int FIRST_CLUSTER_PORT = 10000;

	private static final int LAST_CLUSTER_PORT = 32767 - CLUSTER_BUS_OFFSET;

	private static final int ATTEMPTS = 1000;

	private LocalPorts() {
	}

	/**
	 * Return a port that nothing listened on a moment ago.
	 * @return the port
	 */
	static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

	/**
	 * Return a port for a Redis Cluster node: free, whose cluster bus port (the port +
	 * {@value #CLUSTER_BUS_OFFSET}) is free too, and neither of them one of those already
	 * taken.
	 * @param taken ports already given to other nodes, which may not listen yet
	 * @return the port
	 */
	static int freeWithClusterBus(Set<Integer> taken) {
		for (int i = 0; i < ATTEMPTS; i++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST_CLUSTER_PORT, LAST_CLUSTER_PORT + 1);
			int bus = port + CLUSTER_BUS_OFFSET;
			if (!taken.contains(port) && !taken.contains(bus) && !taken.contains(port - CLUSTER_BUS_OFFSET)
					&& isFree(port) && isFree(bus)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between %d and %d whose port + %d is free too"
			.formatted(FIRST_CLUSTER_PORT, LAST_CLUSTER_PORT, CLUSTER_BUS_OFFSET));
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
