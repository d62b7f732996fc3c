package org.curveball.session.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;

/**
 * One {@code redis-server} process of a cluster or Sentinel setup that a test runs on
 * this machine, with commands connected to it alone.
 */
public final class LocalRedisNode implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final ProcessRedisRunner runner;

	private final int port;

	private final ReconnectingCommands commands;

	private LocalRedisNode(ProcessRedisRunner runner, int port, ClientResources resources) {
		this.runner = runner;
		this.port = port;
		this.commands = new ReconnectingCommands(HOST, port, resources);
	}

	/**
	 * Prepare a node, not started yet, in a temporary directory of its own.
	 * @param executable the {@code redis-server} executable
	 * @param port the port
	 * @param arguments the arguments besides the port and address, for the node's working
	 * directory
	 * @param resources the client resources of the node's commands
	 * @return the node
	 * @throws IOException if its directory could not be created
	 */
	static LocalRedisNode prepare(Path executable, int port, Function<Path, List<String>> arguments,
			ClientResources resources) throws IOException {
		ProcessRedisRunner runner = new ProcessRedisRunner(executable, port,
				(directory) -> withAddress(port, arguments.apply(directory)));
		return new LocalRedisNode(runner, port, resources);
	}

	private static List<String> withAddress(int port, List<String> arguments) {
		// A configuration file, if any, must come first
		return Stream.concat(arguments.stream(), List.of("--port", Integer.toString(port), "--bind", HOST).stream())
			.toList();
	}

	/**
	 * Return the node's port on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the node's address as Spring Boot's node lists take it.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String address() {
		return HOST + ":" + this.port;
	}

	/**
	 * Return synchronous commands connected to this node alone, which connect again after
	 * the node was restarted.
	 * @return the commands
	 */
	public RedisCommands<String, String> commands() {
		return this.commands.commands();
	}

	/**
	 * Return whether the node's process runs.
	 * @return whether it runs
	 */
	public boolean isRunning() {
		return this.runner.isRunning();
	}

	/**
	 * Return the node's working directory.
	 * @return the directory
	 */
	Path directory() {
		return this.runner.directory();
	}

	/**
	 * Start the node and return once it answers {@code PING}.
	 */
	void start() {
		RedisTestServer.attempt("start redis-server on port " + this.port, this.runner::start);
	}

	/**
	 * Kill the node at once, as a crash does.
	 */
	void kill() {
		this.commands.disconnect();
		RedisTestServer.attempt("kill redis-server on port " + this.port, this.runner::kill);
	}

	/**
	 * Stop the node if it runs and delete its directory.
	 */
	@Override
	public void close() {
		this.commands.close();
		if (isRunning()) {
			RedisTestServer.attempt("stop redis-server on port " + this.port, this.runner::stop);
		}
		RedisTestServer.attempt("clean up after redis-server on port " + this.port, this.runner::close);
	}

	@Override
	public String toString() {
		return address();
	}

}
