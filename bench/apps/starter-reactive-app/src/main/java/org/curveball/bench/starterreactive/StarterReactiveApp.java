package org.curveball.bench.starterreactive;

import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;
import org.curveball.session.Session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark application on the Curveball session starter, on WebFlux: the handler
 * parameter is the starter's {@link Session}, loaded without blocking before the handler
 * runs.
 */
@SpringBootApplication
public class StarterReactiveApp {

	public static void main(String[] args) {
		SpringApplication.run(StarterReactiveApp.class, args);
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
