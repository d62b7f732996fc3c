package org.curveball.session.web.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.Session;
import org.curveball.session.attributes.AllowedCart;
import org.curveball.session.attributes.AllowedItem;
import org.curveball.session.core.LazySession;
import org.curveball.session.testing.AbstractRedisWebApplicationTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.web.SessionAttributeValues;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link HttpSession} view over real HTTP and a real Redis: the servlet
 * session is the Curveball session, with the same cookie, key and budget.
 */
@SpringBootTest(classes = SessionHttpSessionTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "curveball.session.redis.attribute-types.allowed-packages=org.curveball.session.attributes.")
class SessionHttpSessionTests extends AbstractRedisWebApplicationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings
		.from("org.curveball.session.web.servlet.SessionSavingResponse", "Session could not be saved")
		.and(LazySession.class, "Ignoring session value")
		.and(SessionAttributeValues.class, "Leaving session attribute");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void setAttribute_plainValue_isStoredUnderTheSessionCookieAsCurveballJson() throws Exception {
		HttpResponse<String> response = send("GET", "/visit", null);
		String id = sessionId(response);
		assertThat(response.body()).isEqualTo("1");
		assertThat(redis.server().commands().get("session-" + id)).isEqualTo("{\"visits\":1}");
		assertThat(send("GET", "/visit", id).body()).isEqualTo("2");
	}

	@Test
	void getAttribute_valuePutThroughSession_isTheSameSession() throws Exception {
		String id = sessionId(send("POST", "/name", null));
		assertThat(send("GET", "/name-from-http-session", id).body()).isEqualTo("Ada");
	}

	@Test
	void getSessionFalse_withoutCookie_costsNoCommandAndCreatesNoSession() throws Exception {
		long before = commands();
		HttpResponse<String> response = send("GET", "/peek", null);
		assertThat(response.body()).isEqualTo("no session");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(commands()).isEqualTo(before);
	}

	@Test
	void getSessionFalse_withCookieOfExistingSession_readsItOnce() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		long before = commands();
		assertThat(send("GET", "/peek", id).body()).isEqualTo("visits=1");
		assertThat(commands() - before).isEqualTo(1);
	}

	@Test
	void getSessionFalse_withCookieAndOnlyItsIdAsked_costsNoCommand() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		long before = commands();
		assertThat(send("GET", "/id-only", id).body()).isEqualTo(id);
		assertThat(commands()).isEqualTo(before);
	}

	@Test
	void getSessionFalse_withCookieOfSessionThatIsNotStored_holdsNothingAndStoresNothing() throws Exception {
		String unknown = SessionCookies.newId();
		HttpResponse<String> response = send("GET", "/peek", unknown);
		assertThat(response.body()).isEqualTo("visits=null");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(redis.server().commands().keys("*")).isEmpty();
	}

	@Test
	void setAttribute_allowedObject_isStoredWithItsTypeAndReadBack() throws Exception {
		String id = sessionId(send("POST", "/cart", null));
		assertThat(redis.server().commands().get("session-" + id))
			.contains("\"@class\":\"org.curveball.session.attributes.AllowedCart\"");
		assertThat(send("GET", "/cart", id).body()).isEqualTo("c1: book x2");
	}

	@Test
	void sessionGet_objectSetAsHttpSessionAttribute_isTheObject() throws Exception {
		String id = sessionId(send("POST", "/cart", null));
		assertThat(send("GET", "/cart-from-session", id).body()).isEqualTo("c1 with 1 item(s)");
	}

	@Test
	void getAttribute_storedObjectNotChanged_writesNothing() throws Exception {
		String id = sessionId(send("POST", "/cart", null));
		long before = commands();
		HttpResponse<String> response = send("GET", "/cart", id);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(commands() - before).isEqualTo(1);
	}

	@Test
	void getAttribute_objectMutatedInPlace_isSaved() throws Exception {
		String id = sessionId(send("POST", "/cart", null));
		send("POST", "/cart/add", id);
		assertThat(send("GET", "/cart", id).body()).isEqualTo("c1: book x2, pen x1");
	}

	@Test
	void setAttribute_objectOffTheAllowList_failsAtSaveNamingTypeAndPropertyAndWritesNothing() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		HttpResponse<String> response = send("POST", "/counter", id);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("java.util.concurrent.atomic.AtomicInteger")
			.contains("curveball.session.redis.attribute-types.allowed-packages")
			.doesNotContain(id);
		assertThat(redis.server().commands().get("session-" + id)).isEqualTo("{\"visits\":1}");
	}

	@Test
	void setAttribute_exceptionThatCannotBeStored_isLeftOutWithAWarningAndTheRequestSucceeds() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		HttpResponse<String> response = send("POST", "/failure", id);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(redis.server().commands().get("session-" + id)).isEqualTo("{\"visits\":1,\"note\":\"kept\"}");
		assertThat(warnings.messages())
			.anySatisfy((warning) -> assertThat(warning).startsWith("Leaving session attribute 'failure' out")
				.contains(IllegalStateException.class.getName()));
	}

	@Test
	void getAttribute_storedTypeOffTheAllowList_readsAsAbsentAndKeepsTheOtherAttributes() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		redis.server()
			.commands()
			.set("session-" + id, "{\"visits\":1,\"cart\":{\"@class\":\"java.util.concurrent.atomic.AtomicInteger\"}}");
		assertThat(send("GET", "/cart", id).body()).isEqualTo("no cart");
		assertThat(send("GET", "/visit", id).body()).isEqualTo("2");
	}

	@Test
	void changeSessionId_movesTheSessionToANewIdAndDeletesTheOld() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		HttpResponse<String> response = send("POST", "/change-id", id);
		String newId = sessionId(response);
		assertThat(newId).isNotEqualTo(id);
		assertThat(response.body()).isEqualTo("changed=true new=" + newId);
		assertThat(redis.server().commands().exists("session-" + id)).isZero();
		assertThat(send("GET", "/visit", newId).body()).isEqualTo("2");
	}

	@Test
	void invalidate_deletesTheSessionAndClearsTheCookie() throws Exception {
		String id = sessionId(send("GET", "/visit", null));
		HttpResponse<String> response = send("POST", "/invalidate", id);
		assertThat(response.body()).isEqualTo("invalidated, then no session");
		assertThat(response.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).startsWith("CB=;").contains("Max-Age=0"));
		assertThat(redis.server().commands().exists("session-" + id)).isZero();
	}

	@Test
	void getId_newSession_isTheIdItIsStoredUnder() throws Exception {
		HttpResponse<String> response = send("POST", "/id", null);
		assertThat(response.body()).isEqualTo(sessionId(response));
	}

	private long commands() {
		return redis.server()
			.commandCalls()
			.entrySet()
			.stream()
			.filter((calls) -> !calls.getKey().startsWith("info") && !calls.getKey().startsWith("config"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String sessionId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (sessionId != null) {
			request.header("Cookie", "CB=" + SessionCookies.encodeURIComponent(sessionId));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionId(HttpResponse<String> response) {
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		String value = cookie.substring("CB=".length(), cookie.indexOf(';'));
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HttpSessionController.class)
	static class App {

	}

	@RestController
	static class HttpSessionController {

		@GetMapping("/visit")
		int visit(HttpSession session) {
			Integer visits = (Integer) session.getAttribute("visits");
			int next = (visits != null) ? visits + 1 : 1;
			session.setAttribute("visits", next);
			return next;
		}

		@PostMapping("/name")
		void name(Session session) {
			session.put("name", "Ada");
		}

		@GetMapping("/name-from-http-session")
		Object nameFromHttpSession(HttpSession session) {
			return session.getAttribute("name");
		}

		@GetMapping("/peek")
		String peek(HttpServletRequest request) {
			HttpSession session = request.getSession(false);
			return (session != null) ? "visits=" + session.getAttribute("visits") : "no session";
		}

		@GetMapping("/id-only")
		String idOnly(HttpServletRequest request) {
			HttpSession session = request.getSession(false);
			return (session != null) ? session.getId() : "no session";
		}

		@PostMapping("/cart")
		void putCart(HttpSession session) {
			session.setAttribute("cart", new AllowedCart("c1", new ArrayList<>(List.of(new AllowedItem("book", 2)))));
		}

		@PostMapping("/cart/add")
		void addToCart(HttpSession session) {
			((AllowedCart) session.getAttribute("cart")).items().add(new AllowedItem("pen", 1));
		}

		@GetMapping("/cart")
		String cart(HttpSession session) {
			if (!(session.getAttribute("cart") instanceof AllowedCart cart)) {
				return "no cart";
			}
			List<String> items = cart.items()
				.stream()
				.map((item) -> ((AllowedItem) item).name() + " x" + ((AllowedItem) item).quantity())
				.toList();
			return cart.id() + ": " + String.join(", ", items);
		}

		@GetMapping("/cart-from-session")
		String cartFromSession(Session session) {
			AllowedCart cart = session.get("cart", AllowedCart.class);
			return cart.id() + " with " + cart.items().size() + " item(s)";
		}

		@PostMapping("/counter")
		void counter(HttpSession session) {
			session.setAttribute("counter", new AtomicInteger(1));
		}

		@PostMapping("/failure")
		void failure(HttpSession session) {
			session.setAttribute("failure", new IllegalStateException("not a sign-in failure"));
			session.setAttribute("note", "kept");
		}

		@PostMapping("/change-id")
		String changeId(HttpServletRequest request) {
			String before = request.getSession().getId();
			String after = request.changeSessionId();
			return "changed=" + !before.equals(after) + " new=" + request.getSession().getId();
		}

		@PostMapping("/invalidate")
		String invalidate(HttpServletRequest request) {
			request.getSession().invalidate();
			return "invalidated, then " + ((request.getSession(false) != null) ? "a session" : "no session");
		}

		@PostMapping("/id")
		String id(HttpServletRequest request) {
			HttpSession session = request.getSession();
			session.setAttribute("user", "ada");
			return session.getId();
		}

	}

}
