package org.curveball.session.sample.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Curveball (Node.js) application of {@code interop/curveball-node}, run as a child
 * process on a free port against a given Redis, with Curveball's default cookie and key
 * prefix.
 */
public final class CurveballNodeApp implements AutoCloseable {

	private static final String SETUP = "run 'npm ci --prefix interop/curveball-node' from the repository root";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final Path log;

	private final int port;

	private CurveballNodeApp(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Start the application and wait until it accepts connections.
	 * @param redisHost the host of the Redis that keeps the sessions
	 * @param redisPort the port of that Redis
	 * @return the running application
	 */
	public static CurveballNodeApp start(String redisHost, int redisPort) {
		Path app = locate();
		if (!Files.isDirectory(app.resolve("node_modules/@curveball/session-redis"))) {
			fail("The Curveball interop app has no node_modules in " + app + ": " + SETUP);
		}
		int port = FreePorts.find();
		try {
			Path log = Files.createTempFile("curveball-node", ".log");
			Process process = new ProcessBuilder("node", "server.mjs", Integer.toString(port),
					Integer.toString(redisPort), redisHost)
				.directory(app.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			CurveballNodeApp started = new CurveballNodeApp(process, log, port);
			started.awaitPort();
			return started;
		}
		catch (IOException ex) {
			return fail(
					"Could not start Node.js ('node' on the PATH, version 18 or later is needed; then " + SETUP + ")",
					ex);
		}
	}

	private static Path locate() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path app = dir.resolve("interop/curveball-node");
			if (Files.isRegularFile(app.resolve("server.mjs"))) {
				return app;
			}
		}
		return fail("interop/curveball-node/server.mjs not found above " + Path.of("").toAbsolutePath());
	}

	private void awaitPort() throws IOException {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				fail("The Curveball interop app exited with " + this.process.exitValue() + ":\n" + output());
			}
			if (accepts()) {
				return;
			}
			sleep(Duration.ofMillis(100));
		}
		close();
		fail("The Curveball interop app did not listen on port " + this.port + " within " + STARTUP_TIMEOUT + ":\n"
				+ output());
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Return a client for the application.
	 * @return the client
	 */
	public SampleClient http() {
		return new SampleClient("http://127.0.0.1:" + this.port);
	}

	/**
	 * Return what the application printed so far.
	 * @return its standard output and error
	 */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop the application and delete its log.
	 */
	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		Files.deleteIfExists(this.log);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Curveball interop app", ex);
		}
	}

}
