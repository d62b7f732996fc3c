package org.curveball.session.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
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
 * A JSON API over the request's session, the one black-box tests drive.
 */
@RestController
@RequestMapping("/api")
public class SessionApiController {

	private static final int STREAM_CHUNKS = 1024;

	private static final byte[] STREAM_CHUNK = chunk();

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

	@GetMapping("/session/stream")
	void stream(Session session, HttpServletResponse response) throws IOException {
		session.put("streamed", STREAM_CHUNKS * STREAM_CHUNK.length);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		OutputStream body = response.getOutputStream();
		for (int i = 0; i < STREAM_CHUNKS; i++) {
			body.write(STREAM_CHUNK);
			body.flush();
		}
	}

	private static byte[] chunk() {
		byte[] chunk = new byte[1024];
		Arrays.fill(chunk, (byte) '.');
		chunk[chunk.length - 1] = '\n';
		return chunk;
	}

	/**
	 * The session's CSRF token, for clients to send back in {@code X-CSRF-Token}.
	 *
	 * @param token the token
	 */
	record CsrfToken(String token) {
	}

}
