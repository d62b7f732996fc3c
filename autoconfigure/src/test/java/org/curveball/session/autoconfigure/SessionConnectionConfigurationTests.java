package org.curveball.session.autoconfigure;

import java.time.Duration;

import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;

import org.curveball.session.SessionStore;
import org.curveball.session.redis.CurveballSessionRedis;
import org.curveball.session.redis.RedisSessionStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionConnectionConfiguration}: which Redis connection sessions use,
 * and how it is bounded.
 */
class SessionConnectionConfigurationTests {

	private static final String DEDICATED_FACTORY = CurveballSessionRedisAutoConfiguration.DEDICATED_CONNECTION_FACTORY_BEAN_NAME;

	private static final String BOOT_FACTORY = "redisConnectionFactory";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void userConnectionFactory_isUsedAndNoneIsCreated() {
		this.contextRunner.withUserConfiguration(UserConnectionFactoryConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
			assertThat(context.getBeansOfType(RedisConnectionFactory.class)).containsOnlyKeys("userConnectionFactory");
			assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userConnectionFactory"));
		});
	}

	@Test
	void userConnectionFactory_curveballHostSet_winsOverHost() {
		this.contextRunner.withUserConfiguration(UserConnectionFactoryConfiguration.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				assertThat(context.getBeansOfType(RedisConnectionFactory.class))
					.containsOnlyKeys("userConnectionFactory");
				assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userConnectionFactory"));
			});
	}

	@Test
	void curveballHostAndPort_createDedicatedConnectionBesideBootOne() {
		this.contextRunner.withBean(ApplicationRedisClient.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example", "curveball.session.redis.port=6390",
					"spring.data.redis.host=app.example")
			.run((context) -> {
				LettuceConnectionFactory dedicated = context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class);
				assertThat(dedicated.getHostName()).isEqualTo("sessions.example");
				assertThat(dedicated.getPort()).isEqualTo(6390);
				assertThat(sessionConnectionFactory(context)).isSameAs(dedicated);
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void curveballUrl_createsDedicatedConnectionWithItsCredentialsDatabaseAndSsl() {
		this.contextRunner.withBean(ApplicationRedisClient.class)
			.withPropertyValues("curveball.session.redis.url=rediss://alice:secret@sessions.example:6391/3",
					"spring.data.redis.host=app.example")
			.run((context) -> {
				LettuceConnectionFactory dedicated = context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class);
				assertThat(dedicated.getHostName()).isEqualTo("sessions.example");
				assertThat(dedicated.getPort()).isEqualTo(6391);
				assertThat(dedicated.getDatabase()).isEqualTo(3);
				assertThat(dedicated.isUseSsl()).isTrue();
				RedisStandaloneConfiguration configuration = (RedisStandaloneConfiguration) ReflectionTestUtils
					.getField(dedicated, "configuration");
				assertThat(configuration.getUsername()).isEqualTo("alice");
				assertThat(configuration.getPassword().get()).containsExactly("secret".toCharArray());
				assertThat(sessionConnectionFactory(context)).isSameAs(dedicated);
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void curveballTimeout_setsCommandTimeoutOfDedicatedConnection() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.host=sessions.example",
					"curveball.session.redis.timeout=750ms")
			.run((context) -> assertThat(context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getCommandTimeout()).isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void curveballTimeout_setsCommandTimeoutOfSharedConnection() {
		this.contextRunner.withPropertyValues("curveball.session.redis.timeout=750ms")
			.run((context) -> assertThat(context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getCommandTimeout()).isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void curveballTimeout_springDataRedisTimeoutSet_leavesSharedConnectionsTimeout() {
		this.contextRunner.withPropertyValues("curveball.session.redis.timeout=750ms", "spring.data.redis.timeout=5s")
			.run((context) -> assertThat(context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getCommandTimeout()).isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void curveballTimeout_capsReconnectDelayOfDedicatedConnection() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.host=sessions.example",
					"curveball.session.redis.timeout=800ms")
			.run((context) -> assertThat(context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getClientResources()).hasValueSatisfying(
						(resources) -> assertThat(longestReconnectDelay(resources)).isEqualTo(Duration.ofMillis(200))));
	}

	@Test
	void curveballTimeout_capsReconnectDelayOfSharedConnection() {
		this.contextRunner.withPropertyValues("curveball.session.redis.timeout=800ms")
			.run((context) -> assertThat(longestReconnectDelay(context.getBean(ClientResources.class)))
				.isEqualTo(Duration.ofMillis(200)));
	}

	@Test
	void withoutCurveballConnectionProperties_sessionsUseBootConnection() {
		this.contextRunner.withPropertyValues("spring.data.redis.host=app.example", "spring.data.redis.port=6392")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				LettuceConnectionFactory boot = context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class);
				assertThat(boot.getHostName()).isEqualTo("app.example");
				assertThat(boot.getPort()).isEqualTo(6392);
				assertThat(sessionConnectionFactory(context)).isSameAs(boot);
			});
	}

	@Test
	void qualifiedUserSessionConnectionFactory_isUsedWhileBootOneStaysDefault() {
		this.contextRunner.withUserConfiguration(UserSessionConnectionFactoryConfiguration.class)
			.withBean(ApplicationRedisClient.class)
			.withPropertyValues("spring.data.redis.host=app.example")
			.run((context) -> {
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userSessionConnectionFactory"));
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void qualifiedUserSessionConnectionFactory_curveballHostSet_winsOverHost() {
		this.contextRunner.withUserConfiguration(UserSessionConnectionFactoryConfiguration.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userSessionConnectionFactory"));
			});
	}

	private static Duration longestReconnectDelay(ClientResources resources) {
		return resources.reconnectDelay().createDelay(Integer.MAX_VALUE);
	}

	private static void assertThatApplicationUsesBootConnection(ApplicationContext context, String host) {
		LettuceConnectionFactory boot = context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class);
		assertThat(boot.getHostName()).isEqualTo(host);
		assertThat(context.getBean(ApplicationRedisClient.class).connectionFactory()).isSameAs(boot);
	}

	/**
	 * Return the connection factory the session store sends its commands through. The
	 * store does not expose it, and what matters to users is where their sessions go.
	 */
	private static RedisConnectionFactory sessionConnectionFactory(ApplicationContext context) {
		RedisSessionStore store = context.getBean(RedisSessionStore.class);
		RedisConnectionFactory connectionFactory = (RedisConnectionFactory) ReflectionTestUtils.getField(store,
				"connectionFactory");
		assertThat(connectionFactory).isNotNull();
		return connectionFactory;
	}

	/**
	 * A bean of the application that takes a {@link RedisConnectionFactory} by type.
	 *
	 * @param connectionFactory the factory injected
	 */
	record ApplicationRedisClient(RedisConnectionFactory connectionFactory) {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionFactoryConfiguration {

		@Bean
		LettuceConnectionFactory userConnectionFactory() {
			return new LettuceConnectionFactory("user.example", 6393);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionConnectionFactoryConfiguration {

		@Bean(defaultCandidate = false)
		@CurveballSessionRedis
		LettuceConnectionFactory userSessionConnectionFactory() {
			return new LettuceConnectionFactory("user-sessions.example", 6394);
		}

	}

}
