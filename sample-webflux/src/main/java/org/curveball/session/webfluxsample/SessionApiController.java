package org.curveball.session.webfluxsample;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.curveball.session.Session;
import org.curveball.session.web.SessionCsrf;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet sample's JSON API over the exchange's session, on WebFlux: the same paths,
 * the same JSON and the same CSRF rules, so that one set of black-box expectations holds
 * for both. A handler receives its {@link Session} already loaded, so that it never waits
 * for Redis on an event-loop thread.
 */
@RestController
@RequestMapping("/api")
public class SessionApiController {

	private static final int STREAM_CHUNKS = 1024;

	private static final String STREAM_CHUNK = ".".repeat(1023) + "\n";

	@GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "Hello from the Curveball session WebFlux sample\n";
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
	void csrfCheck(Session session,
			@RequestHeader(name = SessionCsrf.HEADER_NAME, required = false) @Nullable String token) {
		session.validateCsrf((token != null) ? token : "");
	}

	@GetMapping(path = "/session/stream", produces = MediaType.TEXT_PLAIN_VALUE)
	Flux<String> stream(Session session) {
		session.put("streamed", STREAM_CHUNKS * STREAM_CHUNK.length());
		return Flux.range(0, STREAM_CHUNKS).map((chunk) -> STREAM_CHUNK);
	}

	/**
	 * The session's CSRF token, for clients to send back in {@code X-CSRF-Token}.
	 *
	 * @param token the token
	 */
	record CsrfToken(String token) {
	}

}
