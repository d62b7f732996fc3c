package org.curveball.bench.jmh;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.Session;
import org.curveball.session.SessionSettings;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.memory.InMemorySessionStore;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionCookieSettings;
import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.servlet.SessionFilter;
import org.curveball.session.web.servlet.SessionFlashMapManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The starter's own work per request, without the network: the session cookie parsed,
 * the session loaded from an in-memory store and its JSON read, one attribute read (and
 * in {@link #write} changed), the flash attributes looked for as Spring MVC's
 * {@code DispatcherServlet} does, the session saved and the response's cookie decided,
 * all through the {@link SessionFilter} with the {@code HttpSession} view on, as the
 * starter's auto-configuration sets it up by default. {@link #noSession} runs the same
 * handler on the same mock request and response without the filter: the difference is
 * the starter's.
 * <p>
 * Run with {@code java -jar bench/jmh/target/benchmarks.jar -prof gc} (see
 * bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionRequestBenchmark {

	private static final String KEY = "counter";

	private SessionFilter filter;

	private SessionFlashMapManager flashMaps;

	private String cookieHeader;

	private final FilterChain read = this::read;

	private final FilterChain write = this::write;

	@Setup
	public void setUp() {
		JsonMapper mapper = new JsonMapper();
		SessionAttributeTypes types = SessionAttributeTypes.of(mapper, List.of(), "allow it");
		InMemorySessionStore store = new InMemorySessionStore(new SecureRandomSessionIdGenerator(),
				Clock.systemUTC());
		SessionSettings settings = new SessionSettings(Duration.ofHours(1), 128 * 1024);
		SessionManager sessions = new SessionManager(store, new SessionCodec(mapper, types), settings);
		SessionCookieSettings cookieSettings = SessionCookieSettings.defaults();
		SessionCookieCodec cookies = new SessionCookieCodec(cookieSettings, List.of());
		this.filter = new SessionFilter(sessions, cookies,
				new SessionProblems("curveball.session.redis.max-size"), types);
		this.flashMaps = new SessionFlashMapManager(cookieSettings);
		String id = store.newSessionId();
		store.set(id, "{\"" + KEY + "\":1}", settings.expiry());
		this.cookieHeader = cookies.cookie(id, false).toString().split(";", 2)[0];
	}

	/**
	 * A request that reads the session's one attribute.
	 * @return the response, so that nothing is optimized away
	 * @throws Exception never
	 */
	@Benchmark
	public MockHttpServletResponse read() throws Exception {
		return run(this.read, "GET");
	}

	/**
	 * A request that increments the session's one attribute.
	 * @return the response
	 * @throws Exception never
	 */
	@Benchmark
	public MockHttpServletResponse write() throws Exception {
		return run(this.write, "POST");
	}

	/**
	 * The read request's handler without the filter: what the mock request and response
	 * and the handler cost by themselves.
	 * @return the response
	 * @throws Exception never
	 */
	@Benchmark
	public MockHttpServletResponse noSession() throws Exception {
		MockHttpServletRequest request = request("GET");
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.getWriter().write("1");
		return response;
	}

	private MockHttpServletResponse run(FilterChain chain, String method) throws Exception {
		MockHttpServletRequest request = request(method);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

	private MockHttpServletRequest request(String method) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/" + method);
		request.addHeader("Cookie", this.cookieHeader);
		return request;
	}

	private void read(ServletRequest request, ServletResponse response)
			throws IOException {
		HttpServletRequest http = (HttpServletRequest) request;
		this.flashMaps.retrieveAndUpdate(http, (HttpServletResponse) response);
		response.getWriter().write(String.valueOf(sessionOf(http).get(KEY)));
	}

	private void write(ServletRequest request, ServletResponse response)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		this.flashMaps.retrieveAndUpdate(http, (HttpServletResponse) response);
		Session session = sessionOf(http);
		int next = ((session.get(KEY) instanceof Number number) ? number.intValue() : 0) + 1;
		session.put(KEY, next);
		response.getWriter().write(Integer.toString(next));
	}

	private static Session sessionOf(HttpServletRequest request) {
		return (Session) request.getAttribute(SessionFilter.SESSION_ATTRIBUTE);
	}

}
