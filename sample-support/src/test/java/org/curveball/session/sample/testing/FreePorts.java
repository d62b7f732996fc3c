package org.curveball.session.sample.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds ports of the loopback interface that nothing listens on.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Return a port that nothing listened on a moment ago.
	 * @return the port
	 */
	public static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

}
