package org.curveball.session.testing;

import java.util.ArrayList;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Runs Redis in a {@code redis:7} container, bound to a fixed host port so that a restart
 * keeps the port.
 */
final class ContainerRedisRunner implements RedisRunner {

	private static final DockerImageName IMAGE = DockerImageName.parse("redis:7");

	private static final int REDIS_PORT = 6379;

	private static final String TESTCONTAINERS_LOGGER = "org.testcontainers";

	private final RedisContainer container;

	private final int port;

	ContainerRedisRunner(RedisSettings settings) {
		this.container = new RedisContainer(settings);
		this.port = settings.port();
	}

	/**
	 * Return whether a Docker engine answers, without Testcontainers' report of every
	 * place it looked, which is noise on a machine that simply has no Docker.
	 * @return whether containers can run
	 */
	static boolean isDockerAvailable() {
		LoggingSystem loggingSystem = LoggingSystem.get(ContainerRedisRunner.class.getClassLoader());
		LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(TESTCONTAINERS_LOGGER);
		loggingSystem.setLogLevel(TESTCONTAINERS_LOGGER, LogLevel.OFF);
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		finally {
			loggingSystem.setLogLevel(TESTCONTAINERS_LOGGER,
					(configuration != null) ? configuration.getConfiguredLevel() : null);
		}
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public void start() throws InterruptedException {
		String id = this.container.getContainerId();
		if (id == null) {
			this.container.start();
		}
		else {
			this.container.getDockerClient().startContainerCmd(id).exec();
		}
		RedisPing.await(host(), this.port, this.container::isRunning, this.container::getLogs);
	}

	@Override
	public void stop() {
		this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void close() {
		this.container.stop();
	}

	private static final class RedisContainer extends GenericContainer<RedisContainer> {

		RedisContainer(RedisSettings settings) {
			super(IMAGE);
			// A mapped random port would change when the container is started again.
			addFixedExposedPort(settings.port(), REDIS_PORT);
			List<String> command = new ArrayList<>();
			command.add("redis-server");
			command.addAll(settings.persistenceOptions());
			withCommand(command.toArray(String[]::new));
		}

	}

}
