package org.curveball.session.testing;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * Runs a {@code redis-server} executable as a child process of this JVM, with its data
 * and output in a temporary directory of its own.
 */
final class ProcessRedisRunner implements RedisRunner {

	private static final Set<Process> children = ConcurrentHashMap.newKeySet();

	static {
		// An interrupted test run never reaches close(); Redis must not outlive it.
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> children.forEach(Process::destroyForcibly), "redis-server-reaper"));
	}

	private final Path directory;

	private final Path output;

	private final List<String> command;

	private final int port;

	private @Nullable Process process;

	ProcessRedisRunner(Path executable, RedisSettings settings) throws IOException {
		this(executable, settings.port(), settings::localOptions);
	}

	/**
	 * Prepare a server with arguments of its own, such as a cluster node's or a
	 * sentinel's.
	 * @param executable the {@code redis-server} executable
	 * @param port the port the arguments make the server listen on
	 * @param arguments the arguments for a working directory; paths relative to it work
	 * @throws IOException if the working directory could not be created
	 */
	ProcessRedisRunner(Path executable, int port, Function<Path, List<String>> arguments) throws IOException {
		this.directory = Files.createTempDirectory("curveball-redis-");
		this.output = this.directory.resolve("redis-server.log");
		this.command = new ArrayList<>();
		this.command.add(executable.toString());
		this.command.addAll(arguments.apply(this.directory));
		this.port = port;
	}

	/**
	 * Return the server's working directory, where its data and output are kept.
	 * @return the directory
	 */
	Path directory() {
		return this.directory;
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public void start() throws Exception {
		Process process = new ProcessBuilder(this.command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(this.output.toFile()))
			.start();
		children.add(process);
		this.process = process;
		try {
			RedisPing.await(host(), this.port, process::isAlive, this::output);
		}
		catch (Exception ex) {
			stop();
			throw ex;
		}
	}

	@Override
	public void stop() throws InterruptedException {
		Process process = running();
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		children.remove(process);
		this.process = null;
	}

	/**
	 * Kill the server at once ({@code SIGKILL}), as a crash or a lost machine would stop
	 * it: it saves nothing and closes no connection gracefully.
	 * @throws InterruptedException if the thread was interrupted while waiting for the
	 * process to end
	 */
	void kill() throws InterruptedException {
		Process process = running();
		process.destroyForcibly().waitFor();
		children.remove(process);
		this.process = null;
	}

	/**
	 * Return whether the server's process is running.
	 * @return whether it runs
	 */
	boolean isRunning() {
		Process process = this.process;
		return process != null && process.isAlive();
	}

	private Process running() {
		Process process = this.process;
		Assert.state(process != null, "redis-server is not running");
		return process;
	}

	@Override
	public void close() throws IOException {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	private String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "(could not read " + this.output + ": " + ex.getMessage() + ")";
		}
	}

}
