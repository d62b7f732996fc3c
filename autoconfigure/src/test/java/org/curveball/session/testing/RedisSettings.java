package org.curveball.session.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one test Redis server runs: its port on this machine and whether its data survives
 * a restart.
 *
 * @param port the port on 127.0.0.1, kept across restarts
 * @param persistent whether every write goes to an append-only file before it is
 * acknowledged, so that a restart keeps the data
 */
record RedisSettings(int port, boolean persistent) {

	static RedisSettings onFreePort(boolean persistent) {
		return new RedisSettings(LocalPorts.free(), persistent);
	}

	/**
	 * Return the {@code redis-server} options for a server that runs on this machine.
	 * @param directory the server's working directory, where it keeps its data
	 * @return the options
	 */
	List<String> localOptions(Path directory) {
		List<String> options = new ArrayList<>(List.of("--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--daemonize", "no", "--dir", directory.toString()));
		options.addAll(persistenceOptions());
		return options;
	}

	/**
	 * Return the {@code redis-server} options that decide whether data survives a
	 * restart.
	 * @return the options
	 */
	List<String> persistenceOptions() {
		return this.persistent ? List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always")
				: List.of("--save", "", "--appendonly", "no");
	}

}
