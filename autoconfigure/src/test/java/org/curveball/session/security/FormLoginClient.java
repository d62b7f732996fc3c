package org.curveball.session.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.curveball.session.web.SessionCookies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of an application with Spring Security's form login and Curveball sessions,
 * over real HTTP, with its own session cookie: it signs in and out and asks who it is
 * ({@code GET /account} answers the user's name, {@code 401} when nobody signed in).
 */
final class FormLoginClient {

	private final int port;

	private @Nullable String cookie;

	FormLoginClient(int port) {
		this.port = port;
	}

	/**
	 * Sign in with the login form.
	 * @param username the user's name
	 * @param password the user's password
	 * @return where the answer redirects to
	 */
	String signIn(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = send("POST", "/login", "username=" + username + "&password=" + password);
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	/**
	 * Sign out with Spring Security's logout.
	 */
	void signOut() throws IOException, InterruptedException {
		assertThat(send("POST", "/logout", "").statusCode()).isEqualTo(302);
	}

	/**
	 * Ask who is signed in.
	 * @return the user's name, or {@code null} if the request is not signed in
	 */
	@Nullable String account() throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", "/account", null);
		if (response.statusCode() == 401) {
			return null;
		}
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Send a request with the client's cookie, keeping the session cookie it is given.
	 * @param method the method
	 * @param path the path
	 * @param form the body, sent as a form, or {@code null} for none
	 * @return the response
	 */
	HttpResponse<String> send(String method, String path, @Nullable String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (form != null) ? BodyPublishers.ofString(form) : BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(10));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if (this.cookie != null) {
			request.header("Cookie", this.cookie);
		}
		// A connection per request: Reactor Netty may hold back a keep-alive request
		// that comes while the response before it, finished on another thread than
		// the connection's (as Spring Security's sign-in does), is still ending.
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
		response.headers().firstValue("Set-Cookie").ifPresent((setCookie) -> {
			String value = setCookie.substring(0, setCookie.indexOf(';'));
			this.cookie = value.equals("CB=") ? null : value;
		});
		return response;
	}

	/**
	 * Return the id of the session the client's cookie names.
	 * @return the id
	 */
	String sessionId() {
		String value = this.cookie;
		assertThat(value).as("a session cookie").isNotNull();
		String id = SessionCookies.defaultCodec().idOf(value.substring("CB=".length()));
		assertThat(id).as("the id of " + value).isNotNull();
		return id;
	}

	/**
	 * Return the Redis key of the session the client's cookie names.
	 * @return the key
	 */
	String sessionKey() {
		return "session-" + sessionId();
	}

}
