package org.curveball.session.sample;

import java.util.Arrays;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample against Redis 7 in a Docker container (Testcontainers), for developers
 * who have Docker: run this class's {@code main} from the IDE, or
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}.
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		String[] withoutEmbeddedRedis = Arrays.copyOf(args, args.length + 1);
		withoutEmbeddedRedis[args.length] = "--sample.embedded-redis.enabled=false";
		SpringApplication.from(SampleApplication::main)
			.with(RedisContainerConfiguration.class)
			.run(withoutEmbeddedRedis);
	}

	/**
	 * A Redis container whose address becomes the application's Redis connection.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RedisContainerConfiguration {

		@Bean
		@ServiceConnection(name = "redis")
		GenericContainer<?> redisContainer() {
			return new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
		}

	}

}
