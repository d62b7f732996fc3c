package org.curveball.session.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * The ways of running Redis for tests, in the order in which they are tried.
 */
enum RedisProvider {

	/**
	 * A {@code redis:7} container, where a Docker engine answers.
	 */
	CONTAINER {

		@Override
		boolean isAvailable() {
			return ContainerRedisRunner.isDockerAvailable();
		}

		@Override
		RedisRunner create(RedisSettings settings) {
			return new ContainerRedisRunner(settings);
		}

	},

	/**
	 * A {@code redis-server} executable found on the {@code PATH}.
	 */
	BINARY {

		@Override
		boolean isAvailable() {
			return redisServerOnPath().isPresent();
		}

		@Override
		RedisRunner create(RedisSettings settings) throws IOException {
			Path executable = redisServerOnPath()
				.orElseThrow(() -> new IllegalStateException("No redis-server executable on the PATH"));
			return new ProcessRedisRunner(executable, settings);
		}

	},

	/**
	 * The {@code redis-server} executable shipped inside the embedded-redis library.
	 */
	EMBEDDED {

		// Copied out of the jar once: every copy takes 10 MB until the JVM exits.
		private @Nullable Path executable;

		@Override
		boolean isAvailable() {
			return true;
		}

		@Override
		synchronized RedisRunner create(RedisSettings settings) throws IOException {
			Path executable = this.executable;
			if (executable == null) {
				executable = ExecutableProvider.newJarResourceProvider().get().toPath();
				this.executable = executable;
			}
			return new ProcessRedisRunner(executable, settings);
		}

	};

	/**
	 * System property that names the provider to use instead of the first available one.
	 */
	static final String PROPERTY = "curveball.test.redis";

	/**
	 * Return whether this provider can run Redis on this machine.
	 * @return whether it is available
	 */
	abstract boolean isAvailable();

	/**
	 * Create a runner for a server with the given settings, not started yet.
	 * @param settings the server's settings
	 * @return the runner
	 * @throws IOException if the runner could not be prepared
	 */
	abstract RedisRunner create(RedisSettings settings) throws IOException;

	/**
	 * Return the name of this provider, as the {@value #PROPERTY} system property spells
	 * it.
	 * @return the name
	 */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the {@code redis-server} executable found first on the {@code PATH}.
	 * @return the executable, if there is one
	 */
	static Optional<Path> redisServerOnPath() {
		String path = System.getenv("PATH");
		return (path != null) ? Arrays.stream(path.split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst() : Optional.empty();
	}

	/**
	 * Return the provider named by the {@value #PROPERTY} system property, else the first
	 * available one.
	 * @return the provider to use
	 */
	static RedisProvider select() {
		String forced = System.getProperty(PROPERTY);
		if (forced == null || forced.isBlank()) {
			return Arrays.stream(values()).filter(RedisProvider::isAvailable).findFirst().orElseThrow();
		}
		return Arrays.stream(values())
			.filter((provider) -> provider.id().equals(forced.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Unknown Redis provider %s=%s, expected one of: %s".formatted(PROPERTY, forced,
							Arrays.stream(values()).map(RedisProvider::id).collect(Collectors.joining(", ")))));
	}

}
