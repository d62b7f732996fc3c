package org.curveball.session.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits, for a bounded time, until a Redis server answers {@code PING}.
 */
final class RedisPing {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

	private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PONG = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);

	private RedisPing() {
	}

	/**
	 * Wait until the server answers, failing early once it has exited.
	 * @param host the server's host
	 * @param port the server's port
	 * @param alive whether the server is still running
	 * @param output what the server printed, for the error message
	 * @throws InterruptedException if the thread was interrupted while waiting
	 * @throws IllegalStateException if the server exited or did not answer in time
	 */
	static void await(String host, int port, BooleanSupplier alive, Supplier<String> output)
			throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!answers(host, port)) {
			if (!alive.getAsBoolean() || System.nanoTime() > deadline) {
				String reason = alive.getAsBoolean() ? "did not answer PING within " + TIMEOUT.toSeconds() + " s"
						: "exited before answering PING";
				throw new IllegalStateException(
						"Redis on %s:%d %s. Its output:%n%s".formatted(host, port, reason, output.get()));
			}
			Thread.sleep(50);
		}
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) ATTEMPT_TIMEOUT.toMillis());
			socket.setSoTimeout((int) ATTEMPT_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(PING);
			out.flush();
			InputStream in = socket.getInputStream();
			return Arrays.equals(in.readNBytes(PONG.length), PONG);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
