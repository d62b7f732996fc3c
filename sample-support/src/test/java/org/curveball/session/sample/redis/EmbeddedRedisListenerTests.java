package org.curveball.session.sample.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedRedisListener}: whether the sample starts its embedded Redis,
 * as it does when the application starts.
 */
class EmbeddedRedisListenerTests {

	private final SpringApplication application = new SpringApplication();

	private final EmbeddedRedisListener listener = new EmbeddedRedisListener();

	private final MockEnvironment environment = new MockEnvironment();

	private final int port = freePort();

	@AfterEach
	void stopEmbeddedRedis() {
		this.listener.onApplicationEvent(new ApplicationFailedEvent(this.application, new String[0],
				new GenericApplicationContext(), new IllegalStateException("test over")));
	}

	@Test
	void nothingAnswersAtTheSessionsAddress_startsTheEmbeddedRedisThere() {
		this.environment.setProperty("spring.data.redis.host", "127.0.0.1");
		this.environment.setProperty("spring.data.redis.port", Integer.toString(this.port));
		prepareEnvironment();
		assertThat(isListening(this.port)).isTrue();
	}

	@Test
	void clusterNodes_noEmbeddedRedis() {
		this.environment.setProperty("spring.data.redis.host", "127.0.0.1");
		this.environment.setProperty("spring.data.redis.port", Integer.toString(this.port));
		this.environment.setProperty("spring.data.redis.cluster.nodes", "127.0.0.1:" + freePort());
		prepareEnvironment();
		assertThat(isListening(this.port)).isFalse();
	}

	@Test
	void sessionSentinelNodes_noEmbeddedRedis() {
		this.environment.setProperty("spring.data.redis.host", "127.0.0.1");
		this.environment.setProperty("spring.data.redis.port", Integer.toString(this.port));
		this.environment.setProperty("curveball.session.redis.sentinel.master", "mymaster");
		this.environment.setProperty("curveball.session.redis.sentinel.nodes", "127.0.0.1:" + freePort());
		prepareEnvironment();
		assertThat(isListening(this.port)).isFalse();
	}

	private void prepareEnvironment() {
		this.listener.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				this.application, new String[0], this.environment));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
