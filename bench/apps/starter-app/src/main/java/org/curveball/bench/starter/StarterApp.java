package org.curveball.bench.starter;

import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;
import org.curveball.session.Session;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark application on the Curveball session starter: the handler parameter is
 * the starter's {@link Session}, resolved from the request.
 */
@SpringBootApplication
public class StarterApp {

	public static void main(String[] args) {
		SpringApplication.run(StarterApp.class, args);
	}

	/**
	 * Variant {@code lettuce-pool}: commands go over connections borrowed from the pool.
	 * Lettuce keeps using its one shared connection for them, the pool notwithstanding,
	 * unless sharing is turned off.
	 */
	@Configuration(proxyBeanMethods = false)
	@Profile("lettuce-pool")
	static class LettucePoolConfiguration {

		@Bean
		static BeanPostProcessor unsharedLettuceConnection() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof LettuceConnectionFactory factory) {
						factory.setShareNativeConnection(false);
					}
					return bean;
				}

			};
		}

	}

	@RestController
	static class Controller extends BenchController<Session> {

		Controller() {
			super(new SessionAccess<>() {

				@Override
				public Object read(Session session, String key) {
					return session.get(key);
				}

				@Override
				public void write(Session session, String key, Object value) {
					session.put(key, value);
				}

			});
		}

	}

}
