package org.curveball.bench.springsessionreactive;

import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * The benchmark application on Spring Session Data Redis, on WebFlux: the handler
 * parameter is the exchange's {@link WebSession}, which Spring Session keeps in Redis.
 */
@SpringBootApplication
public class SpringSessionReactiveApp {

	public static void main(String[] args) {
		SpringApplication.run(SpringSessionReactiveApp.class, args);
	}

	@RestController
	static class Controller extends BenchController<WebSession> {

		Controller() {
			super(new SessionAccess<>() {

				@Override
				public Object read(WebSession session, String key) {
					return session.getAttribute(key);
				}

				@Override
				public void write(WebSession session, String key, Object value) {
					session.getAttributes().put(key, value);
				}

			});
		}

	}

}
