package org.curveball.bench.springsession;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark application on Spring Session Data Redis with Boot's defaults: the
 * handler uses the servlet {@link HttpSession}, which Spring Session backs with Redis.
 */
@SpringBootApplication
public class SpringSessionApp {

	public static void main(String[] args) {
		SpringApplication.run(SpringSessionApp.class, args);
	}

	@RestController
	static class Controller extends BenchController<HttpServletRequest> {

		Controller() {
			super(new SessionAccess<>() {

				@Override
				public Object read(HttpServletRequest request, String key) {
					HttpSession session = request.getSession(false);
					return (session != null) ? session.getAttribute(key) : null;
				}

				@Override
				public void write(HttpServletRequest request, String key, Object value) {
					request.getSession().setAttribute(key, value);
				}

			});
		}

	}

}
