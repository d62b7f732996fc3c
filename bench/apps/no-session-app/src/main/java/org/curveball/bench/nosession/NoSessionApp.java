package org.curveball.bench.nosession;

import jakarta.servlet.http.HttpServletRequest;
import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling: the same endpoints with no session at all. A read returns a constant, a
 * write does nothing.
 */
@SpringBootApplication
public class NoSessionApp {

	public static void main(String[] args) {
		SpringApplication.run(NoSessionApp.class, args);
	}

	@RestController
	static class Controller extends BenchController<HttpServletRequest> {

		private static final Integer CONSTANT = 1;

		Controller() {
			super(new SessionAccess<>() {

				@Override
				public Object read(HttpServletRequest request, String key) {
					return CONSTANT;
				}

				@Override
				public void write(HttpServletRequest request, String key, Object value) {
				}

			});
		}

	}

}
