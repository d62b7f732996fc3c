package org.curveball.session.web.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisWebApplicationTests;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flash attributes of a Spring MVC application on a random port, kept in Curveball
 * sessions on a real Redis and driven over HTTP as a browser would: the message of a
 * post-redirect-get shows once, and a browser without pending flash attributes costs no
 * Redis command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionFlashMapManagerTests extends AbstractRedisWebApplicationTests {

	private static final String MARKER = "CB-flash";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void flashAttribute_afterRedirect_showsOnceThenNoMore() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> posted = browser.send("POST", "/messages");
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue(HttpHeaders.LOCATION))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/messages"));
		ResponseCookie marker = setCookie(posted, MARKER);
		assertThat(marker.getMaxAge().toSeconds()).isBetween(179L, 180L);
		assertThat(marker.isHttpOnly()).isTrue();
		assertThat(marker.getPath()).isEqualTo("/");
		assertThat(marker.getSameSite()).isEqualTo("Lax");
		assertThat(marker.isSecure()).isFalse();

		HttpResponse<String> shown = browser.send("GET", "/messages");
		assertThat(shown.body()).isEqualTo("message: saved");
		assertThat(setCookie(shown, MARKER).getMaxAge()).isZero();

		assertThat(browser.send("GET", "/messages").body()).isEqualTo("message: null");
	}

	@Test
	void flashAttributes_areKeptInSessionAsPlainJson() throws Exception {
		Browser browser = new Browser();
		browser.send("POST", "/messages");
		String json = redis.commands().get("session-" + browser.sessionId());
		assertThat(json).startsWith("{\"__flash\":[{\"path\":\"/messages\",\"params\":{},\"expires\":")
			.endsWith(",\"attributes\":{\"message\":\"saved\"}}]}");
	}

	@Test
	void flashAttributeObject_readsBackAsMapOfItsJson() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.send("POST", "/items").statusCode()).isEqualTo(302);
		assertThat(browser.send("GET", "/items").body()).isEqualTo("item: {name=pen, count=2}");
	}

	@Test
	void requestWithSessionCookieButNoMarker_costsNoRedisCommand() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.send("GET", "/visits").body()).isEqualTo("visits: 1");
		assertThat(browser.cookies).containsOnlyKeys("CB");
		Map<String, Long> before = redis.commandCalls();
		assertThat(browser.send("GET", "/messages").body()).isEqualTo("message: null");
		assertThat(browser.send("GET", "/hello").body()).isEqualTo("hello");
		assertThat(commandsSince(before)).isZero();
		assertThat(browser.send("GET", "/visits").body()).isEqualTo("visits: 2");
	}

	@Test
	void requestWithMarkerForAnotherPage_readsSessionOnceAndKeepsFlashForItsTarget() throws Exception {
		Browser browser = new Browser();
		browser.send("POST", "/messages");
		Map<String, Long> before = redis.commandCalls();
		assertThat(browser.send("GET", "/hello").body()).isEqualTo("hello");
		assertThat(commandsSince(before)).isOne();
		assertThat(browser.cookies).containsKey(MARKER);
		assertThat(browser.send("GET", "/messages").body()).isEqualTo("message: saved");
		assertThat(browser.cookies).doesNotContainKey(MARKER);
	}

	private static long commandsSince(Map<String, Long> before) {
		return redis.commandCalls()
			.entrySet()
			.stream()
			.filter((calls) -> !calls.getKey().startsWith("info") && !calls.getKey().startsWith("config"))
			.mapToLong((calls) -> calls.getValue() - before.getOrDefault(calls.getKey(), 0L))
			.sum();
	}

	private static ResponseCookie setCookie(HttpResponse<?> response, String name) {
		List<ResponseCookie> cookies = response.headers()
			.allValues(HttpHeaders.SET_COOKIE)
			.stream()
			.map(SessionFlashMapManagerTests::parse)
			.filter((cookie) -> cookie.getName().equals(name))
			.toList();
		assertThat(cookies).as("Set-Cookie " + name).hasSize(1);
		return cookies.get(0);
	}

	private static ResponseCookie parse(String header) {
		String[] parts = header.split(";\\s*");
		String[] pair = parts[0].split("=", 2);
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(pair[0], pair[1]);
		for (int i = 1; i < parts.length; i++) {
			String[] attribute = parts[i].split("=", 2);
			switch (attribute[0].toLowerCase()) {
				case "max-age" -> cookie.maxAge(Long.parseLong(attribute[1]));
				case "path" -> cookie.path(attribute[1]);
				case "samesite" -> cookie.sameSite(attribute[1]);
				case "httponly" -> cookie.httpOnly(true);
				case "secure" -> cookie.secure(true);
				default -> {
				}
			}
		}
		return cookie.build();
	}

	/**
	 * A client that keeps cookies as a browser does: a {@code Max-Age} of 0 removes one.
	 */
	private final class Browser {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + SessionFlashMapManagerTests.this.port + path))
				.method(method, HttpRequest.BodyPublishers.noBody());
			if (!this.cookies.isEmpty()) {
				request.header(HttpHeaders.COOKIE,
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
			for (String header : response.headers().allValues(HttpHeaders.SET_COOKIE)) {
				ResponseCookie cookie = parse(header);
				if (cookie.getMaxAge().isZero()) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
			return response;
		}

		String sessionId() {
			String encoded = this.cookies.get("CB");
			assertThat(encoded).as("session cookie").isNotNull();
			return SessionCookies.defaultCodec().idOf(encoded);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FlashController.class)
	static class FlashApplication {

	}

	@Controller
	static class FlashController {

		@PostMapping("/messages")
		String post(RedirectAttributes attributes) {
			attributes.addFlashAttribute("message", "saved");
			return "redirect:/messages";
		}

		@PostMapping("/items")
		String postItem(RedirectAttributes attributes) {
			attributes.addFlashAttribute("item", new Item("pen", 2));
			return "redirect:/items";
		}

		@GetMapping("/messages")
		@ResponseBody
		String messages(Model model) {
			return "message: " + model.getAttribute("message");
		}

		@GetMapping("/items")
		@ResponseBody
		String item(Model model) {
			return "item: " + model.getAttribute("item");
		}

		@GetMapping("/visits")
		@ResponseBody
		String visits(Session session) {
			Integer visits = session.get("visits", Integer.class);
			session.put("visits", (visits != null) ? visits + 1 : 1);
			return "visits: " + session.get("visits");
		}

		@GetMapping("/hello")
		@ResponseBody
		String hello() {
			return "hello";
		}

	}

	record Item(String name, int count) {

	}

}
