package org.curveball.session.sample.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.curveball.session.Session;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A JSON API over the request's session, the one black-box tests drive, served alike by
 * Spring MVC and by Spring WebFlux: it needs nothing but the starter's {@link Session}
 * parameter, which both stacks resolve (on WebFlux, loaded before the handler runs, so
 * that it never waits for Redis on an event-loop thread). Each sample adds what depends
 * on its stack: a streamed response.
 */
@RestController
@RequestMapping("/api")
public class SessionApiController {

	@GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "Hello from the Curveball session sample\n";
	}

	@GetMapping("/session")
	Map<String, @Nullable Object> values(Session session) {
		return session.asMap();
	}

	@PutMapping("/session/{key}")
	Map<String, @Nullable Object> put(Session session, @PathVariable String key, @RequestBody JsonNode value) {
		session.put(key, value);
		return session.asMap();
	}

	@DeleteMapping("/session/{key}")
	Map<String, @Nullable Object> remove(Session session, @PathVariable String key) {
		session.remove(key);
		return session.asMap();
	}

	@DeleteMapping("/session")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void end(Session session) {
		session.invalidate();
	}

	@PostMapping("/session/regenerate")
	Map<String, @Nullable Object> regenerate(Session session) {
		session.regenerateId();
		return session.asMap();
	}

	@GetMapping("/session/csrf")
	CsrfToken csrfToken(Session session) {
		return new CsrfToken(session.csrfToken());
	}

	@PostMapping("/session/csrf-check")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void csrfCheck(Session session) {
		session.validateCsrf();
	}

	/**
	 * The session's CSRF token, for clients to send back in {@code X-CSRF-Token}.
	 *
	 * @param token the token
	 */
	record CsrfToken(String token) {
	}

}
