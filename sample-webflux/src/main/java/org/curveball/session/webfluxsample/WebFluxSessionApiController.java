package org.curveball.session.webfluxsample;

import reactor.core.publisher.Flux;

import org.curveball.session.Session;
import org.curveball.session.sample.api.SessionApiController;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of both samples ({@link SessionApiController}, imported here) and its part
 * that depends on WebFlux: a response streamed as a {@link Flux}, whose first chunk
 * commits the response after the session is saved.
 */
@RestController
@RequestMapping("/api")
@Import(SessionApiController.class)
public class WebFluxSessionApiController {

	private static final int STREAM_CHUNKS = 1024;

	private static final String STREAM_CHUNK = ".".repeat(1023) + "\n";

	@GetMapping(path = "/session/stream", produces = MediaType.TEXT_PLAIN_VALUE)
	Flux<String> stream(Session session) {
		session.put("streamed", STREAM_CHUNKS * STREAM_CHUNK.length());
		return Flux.range(0, STREAM_CHUNKS).map((chunk) -> STREAM_CHUNK);
	}

}
