package org.curveball.bench.nosessionreactive;

import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The ceiling on WebFlux: the same endpoints with no session at all. A read returns a
 * constant, a write does nothing.
 */
@SpringBootApplication
public class NoSessionReactiveApp {

	public static void main(String[] args) {
		SpringApplication.run(NoSessionReactiveApp.class, args);
	}

	@RestController
	static class Controller extends BenchController<ServerWebExchange> {

		private static final Integer CONSTANT = 1;

		Controller() {
			super(new SessionAccess<>() {

				@Override
				public Object read(ServerWebExchange exchange, String key) {
					return CONSTANT;
				}

				@Override
				public void write(ServerWebExchange exchange, String key, Object value) {
				}

			});
		}

	}

}
