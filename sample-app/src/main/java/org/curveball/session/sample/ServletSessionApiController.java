package org.curveball.session.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.curveball.session.Session;
import org.curveball.session.sample.api.SessionApiController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of the JSON API ({@link SessionApiController}) that depends on Spring MVC: a
 * response streamed through the servlet's output stream.
 */
@RestController
@RequestMapping("/api")
public class ServletSessionApiController {

	private static final int STREAM_CHUNKS = 1024;

	private static final byte[] STREAM_CHUNK = chunk();

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

}
