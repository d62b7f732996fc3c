package org.curveball.session.sample.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends real HTTP requests to an application, with exactly the cookies a test gives (no
 * cookie jar) and without following redirects, so that tests see what a browser would
 * receive.
 */
public final class SampleClient {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUri;

	public SampleClient(String baseUri) {
		this.baseUri = baseUri;
	}

	public static SampleClient onLocalPort(int port) {
		return new SampleClient("http://localhost:" + port);
	}

	public Call get(String path) {
		return new Call(path, "GET", BodyPublishers.noBody());
	}

	public Call put(String path, String json) {
		return new Call(path, "PUT", BodyPublishers.ofString(json)).header("Content-Type", "application/json");
	}

	public Call delete(String path) {
		return new Call(path, "DELETE", BodyPublishers.noBody());
	}

	public Call post(String path) {
		return new Call(path, "POST", BodyPublishers.noBody());
	}

	public Call postForm(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return new Call(path, "POST", BodyPublishers.ofString(form)).header("Content-Type",
				"application/x-www-form-urlencoded");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * One request, built up and then sent.
	 */
	public final class Call {

		private final HttpRequest.Builder request;

		private final List<String> cookies = new ArrayList<>();

		private Call(String path, String method, BodyPublisher body) {
			this.request = HttpRequest.newBuilder(URI.create(SampleClient.this.baseUri + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body);
		}

		/**
		 * Add a cookie, as {@code name=value} exactly as it goes on the wire.
		 * @param cookie the cookie
		 * @return this call
		 */
		public Call cookie(String cookie) {
			this.cookies.add(cookie);
			return this;
		}

		public Call header(String name, String value) {
			this.request.header(name, value);
			return this;
		}

		public HttpResponse<String> send() {
			if (!this.cookies.isEmpty()) {
				this.request.header("Cookie", String.join("; ", this.cookies));
			}
			try {
				return HTTP.send(this.request.build(), BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a response", ex);
			}
		}

	}

}
